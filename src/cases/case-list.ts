import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { isUuid, requireId } from '../common/validate';
import { badInput } from '../errors';
import { assertMayUseFields } from '../permissions/field-use';
import { PARTICIPATES } from '../permissions/row-access';
import { CaseOrder, type CaseFilter } from './case.input';
import { Case } from './case.entity';

const RISK_RANK = "(case c.risk_level when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end)";

type CursorValue = 'timestamp' | 'uuid' | 'text' | 'rank';

interface KeysetOrder {
  /** Each column, with the kind of value it puts in a cursor. */
  columns: [string, CursorValue][];
  direction: 'asc' | 'desc';
  /** The Case fields this order reveals. */
  reveals: string[];
}

const ORDERS: Record<CaseOrder, KeysetOrder> = {
  [CaseOrder.OPENED_AT_DESC]: {
    columns: [
      ['c.opened_at', 'timestamp'],
      ['c.id', 'uuid'],
    ],
    direction: 'desc',
    reveals: ['openedAt'],
  },
  [CaseOrder.OPENED_AT_ASC]: {
    columns: [
      ['c.opened_at', 'timestamp'],
      ['c.id', 'uuid'],
    ],
    direction: 'asc',
    reveals: ['openedAt'],
  },
  [CaseOrder.RISK_LEVEL_DESC]: {
    columns: [
      [RISK_RANK, 'rank'],
      ['c.opened_at', 'timestamp'],
      ['c.id', 'uuid'],
    ],
    direction: 'desc',
    reveals: ['riskLevel', 'openedAt'],
  },
  [CaseOrder.REFERENCE_ASC]: {
    columns: [
      ['c.reference', 'text'],
      ['c.id', 'uuid'],
    ],
    direction: 'asc',
    reveals: ['reference'],
  },
};

/** A cursor is client input: each value must be of its column's kind before it reaches SQL. */
const CURSOR_VALUE_CHECKS: Record<CursorValue, (value: unknown) => boolean> = {
  timestamp: (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)),
  uuid: (value) => typeof value === 'string' && isUuid(value),
  text: (value) => typeof value === 'string',
  rank: (value) => Number.isInteger(value),
};

/** The Case field each filter reveals. */
const FILTER_REVEALS: Record<keyof CaseFilter, string> = {
  status: 'status',
  riskLevel: 'riskLevel',
  leadPartnerId: 'leadPartner',
  personId: 'people',
  openedAfter: 'openedAt',
  openedBefore: 'openedAt',
  search: 'title',
};

export interface CasePage {
  edges: { cursor: string; node: Case }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when a client asks for totalCount. */
  countTotal: () => Promise<number>;
}

/**
 * A page of the cases the viewer's partner takes part in. Counts, filters and orders see only
 * those cases, and only by fields the viewer may read.
 */
export async function listCases(
  em: EntityManager,
  viewer: Viewer,
  args: { first: number; after?: string | null; filter?: CaseFilter | null; orderBy: CaseOrder },
  maxPageSize: number,
): Promise<CasePage> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > maxPageSize) {
    throw badInput(`first must be from 1 to ${maxPageSize}`, 'first');
  }
  const order = ORDERS[args.orderBy];
  const filter = args.filter ?? {};
  const used = (Object.keys(filter) as (keyof CaseFilter)[]).filter((key) => filter[key] != null);
  assertMayUseFields(
    viewer,
    'Case',
    used.map((key) => FILTER_REVEALS[key]),
    'filter',
  );
  assertMayUseFields(viewer, 'Case', order.reveals, 'sort');

  const knex = em.getKnex();
  const base = knex('asb_case as c').whereRaw(PARTICIPATES('c'), [viewer.partnerId]);
  if (filter.status) base.andWhere('c.status', filter.status);
  if (filter.riskLevel) base.andWhere('c.risk_level', filter.riskLevel);
  if (filter.leadPartnerId)
    base.andWhere('c.lead_partner_id', requireId(filter.leadPartnerId, 'partner'));
  if (filter.personId) {
    const personId = requireId(filter.personId, 'person');
    base.whereExists(
      knex('case_person as cp').whereRaw('cp.case_id = c.id').andWhere('cp.person_id', personId),
    );
  }
  if (filter.openedAfter) base.andWhere('c.opened_at', '>=', filter.openedAfter);
  if (filter.openedBefore) base.andWhere('c.opened_at', '<', filter.openedBefore);
  if (filter.search?.trim()) {
    const pattern = `%${filter.search.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    base.andWhere((q) => q.whereILike('c.reference', pattern).orWhereILike('c.title', pattern));
  }

  const columns = order.columns.map(([column]) => column);
  const page = base
    .clone()
    .select('c.*', knex.raw(`json_build_array(${columns.join(', ')}) as cursor_key`));
  if (args.after) {
    const values = decodeCursor(
      args.after,
      order.columns.map(([, kind]) => kind),
    );
    const comparator = order.direction === 'desc' ? '<' : '>';
    page.andWhereRaw(
      `(${columns.join(', ')}) ${comparator} (${columns.map(() => '?').join(', ')})`,
      values,
    );
  }
  for (const column of columns) page.orderByRaw(`${column} ${order.direction}`);
  const rows: (Record<string, unknown> & { cursor_key: unknown[] })[] = await page.limit(
    args.first + 1,
  );

  const hasNextPage = rows.length > args.first;
  const edges = rows.slice(0, args.first).map(({ cursor_key, ...row }) => ({
    cursor: encodeCursor(cursor_key),
    node: em.map(Case, row),
  }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    countTotal: async () => {
      const [{ count }] = await base.clone().count<{ count: string }[]>({ count: '*' });
      return Number(count);
    },
  };
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, kinds: CursorValue[]): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === kinds.length &&
      values.every((value, i) => CURSOR_VALUE_CHECKS[kinds[i]](value))
    ) {
      return values;
    }
  } catch {
    // fall through: any unreadable cursor gets the same answer
  }
  throw badInput('after is not a cursor from this list and order', 'after');
}
