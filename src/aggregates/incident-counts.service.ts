import type { EntityManager } from '@mikro-orm/postgresql';
import { AggregateDimension, AggregateMeasure } from './aggregate-enums';
import { checkDimensions, checkIncidentFilter, type IncidentFilter } from './aggregate-filter';
import { aggregateKey, aggregateTable } from './aggregate-table';
import { smallNumberThreshold } from './aggregate-threshold';
import type { AggregateTableType } from './aggregate.type';
import { incidentCountsSql, type IncidentCountRow } from './incident-counts.sql';
import { runSql } from './sql-statement';
import { suppressCube } from './suppression';

/** Incidents counted by one or two dimensions over the whole area, suppressed. */
export async function incidentCounts(
  em: EntityManager,
  input: IncidentFilter,
  groupBy: readonly AggregateDimension[],
): Promise<AggregateTableType> {
  const filter = checkIncidentFilter(input);
  const dimensions = checkDimensions(groupBy);
  const [threshold, rows] = await Promise.all([
    smallNumberThreshold(em),
    runSql<IncidentCountRow>(em, incidentCountsSql(filter, dimensions)),
  ]);
  return incidentCountsTable(filter, dimensions, threshold, rows);
}

export function incidentCountsTable(
  filter: IncidentFilter,
  dimensions: AggregateDimension[],
  threshold: number,
  rows: IncidentCountRow[],
): AggregateTableType {
  const counted = rows.filter((row) => row.precise);
  const excludedForPrecision = rows
    .filter((row) => !row.precise)
    .reduce((sum, row) => sum + row.count, 0);
  const keysOf = (row: IncidentCountRow) =>
    dimensions.length === 1 ? [row.value1] : [row.value1, row.value2 ?? null];
  const cube = suppressCube(
    counted.map((row) => ({ keys: keysOf(row), count: row.count })),
    dimensions.length,
    threshold,
  );
  return aggregateTable({
    period: filter,
    dimensions,
    measures: [AggregateMeasure.INCIDENTS],
    threshold,
    cells: counted.map((row, index) => ({
      keys: [
        aggregateKey(dimensions[0], row.value1, row.label1),
        ...(dimensions.length === 2
          ? [aggregateKey(dimensions[1], row.value2 ?? null, row.label2)]
          : []),
      ],
      measure: AggregateMeasure.INCIDENTS,
      count: row.count,
      hidden: cube.hidden[index],
    })),
    totals: [{ measure: AggregateMeasure.INCIDENTS, ...cube.total }],
    excludedForPrecision,
  });
}
