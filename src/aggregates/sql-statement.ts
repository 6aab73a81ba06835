import type { EntityManager } from '@mikro-orm/postgresql';
import type { IncidentFilter, Period } from './aggregate-filter';

/**
 * One SQL statement with PostgreSQL's own `$n` placeholders, exactly as the hub sends it: the
 * aggregate benchmark runs the same statement straight on PostgreSQL to measure the hub's overhead.
 */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** Numbers parameters as they are added. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The area is in England and Wales: days, weeks, months and hours are UK time. */
export const TIME_ZONE = 'Europe/London';

/** A timestamptz column as UK wall-clock time. */
export const londonTime = (column: string) => `(${column} AT TIME ZONE '${TIME_ZONE}')`;

/** The start (UK midnight) of a YYYY-MM-DD parameter, as an instant. */
const londonMidnight = (param: string) => `(${param}::date::timestamp AT TIME ZONE '${TIME_ZONE}')`;

/** A period's bounds as SQL instants: UK midnight at the start of `from` and of `to`. */
export interface PeriodBounds {
  from: string;
  to: string;
}

export const periodBounds = (period: Period, params: SqlParams): PeriodBounds => ({
  from: londonMidnight(params.add(period.from)),
  to: londonMidnight(params.add(period.to)),
});

/** `column` in [from, to). The bounds are constants of the statement, so indexes apply. */
export const inPeriod = (column: string, bounds: PeriodBounds) =>
  `${column} >= ${bounds.from} AND ${column} < ${bounds.to}`;

export const periodSql = (column: string, period: Period, params: SqlParams) =>
  inPeriod(column, periodBounds(period, params));

/**
 * The WHERE conditions of an incident filter on alias `i`. An incident known only to the month is
 * stored at 00:00 UTC on the 1st, which is inside the 1st in UK time, so it counts when its month
 * starts in the period.
 */
export function incidentFilterSql(filter: IncidentFilter, params: SqlParams): string {
  const conditions = [periodSql('i.occurred_at', filter, params)];
  if (filter.lsoaCodes)
    conditions.push(`i.area_code = ANY(${params.add(filter.lsoaCodes)}::text[])`);
  if (filter.localAuthority) {
    conditions.push(
      `i.area_code IN (SELECT code FROM lsoa WHERE local_authority = ${params.add(filter.localAuthority)})`,
    );
  }
  if (filter.categories)
    conditions.push(`i.category = ANY(${params.add(filter.categories)}::text[])`);
  if (filter.policeForces)
    conditions.push(`i.police_force = ANY(${params.add(filter.policeForces)}::text[])`);
  if (filter.reportedBy)
    conditions.push(`i.reported_by = ANY(${params.add(filter.reportedBy)}::text[])`);
  return conditions.join(' AND ');
}

/**
 * Runs a statement on one pooled connection of the hub's database, with node-postgres itself
 * (the ORM's query builder would rewrite `$n` placeholders and expand array parameters).
 */
export async function runSql<Row>(em: EntityManager, statement: SqlStatement): Promise<Row[]> {
  const client = em.getConnection().getKnex().client;
  const connection = await client.acquireConnection();
  try {
    const result = await connection.query(statement.sql, statement.params);
    return result.rows as Row[];
  } finally {
    await client.releaseConnection(connection);
  }
}
