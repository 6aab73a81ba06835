import type { EntityManager } from '@mikro-orm/postgresql';
import { AggregateDimension, AggregateMeasure } from './aggregate-enums';
import { checkDimensions, checkIncidentFilter, type IncidentFilter } from './aggregate-filter';
import { aggregateKey, aggregateTable } from './aggregate-table';
import { disclosureControl } from './aggregate-threshold';
import type { AggregateTableType } from './aggregate.type';
import type { DisclosureControl } from './cell-key';
import { incidentCountsSql, type IncidentCountRow } from './incident-counts.sql';
import { checkKnownAreas } from './known-areas';
import { runSql } from './sql-statement';
import { suppressCube } from './suppression';

/** Incidents counted by one or two dimensions over the whole area, under disclosure control. */
export async function incidentCounts(
  em: EntityManager,
  input: IncidentFilter,
  groupBy: readonly AggregateDimension[],
): Promise<AggregateTableType> {
  const filter = checkIncidentFilter(input);
  const dimensions = checkDimensions(groupBy);
  await checkKnownAreas(em, filter);
  const [control, rows] = await Promise.all([
    disclosureControl(em),
    runSql<IncidentCountRow>(em, incidentCountsSql(filter, dimensions)),
  ]);
  return incidentCountsTable(filter, dimensions, control, rows);
}

/**
 * Suppression decides which cells to hide from the true counts; the cell key method then moves
 * every published figure, the total and the incidents left out for precision included, by the
 * record keys of the very incidents it counts (cell-key.ts).
 */
export function incidentCountsTable(
  filter: IncidentFilter,
  dimensions: AggregateDimension[],
  control: DisclosureControl,
  rows: IncidentCountRow[],
): AggregateTableType {
  const counted = rows.filter((row) => row.precise);
  const imprecise = rows.filter((row) => !row.precise);
  const excludedForPrecision = {
    count: imprecise.reduce((sum, row) => sum + row.count, 0),
    recordKeys: imprecise.reduce((sum, row) => sum + row.recordKeys, 0),
    hidden: false,
  };
  const keysOf = (row: IncidentCountRow) =>
    dimensions.length === 1 ? [row.value1] : [row.value1, row.value2 ?? null];
  const cube = suppressCube(
    counted.map((row) => ({ keys: keysOf(row), count: row.count, recordKeys: row.recordKeys })),
    dimensions.length,
    control.threshold,
  );
  return aggregateTable({
    period: filter,
    dimensions,
    measures: [AggregateMeasure.INCIDENTS],
    control,
    cells: counted.map((row, index) => ({
      keys: [
        aggregateKey(dimensions[0], row.value1, row.label1),
        ...(dimensions.length === 2
          ? [aggregateKey(dimensions[1], row.value2 ?? null, row.label2)]
          : []),
      ],
      measure: AggregateMeasure.INCIDENTS,
      count: row.count,
      recordKeys: row.recordKeys,
      hidden: cube.hidden[index],
    })),
    totals: [{ measure: AggregateMeasure.INCIDENTS, ...cube.total }],
    excludedForPrecision,
  });
}
