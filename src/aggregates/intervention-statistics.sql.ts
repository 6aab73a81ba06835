import { AggregateDimension } from './aggregate-enums';
import type { InterventionScope } from './aggregate-filter';
import { londonTime, periodSql, SqlParams, type SqlStatement } from './sql-statement';

export interface InterventionStatisticsRow {
  kind: string;
  /** YYYY-MM, when grouped by month. */
  month?: string | null;
  issued: number;
  breached: number;
  /** The sums of the record keys of the interventions breached, and of those not, for the cell key method. */
  breachedKeys: number;
  notBreachedKeys: number;
}

/**
 * Interventions issued in the period per kind (and month of issue, UK time), and how many of
 * them have at least one recorded breach, in one statement.
 */
export function interventionStatisticsSql(
  scope: InterventionScope,
  groupBy: readonly AggregateDimension[] = [],
): SqlStatement {
  const params = new SqlParams();
  const conditions = [periodSql('v.issued_at', scope, params)];
  if (scope.kinds) conditions.push(`v.kind = ANY(${params.add(scope.kinds)}::text[])`);
  const byMonth = groupBy.includes(AggregateDimension.PERIOD_MONTH);
  const month = `to_char(date_trunc('month', ${londonTime('v.issued_at')}), 'YYYY-MM')`;
  const grouped = byMonth ? 'g.kind, g.month' : 'g.kind';
  const sql = `SELECT ${grouped},
  count(*)::int AS issued,
  count(*) FILTER (WHERE g.breached)::int AS breached,
  (coalesce(sum(g.record_key) FILTER (WHERE g.breached), 0) % 256)::int AS "breachedKeys",
  (coalesce(sum(g.record_key) FILTER (WHERE NOT g.breached), 0) % 256)::int AS "notBreachedKeys"
FROM (
  SELECT v.kind${byMonth ? `, ${month} AS month` : ''}, v.record_key,
    EXISTS (SELECT 1 FROM intervention_breach b WHERE b.intervention_id = v.id) AS breached
  FROM intervention v
  WHERE ${conditions.join(' AND ')}
) g
GROUP BY ${grouped}
ORDER BY ${grouped}`;
  return { sql, params: params.values };
}
