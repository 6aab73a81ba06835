import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import {
  AFTER_NEWEST_FIRST,
  decodeNewestFirstCursor,
  NEWEST_FIRST_KEY,
  NEWEST_FIRST_ORDER,
  newestFirstPage,
  requirePageSize,
} from '../common/newest-first-page';
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
  requirePageSize(args.first, maxPageSize);
  const params: unknown[] = [viewer.partnerId, viewer.partnerId];
  let after = '';
  if (args.after) {
    after = `and ${AFTER_NEWEST_FIRST('e')}`;
    params.push(...decodeNewestFirstCursor(args.after));
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
            ${NEWEST_FIRST_KEY('e')}
       from hub_event e
      where ${MAY_HEAR('e')} ${after}
      ${NEWEST_FIRST_ORDER('e')}
      limit ${args.first + 1}`,
    params,
  );
  return newestFirstPage(
    rows,
    args.first,
    (row) =>
      ({
        id: row.id,
        kind: row.kind,
        occurredAt: new Date(row.occurred_at),
        summary: row.summary,
        caseId: row.case_id,
        subjectIds:
          typeof row.subject_ids === 'string' ? JSON.parse(row.subject_ids) : row.subject_ids,
      }) satisfies NotificationView,
  );
}
