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
];

/**
 * The table as CSV: one row per cell (`row` = `cell`), then one per total (`total`), then how
 * many were left out (`excluded_for_precision`, `excluded_window_not_ended`) where the export has
 * them. Suppressed counts are empty with `suppressed` true.
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
  ) => [row, ...fixed, ...keys, measure, count, suppressed].map(csvField).join(',');
  const keysOf = (cell: AggregateCellType) =>
    layout.keys.map((column) => {
      const found = cell.keys.find((k) => k.dimension === column.dimension);
      return found ? found[column.part] : null;
    });
  const lines = [
    csvColumns(layout).join(','),
    ...table.cells.map((cell) =>
      line('cell', keysOf(cell), cell.measure, cell.count, cell.suppressed),
    ),
    ...table.totals.map((total) =>
      line('total', blanks, total.measure, total.count, total.suppressed),
    ),
  ];
  if (options.precision) {
    lines.push(
      line('excluded_for_precision', blanks, options.precision, table.excludedForPrecision, false),
    );
  }
  if (options.windows) {
    lines.push(
      line(
        'excluded_window_not_ended',
        blanks,
        AggregateMeasure.INTERVENTIONS,
        table.excludedWindowNotEnded,
        false,
      ),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
