import type { EntityManager } from '@mikro-orm/postgresql';
import { AggregateMeasure } from './aggregate-enums';
import { checkPeriod, type Period } from './aggregate-filter';
import { aggregateTable } from './aggregate-table';
import { smallNumberThreshold } from './aggregate-threshold';
import type { AggregateTableType } from './aggregate.type';
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
  const [threshold, [row]] = await Promise.all([
    smallNumberThreshold(em),
    runSql<CaseReviewStatisticsRow>(em, caseReviewStatisticsSql(period)),
  ]);
  return caseReviewStatisticsTable(period, threshold, row);
}

/**
 * The measures nest: decisions = threshold met + not met, and not met = discretionary review +
 * no review; reviews held = with recommendations + without (not published, but it is the
 * difference of two published cells, so it is suppressed like one). Each of those sums is a line.
 */
export function caseReviewStatisticsTable(
  period: Period,
  threshold: number,
  row: CaseReviewStatisticsRow,
): AggregateTableType {
  const notMet = row.discretionary_review + row.no_review;
  const cells: [AggregateMeasure | null, number][] = [
    [AggregateMeasure.APPLICATIONS, row.applications],
    [AggregateMeasure.DECISIONS, row.decisions],
    [AggregateMeasure.DECISIONS_THRESHOLD_MET, row.threshold_met],
    [AggregateMeasure.DECISIONS_THRESHOLD_NOT_MET, notMet],
    [AggregateMeasure.DECISIONS_DISCRETIONARY_REVIEW, row.discretionary_review],
    [AggregateMeasure.DECISIONS_NO_REVIEW, row.no_review],
    [AggregateMeasure.REVIEWS_HELD, row.reviews_held],
    [AggregateMeasure.REVIEWS_WITH_RECOMMENDATIONS, row.reviews_with_recommendations],
    [null, row.reviews_held - row.reviews_with_recommendations],
    [AggregateMeasure.APPEALS, row.appeals],
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
  const published = cells.flatMap(([measure, count], index) =>
    measure ? [{ keys: [], measure, count, hidden: hidden[index] }] : [],
  );
  return aggregateTable({
    period,
    dimensions: [],
    measures: published.map((cell) => cell.measure),
    control: threshold,
    cells: published,
    totals: [],
  });
}
