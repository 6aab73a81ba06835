import type { EntityManager } from '@mikro-orm/postgresql';
import { AggregateMeasure } from './aggregate-enums';
import { checkPeriod, type Period } from './aggregate-filter';
import { aggregateTable } from './aggregate-table';
import { disclosureControl } from './aggregate-threshold';
import type { AggregateTableType } from './aggregate.type';
import type { DisclosureControl } from './cell-key';
import {
  caseReviewStatisticsSql,
  type CaseReviewStatisticsRow,
} from './case-review-statistics.sql';
import { runSql } from './sql-statement';
import { suppressCells, type Line } from './suppression';

/** ASB case review statistics for the period, as s.104(10) asks an area to publish them, suppressed. */
export async function caseReviewStatistics(
  em: EntityManager,
  input: Period,
): Promise<AggregateTableType> {
  const period = checkPeriod(input);
  const [control, [row]] = await Promise.all([
    disclosureControl(em),
    runSql<CaseReviewStatisticsRow>(em, caseReviewStatisticsSql(period)),
  ]);
  return caseReviewStatisticsTable(period, control, row);
}

/**
 * The measures nest: decisions = threshold met + not met, and not met = discretionary review +
 * no review; reviews held = with recommendations + without (not published, but it is the
 * difference of two published cells, so it is suppressed like one). Each of those sums is a line.
 *
 * Suppression decides on the true counts; the cell key method then moves every figure published
 * by the record keys of the applications or decisions it counts ("threshold not met" by those of
 * its discretionary and no-review decisions together).
 */
export function caseReviewStatisticsTable(
  period: Period,
  control: DisclosureControl,
  row: CaseReviewStatisticsRow,
): AggregateTableType {
  const { threshold } = control;
  const notMet = row.discretionary_review + row.no_review;
  const cells: [AggregateMeasure | null, number, number][] = [
    [AggregateMeasure.APPLICATIONS, row.applications, row.applications_keys],
    [AggregateMeasure.DECISIONS, row.decisions, row.decisions_keys],
    [AggregateMeasure.DECISIONS_THRESHOLD_MET, row.threshold_met, row.threshold_met_keys],
    [
      AggregateMeasure.DECISIONS_THRESHOLD_NOT_MET,
      notMet,
      row.discretionary_review_keys + row.no_review_keys,
    ],
    [
      AggregateMeasure.DECISIONS_DISCRETIONARY_REVIEW,
      row.discretionary_review,
      row.discretionary_review_keys,
    ],
    [AggregateMeasure.DECISIONS_NO_REVIEW, row.no_review, row.no_review_keys],
    [AggregateMeasure.REVIEWS_HELD, row.reviews_held, row.reviews_held_keys],
    [
      AggregateMeasure.REVIEWS_WITH_RECOMMENDATIONS,
      row.reviews_with_recommendations,
      row.reviews_with_recommendations_keys,
    ],
    // Reviews without recommendations: never published, so its keys do not matter.
    [null, row.reviews_held - row.reviews_with_recommendations, 0],
    [AggregateMeasure.APPEALS, row.appeals, row.appeals_keys],
  ];
  const known = (count: number) => count >= threshold;
  const lines: Line[] = [
    { cells: [2, 3], marginKnown: known(row.decisions) },
    { cells: [2, 4, 5], marginKnown: known(row.decisions) },
    { cells: [4, 5], marginKnown: known(notMet) },
    { cells: [7, 8], marginKnown: known(row.reviews_held) },
  ];
  const hidden = suppressCells(
    cells.map(([, count]) => count),
    lines,
    threshold,
  );
  const published = cells.flatMap(([measure, count, recordKeys], index) =>
    measure ? [{ keys: [], measure, count, hidden: hidden[index], recordKeys }] : [],
  );
  return aggregateTable({
    period,
    dimensions: [],
    measures: published.map((cell) => cell.measure),
    control,
    cells: published,
    totals: [],
  });
}
