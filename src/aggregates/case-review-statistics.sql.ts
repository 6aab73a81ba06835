import type { Period } from './aggregate-filter';
import { inPeriod, periodBounds, SqlParams, type SqlStatement } from './sql-statement';

/** What is counted, each with the sum (mod 256) of its rows' record keys, `<name>_keys`. */
const COUNTS = [
  'applications',
  'decisions',
  'threshold_met',
  'discretionary_review',
  'no_review',
  'reviews_held',
  'reviews_with_recommendations',
  'appeals',
] as const;

type Count = (typeof COUNTS)[number];

export type CaseReviewStatisticsRow = Record<Count | `${Count}_keys`, number>;

/** `count(*)` and its rows' record keys, over alias `alias`, of the rows `condition` selects. */
function counted(name: Count, alias: string, condition = 'true'): string {
  return `count(*) FILTER (WHERE ${condition})::int AS ${name},
    (coalesce(sum(${alias}.record_key) FILTER (WHERE ${condition}), 0) % 256)::int AS ${name}_keys`;
}

/**
 * What an area publishes about ASB case reviews (2014 Act s.104(10)), in one statement, each fact
 * dated by its own step: applications by when they were made, decisions by when they were
 * decided, reviews by when the review meeting was held, appeals by when they were lodged. Each
 * count comes with the sum of its rows' record keys (applications' or decisions'), for the cell
 * key method.
 */
export function caseReviewStatisticsSql(period: Period): SqlStatement {
  const params = new SqlParams();
  const bounds = periodBounds(period, params);
  const during = (column: string) => inPeriod(column, bounds);
  const applications = (name: Count, column: string) => `(
  SELECT ${counted(name, 'a')}
  FROM case_review_application a WHERE ${during(column)}
) ${name}`;
  const sql = `SELECT *
FROM ${applications('applications', 'a.applied_at')}, (
  SELECT ${counted('decisions', 'c')},
    ${counted('threshold_met', 'c', `c.outcome = 'REVIEW_THRESHOLD_MET'`)},
    ${counted('discretionary_review', 'c', `c.outcome = 'DISCRETIONARY_REVIEW'`)},
    ${counted('no_review', 'c', `c.outcome = 'NO_REVIEW'`)}
  FROM case_review_decision c WHERE ${during('c.decided_at')}
) d, (
  SELECT ${counted('reviews_held', 'a')},
    ${counted(
      'reviews_with_recommendations',
      'a',
      'EXISTS (SELECT 1 FROM case_review_recommendation rec WHERE rec.application_id = a.id)',
    )}
  FROM case_review_application a WHERE ${during('a.meeting_held_at')}
) r, ${applications('appeals', 'a.appealed_at')}`;
  return { sql, params: params.values };
}
