import type { EntityManager } from '@mikro-orm/postgresql';
import { AggregateDimension, AggregateMeasure } from './aggregate-enums';
import {
  checkDimensions,
  checkInterventionScope,
  type InterventionScope,
} from './aggregate-filter';
import { aggregateKey, aggregateTable } from './aggregate-table';
import { disclosureControl } from './aggregate-threshold';
import type { AggregateTableType } from './aggregate.type';
import type { DisclosureControl } from './cell-key';
import {
  interventionStatisticsSql,
  type InterventionStatisticsRow,
} from './intervention-statistics.sql';
import { runSql } from './sql-statement';
import { marginKey, suppressCube } from './suppression';

const BREACHED = 'BREACHED';
const NOT_BREACHED = 'NOT_BREACHED';

/** Interventions issued and breached per kind (and month), suppressed. */
export async function interventionStatistics(
  em: EntityManager,
  input: InterventionScope,
  groupBy: readonly AggregateDimension[] = [],
): Promise<AggregateTableType> {
  const scope = checkInterventionScope(input);
  const extra = checkDimensions(groupBy, [AggregateDimension.PERIOD_MONTH], { min: 0, max: 1 });
  const [control, rows] = await Promise.all([
    disclosureControl(em),
    runSql<InterventionStatisticsRow>(em, interventionStatisticsSql(scope, extra)),
  ]);
  return interventionStatisticsTable(scope, extra, control, rows);
}

/**
 * Breached is part of issued, so "issued but not breached" is the difference of two published
 * cells and must be protected like one: the table is suppressed as kind (x month) x breached or
 * not, whose margins are the issued counts (published) and the breached total.
 *
 * Suppression decides on the true counts; the cell key method then moves every figure published
 * by the record keys of the interventions it counts (issued, breached, their totals alike), so
 * the same interventions get the same figure in every answer, interventionImpact's included.
 */
export function interventionStatisticsTable(
  scope: InterventionScope,
  groupBy: AggregateDimension[],
  control: DisclosureControl,
  rows: InterventionStatisticsRow[],
): AggregateTableType {
  const byMonth = groupBy.includes(AggregateDimension.PERIOD_MONTH);
  const rowKeys = (row: InterventionStatisticsRow) =>
    byMonth ? [row.kind, row.month ?? null] : [row.kind];
  // The breached-or-not dimension comes after the kind (and month).
  const status = byMonth ? 2 : 1;
  const cube = suppressCube(
    rows.flatMap((row) => [
      { keys: [...rowKeys(row), BREACHED], count: row.breached, recordKeys: row.breachedKeys },
      {
        keys: [...rowKeys(row), NOT_BREACHED],
        count: row.issued - row.breached,
        recordKeys: row.notBreachedKeys,
      },
    ]),
    status + 1,
    control.threshold,
  );
  const rowDimensions = Array.from({ length: status }, (_v, index) => index);
  const issued = cube.margin(rowDimensions);
  const byStatus = cube.margin([status]);
  const dimensions = [AggregateDimension.INTERVENTION_KIND, ...groupBy];
  return aggregateTable({
    period: scope,
    dimensions,
    measures: [AggregateMeasure.ISSUED, AggregateMeasure.BREACHED],
    control,
    cells: rows.flatMap((row, index) => {
      const keys = [
        aggregateKey(AggregateDimension.INTERVENTION_KIND, row.kind),
        ...(byMonth ? [aggregateKey(AggregateDimension.PERIOD_MONTH, row.month ?? null)] : []),
      ];
      return [
        {
          keys,
          measure: AggregateMeasure.ISSUED,
          ...issued.get(marginKey(rowKeys(row), rowDimensions))!,
        },
        {
          keys,
          measure: AggregateMeasure.BREACHED,
          count: row.breached,
          hidden: cube.hidden[index * 2],
          recordKeys: row.breachedKeys,
        },
      ];
    }),
    totals: [
      { measure: AggregateMeasure.ISSUED, ...cube.total },
      {
        measure: AggregateMeasure.BREACHED,
        ...(byStatus.get(BREACHED) ?? { count: 0, hidden: false, recordKeys: 0 }),
      },
    ],
  });
}
