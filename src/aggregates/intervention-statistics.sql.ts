import { AggregateDimension } from './aggregate-enums';
import type { InterventionScope } from './aggregate-filter';
import { londonTime, periodSql, SqlParams, type SqlStatement } from './sql-statement';

export interface InterventionStatisticsRow {
  kind: string;
  /** YYYY-MM, when grouped by month. */
  month?: string | null;
  issued: number;
  breached: number;
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
  const sql = `SELECT v.kind${byMonth ? `, ${month} AS month` : ''},
  count(*)::int AS issued,
  count(*) FILTER (WHERE EXISTS (
    SELECT 1 FROM intervention_breach b WHERE b.intervention_id = v.id
  ))::int AS breached
FROM intervention v
WHERE ${conditions.join(' AND ')}
GROUP BY ${byMonth ? '1, 2' : '1'}
ORDER BY ${byMonth ? '1, 2' : '1'}`;
  return { sql, params: params.values };
}
