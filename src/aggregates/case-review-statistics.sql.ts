import type { Period } from './aggregate-filter';
import { inPeriod, periodBounds, SqlParams, type SqlStatement } from './sql-statement';

export interface CaseReviewStatisticsRow {
  applications: number;
  decisions: number;
  threshold_met: number;
  discretionary_review: number;
  no_review: number;
  reviews_held: number;
  reviews_with_recommendations: number;
  appeals: number;
}

/**
 * What an area publishes about ASB case reviews (2014 Act s.104(10)), in one statement, each fact
 * dated by its own step: applications by when they were made, decisions by when they were
 * decided, reviews by when the review meeting was held, appeals by when they were lodged.
 */
export function caseReviewStatisticsSql(period: Period): SqlStatement {
  const params = new SqlParams();
  const bounds = periodBounds(period, params);
  const during = (column: string) => inPeriod(column, bounds);
  const sql = `SELECT
  (SELECT count(*) FROM case_review_application a WHERE ${during('a.applied_at')})::int AS applications,
  d.decisions, d.threshold_met, d.discretionary_review, d.no_review,
  r.reviews_held, r.reviews_with_recommendations,
  (SELECT count(*) FROM case_review_application a WHERE ${during('a.appealed_at')})::int AS appeals
FROM (
  SELECT count(*)::int AS decisions,
    count(*) FILTER (WHERE c.outcome = 'REVIEW_THRESHOLD_MET')::int AS threshold_met,
    count(*) FILTER (WHERE c.outcome = 'DISCRETIONARY_REVIEW')::int AS discretionary_review,
    count(*) FILTER (WHERE c.outcome = 'NO_REVIEW')::int AS no_review
  FROM case_review_decision c WHERE ${during('c.decided_at')}
) d, (
  SELECT count(*)::int AS reviews_held,
    count(*) FILTER (WHERE EXISTS (
      SELECT 1 FROM case_review_recommendation rec WHERE rec.application_id = a.id
    ))::int AS reviews_with_recommendations
  FROM case_review_application a WHERE ${during('a.meeting_held_at')}
) r`;
  return { sql, params: params.values };
}
