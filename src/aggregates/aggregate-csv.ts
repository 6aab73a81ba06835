import { csvField } from '../common/csv';
import { AggregateDimension, AggregateMeasure } from './aggregate-enums';
import type { AggregateCellType, AggregateTableType } from './aggregate.type';

/** A column taken from a cell's key in one dimension. */
interface KeyColumn {
  name: string;
  dimension: AggregateDimension;
  part: 'value' | 'label';
}

/** The columns of one export: fixed, whatever the parameters, so BI refreshes keep working. */
export interface CsvLayout {
  /** Columns from the request (the subject, the window), the same on every row. */
  fixed: readonly string[];
  keys: readonly KeyColumn[];
}

const key = (name: string, dimension: AggregateDimension, part: 'value' | 'label' = 'value') => ({
  name,
  dimension,
  part,
});

export const CSV_LAYOUTS = {
  'incident-counts': {
    fixed: [],
    keys: [
      key('period_day', AggregateDimension.PERIOD_DAY),
      key('period_week', AggregateDimension.PERIOD_WEEK),
      key('period_month', AggregateDimension.PERIOD_MONTH),
      key('category', AggregateDimension.CATEGORY),
      key('partner_id', AggregateDimension.PARTNER),
      key('partner_name', AggregateDimension.PARTNER, 'label'),
      key('lsoa_code', AggregateDimension.LSOA),
      key('lsoa_name', AggregateDimension.LSOA, 'label'),
      key('local_authority', AggregateDimension.LOCAL_AUTHORITY),
      key('day_of_week', AggregateDimension.DAY_OF_WEEK),
      key('hour', AggregateDimension.HOUR),
      key('police_force', AggregateDimension.POLICE_FORCE),
      key('reported_by', AggregateDimension.REPORTED_BY),
    ],
  },
  'repeat-demand': {
    fixed: ['subject'],
    keys: [key('repeat_band', AggregateDimension.REPEAT_BAND)],
  },
  'intervention-impact': {
    fixed: ['window_days'],
    keys: [key('intervention_kind', AggregateDimension.INTERVENTION_KIND)],
  },
  'case-review-statistics': { fixed: [], keys: [] },
  'intervention-statistics': {
    fixed: [],
    keys: [
      key('intervention_kind', AggregateDimension.INTERVENTION_KIND),
      key('period_month', AggregateDimension.PERIOD_MONTH),
    ],
  },
} satisfies Record<string, CsvLayout>;

export type ExportName = keyof typeof CSV_LAYOUTS;

/** Every column of an export, in order. */
export const csvColumns = (layout: CsvLayout) => [
  'row',
  ...layout.fixed,
  ...layout.keys.map((column) => column.name),
  'measure',
  'count',
  'suppressed',
  'summary_count',
];

/**
 * The table as CSV: one row per cell (`row` = `cell`), then for each measure with a total what
 * the published cells fall short of it (`not_shown`: suppressed cells and the cell key method's
 * moves, so that the `count` column of a measure sums to its total), then one row per total
 * (`total`) and how many were left out (`excluded_for_precision`, `excluded_window_not_ended`)
 * where the export has them, whose figures are in `summary_count` so that summing `count` never
 * counts them. Suppressed counts are empty with `suppressed` true. A key the source did not know
 * is written as its label ("Not known"), not left empty like a dimension not asked for.
 */
export function aggregateCsv(
  table: AggregateTableType,
  layout: CsvLayout,
  fixed: readonly (string | number)[] = [],
  options: { precision?: AggregateMeasure; windows?: boolean } = {},
): string {
  const blanks = layout.keys.map(() => null);
  const line = (
    row: string,
    keys: (string | null)[],
    measure: string,
    count: number | null,
    suppressed: boolean,
    summary = false,
  ) =>
    [row, ...fixed, ...keys, measure, summary ? null : count, suppressed, summary ? count : null]
      .map(csvField)
      .join(',');
  const keysOf = (cell: AggregateCellType) =>
    layout.keys.map((column) => {
      const found = cell.keys.find((k) => k.dimension === column.dimension);
      return found ? (found[column.part] ?? found.label) : null;
    });
  const shown = (measure: AggregateMeasure) =>
    table.cells
      .filter((cell) => cell.measure === measure)
      .reduce((sum, cell) => sum + (cell.count ?? 0), 0);
  const lines = [
    csvColumns(layout).join(','),
    ...table.cells.map((cell) =>
      line('cell', keysOf(cell), cell.measure, cell.count, cell.suppressed),
    ),
    ...table.totals.map((total) =>
      line(
        'not_shown',
        blanks,
        total.measure,
        total.count === null ? null : total.count - shown(total.measure),
        total.count === null,
      ),
    ),
    ...table.totals.map((total) =>
      line('total', blanks, total.measure, total.count, total.suppressed, true),
    ),
  ];
  if (options.precision) {
    lines.push(
      line(
        'excluded_for_precision',
        blanks,
        options.precision,
        table.excludedForPrecision,
        table.excludedForPrecision === null,
        true,
      ),
    );
  }
  if (options.windows) {
    lines.push(
      line(
        'excluded_window_not_ended',
        blanks,
        AggregateMeasure.INTERVENTIONS,
        table.excludedWindowNotEnded,
        table.excludedWindowNotEnded === null,
        true,
      ),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
