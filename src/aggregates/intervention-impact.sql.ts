import type { InterventionScope } from './aggregate-filter';
import { periodSql, SqlParams, type SqlStatement } from './sql-statement';

export interface InterventionImpactRow {
  kind: string;
  /** False: the after-window has not ended, so the intervention is left out. */
  ended: boolean;
  interventions: number;
  before: number;
  after: number;
  /** Incidents in the windows known only to the month, left out. */
  imprecise: number;
  /** The sums of the record keys of the interventions and of each count's incidents (cell-key.ts). */
  interventionKeys: number;
  beforeKeys: number;
  afterKeys: number;
  impreciseKeys: number;
}

/**
 * Demand before and after interventions, in one statement. For each intervention issued in the
 * period (of the kinds asked for) whose after-window has ended by `asOf`: incidents in the
 * `windowDays` before it was issued and in the `windowDays` from then on, at its premises when it
 * has premises (a closure order), otherwise involving its subject in any role (a warning follows
 * the person). Summed per kind; an incident near two interventions counts for each.
 */
export function interventionImpactSql(
  scope: InterventionScope,
  windowDays: number,
  asOf: Date,
  interventionId?: string | null,
): SqlStatement {
  const params = new SqlParams();
  const conditions = [periodSql('v.issued_at', scope, params)];
  if (scope.kinds) conditions.push(`v.kind = ANY(${params.add(scope.kinds)}::text[])`);
  if (interventionId) conditions.push(`v.id = ${params.add(interventionId)}::uuid`);
  const window = `make_interval(days => ${params.add(windowDays)}::int)`;
  const inWindow = `x.occurred_at >= iv.issued_at - ${window} AND x.occurred_at < iv.issued_at + ${window}`;
  const sql = `WITH iv AS (
  SELECT v.id, v.kind, v.issued_at, v.premises_id, v.subject_id, v.record_key,
         v.issued_at + ${window} <= ${params.add(asOf)}::timestamptz AS ended
  FROM intervention v
  WHERE ${conditions.join(' AND ')}
)
SELECT iv.kind, iv.ended, count(*)::int AS interventions,
  coalesce(sum(w.before), 0)::int AS before,
  coalesce(sum(w.after), 0)::int AS after,
  coalesce(sum(w.imprecise), 0)::int AS imprecise,
  (sum(iv.record_key) % 256)::int AS "interventionKeys",
  (coalesce(sum(w.before_keys), 0) % 256)::int AS "beforeKeys",
  (coalesce(sum(w.after_keys), 0) % 256)::int AS "afterKeys",
  (coalesce(sum(w.imprecise_keys), 0) % 256)::int AS "impreciseKeys"
FROM iv
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE y.occurred_precision <> 'MONTH' AND y.occurred_at < iv.issued_at) AS before,
         count(*) FILTER (WHERE y.occurred_precision <> 'MONTH' AND y.occurred_at >= iv.issued_at) AS after,
         count(*) FILTER (WHERE y.occurred_precision = 'MONTH') AS imprecise,
         sum(y.record_key) FILTER (WHERE y.occurred_precision <> 'MONTH' AND y.occurred_at < iv.issued_at) AS before_keys,
         sum(y.record_key) FILTER (WHERE y.occurred_precision <> 'MONTH' AND y.occurred_at >= iv.issued_at) AS after_keys,
         sum(y.record_key) FILTER (WHERE y.occurred_precision = 'MONTH') AS imprecise_keys
  FROM (
    SELECT x.occurred_at, x.occurred_precision, x.record_key FROM incident x
    WHERE iv.ended AND iv.premises_id IS NOT NULL AND x.location_id = iv.premises_id AND ${inWindow}
    UNION ALL
    SELECT x.occurred_at, x.occurred_precision, x.record_key
    FROM incident_person ip JOIN incident x ON x.id = ip.incident_id
    WHERE iv.ended AND iv.premises_id IS NULL AND ip.person_id = iv.subject_id AND ${inWindow}
  ) y
) w ON true
GROUP BY iv.kind, iv.ended
ORDER BY iv.kind, iv.ended`;
  return { sql, params: params.values };
}
