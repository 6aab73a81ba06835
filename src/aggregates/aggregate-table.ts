import { labelOf } from '../common/labels';
import { AggregateDimension, AggregateMeasure } from './aggregate-enums';
import type { Period } from './aggregate-filter';
import type { AggregateKeyType, AggregateTableType } from './aggregate.type';
import { exactCounts, publishedCount, type DisclosureControl } from './cell-key';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** How a key reads when the database has no name for it. */
function labelFor(dimension: AggregateDimension, value: string | null): string {
  if (value === null) {
    return dimension === AggregateDimension.PARTNER ? 'Not recorded' : 'Not known';
  }
  switch (dimension) {
    case AggregateDimension.CATEGORY:
    case AggregateDimension.INTERVENTION_KIND:
      return labelOf(value);
    case AggregateDimension.DAY_OF_WEEK:
      return DAYS[Number(value) - 1] ?? value;
    case AggregateDimension.HOUR:
      return `${value.padStart(2, '0')}:00-${value.padStart(2, '0')}:59`;
    case AggregateDimension.REPEAT_BAND:
      return value.endsWith('+')
        ? `${value.slice(0, -1)} or more incidents`
        : value.includes('-')
          ? `${value.replace('-', ' to ')} incidents`
          : `exactly ${value} incidents`;
    default:
      return value;
  }
}

export function aggregateKey(
  dimension: AggregateDimension,
  value: string | null,
  label?: string | null,
): AggregateKeyType {
  return { dimension, value, label: label ?? labelFor(dimension, value) };
}

/**
 * A cell or total before it is published: its true count, whether suppression hides it, and the
 * sum of the record keys of the rows it counts (incidents, people, places, interventions, case
 * review applications or decisions), which the cell key method perturbs by. Without record keys
 * the count is published as it is: a figure already moved, or one the viewer may read anyway.
 */
export interface Counted {
  count: number;
  hidden: boolean;
  recordKeys?: number;
}

/** A figure as published: the cell key method's count, or null when it is withheld. */
export function published(counted: Counted, control: DisclosureControl): number | null {
  if (counted.hidden) return null;
  if (counted.recordKeys === undefined) return counted.count;
  return publishedCount(counted.count, counted.recordKeys, control);
}

/** The published answer: hidden counts become null with `suppressed: true`. */
export function aggregateTable(input: {
  period: Period;
  dimensions: AggregateDimension[];
  measures: AggregateMeasure[];
  /** The area's control; a bare threshold publishes exact counts (suppression alone). */
  control: DisclosureControl | number;
  cells: (Counted & { keys: AggregateKeyType[]; measure: AggregateMeasure })[];
  totals: (Counted & { measure: AggregateMeasure })[];
  /** A count left out passes through the same control as any cell. */
  excludedForPrecision?: number | Counted;
  excludedWindowNotEnded?: number | Counted;
}): AggregateTableType {
  const control = typeof input.control === 'number' ? exactCounts(input.control) : input.control;
  const publish = (counted: Counted) => {
    const count = published(counted, control);
    return { count, suppressed: count === null };
  };
  const left = (excluded: number | Counted = 0) =>
    typeof excluded === 'number' ? excluded : published(excluded, control);
  const cells = input.cells.map((cell) => ({
    keys: cell.keys,
    measure: cell.measure,
    ...publish(cell),
  }));
  const totals = input.totals.map((total) => ({ measure: total.measure, ...publish(total) }));
  return {
    from: input.period.from,
    to: input.period.to,
    dimensions: input.dimensions,
    measures: input.measures,
    cells,
    totals,
    total: totals[0]?.count ?? null,
    suppressedCells: cells.filter((cell) => cell.suppressed).length,
    threshold: control.threshold,
    excludedForPrecision: left(input.excludedForPrecision),
    excludedWindowNotEnded: left(input.excludedWindowNotEnded),
  };
}
