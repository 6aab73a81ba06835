import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { isUuid } from '../common/validate';
import { badInput } from '../errors';
import { MAY_HEAR } from '../permissions/row-access';
import type { HubEventKind } from './hub-event-kind.enum';

/** A notification as the GraphQL type reads it, from the outbox or from the live feed. */
export interface NotificationView {
  id: string;
  kind: HubEventKind;
  occurredAt: Date;
  summary: string;
  caseId: string;
  subjectIds: Record<string, string | string[]>;
}

/** Newest first, by occurrence then id; the cursor holds both exactly as PostgreSQL stores them. */
export async function listNotifications(
  em: EntityManager,
  viewer: Viewer,
  args: { first: number; after?: string | null },
  maxPageSize: number,
) {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > maxPageSize) {
    throw badInput(`first must be from 1 to ${maxPageSize}`, 'first');
  }
  const params: unknown[] = [viewer.partnerId, viewer.partnerId];
  let after = '';
  if (args.after) {
    const [occurredAt, id] = decodeCursor(args.after);
    after = 'and (e.occurred_at, e.id) < (?::timestamptz, ?::uuid)';
    params.push(occurredAt, id);
  }
  const rows = await em.execute<
    {
      id: string;
      kind: HubEventKind;
      occurred_at: Date | string;
      case_id: string;
      summary: string;
      subject_ids: Record<string, string | string[]> | string;
      cursor_key: [string, string];
    }[]
  >(
    `select e.id, e.kind, e.occurred_at, e.case_id, e.summary, e.subject_ids,
            json_build_array(e.occurred_at, e.id) as cursor_key
       from hub_event e
      where ${MAY_HEAR('e')} ${after}
      order by e.occurred_at desc, e.id desc
      limit ${args.first + 1}`,
    params,
  );
  const edges = rows.slice(0, args.first).map((row) => ({
    cursor: Buffer.from(JSON.stringify(row.cursor_key)).toString('base64url'),
    node: {
      id: row.id,
      kind: row.kind,
      occurredAt: new Date(row.occurred_at),
      summary: row.summary,
      caseId: row.case_id,
      subjectIds:
        typeof row.subject_ids === 'string' ? JSON.parse(row.subject_ids) : row.subject_ids,
    } satisfies NotificationView,
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === 2 &&
      typeof values[0] === 'string' &&
      !Number.isNaN(Date.parse(values[0])) &&
      typeof values[1] === 'string' &&
      isUuid(values[1])
    ) {
      return [values[0], values[1]];
    }
  } catch {
    // fall through: any unreadable cursor gets the same answer
  }
  throw badInput('after is not a cursor from this list', 'after');
}
