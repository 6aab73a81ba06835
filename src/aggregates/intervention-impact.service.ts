import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { badInput, notFound } from '../errors';
import { interventionForWrite } from '../interventions/intervention.service';
import { mayEverRead } from '../permissions/decide';
import { policy } from '../permissions/policy';
import { AggregateDimension, AggregateMeasure } from './aggregate-enums';
import { checkInterventionScope, type InterventionScope } from './aggregate-filter';
import { aggregateKey, aggregateTable, type Counted } from './aggregate-table';
import { disclosureControl } from './aggregate-threshold';
import type { AggregateTableType } from './aggregate.type';
import type { DisclosureControl } from './cell-key';
import { interventionImpactSql, type InterventionImpactRow } from './intervention-impact.sql';
import { runSql } from './sql-statement';
import { belowThreshold, suppressCells } from './suppression';

export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_WINDOW_DAYS = 365;

const MEASURES = [
  AggregateMeasure.INTERVENTIONS,
  AggregateMeasure.INCIDENTS_BEFORE,
  AggregateMeasure.INCIDENTS_AFTER,
] as const;

export function checkWindowDays(windowDays: number): number {
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
    throw badInput(
      `windowDays must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}`,
      'windowDays',
    );
  }
  return windowDays;
}

/**
 * Demand before and after interventions, per kind, suppressed. With `interventionId`, one
 * intervention only, and only for a viewer who may read its case (an analyst of a partner on the
 * case); anyone else, a BI service account included, gets NOT_FOUND as for a missing one.
 */
export async function interventionImpact(
  em: EntityManager,
  viewer: Viewer,
  input: InterventionScope,
  windowDays: number = DEFAULT_WINDOW_DAYS,
  interventionId?: string | null,
  asOf: Date = clock.now(),
): Promise<AggregateTableType> {
  const scope = checkInterventionScope(input);
  const days = checkWindowDays(windowDays);
  let single: string | null = null;
  if (interventionId !== null && interventionId !== undefined) {
    if (!mayEverRead(policy.Query.fields.case, viewer)) {
      throw notFound('intervention', interventionId);
    }
    single = (await interventionForWrite(em, viewer, interventionId)).id;
  }
  const [control, rows] = await Promise.all([
    disclosureControl(em),
    runSql<InterventionImpactRow>(em, interventionImpactSql(scope, days, asOf, single)),
  ]);
  return interventionImpactTable(scope, control, rows, single !== null);
}

/**
 * Three cells per kind (interventions, incidents before, after), hidden together; each measure's
 * column adds up to its total. One intervention the viewer may read already is not hidden for
 * being one; its incident counts are.
 *
 * Suppression decides on the true counts; the cell key method then moves every figure published
 * by the record keys of what it counts: interventions by theirs (as interventionStatistics does),
 * incidents before and after by the incidents' (once for each intervention they count for), and
 * the two left-out counts likewise. One intervention the viewer may read is published as it is,
 * with its not-ended flag: moving a count the viewer can look up protects nothing.
 */
export function interventionImpactTable(
  scope: InterventionScope,
  control: DisclosureControl,
  rows: InterventionImpactRow[],
  single = false,
): AggregateTableType {
  const { threshold } = control;
  const ended = rows.filter((row) => row.ended);
  const notEnded = rows.filter((row) => !row.ended);
  const counts = ended.flatMap((row) => [row.interventions, row.before, row.after]);
  const keys = ended.flatMap((row) => [row.interventionKeys, row.beforeKeys, row.afterKeys]);
  const sumOf = (values: number[], measure: number) =>
    ended.reduce((sum, _row, index) => sum + values[index * 3 + measure], 0);
  const totals = MEASURES.map((_m, measure) => sumOf(counts, measure));
  let hidden: boolean[];
  if (single) {
    hidden = counts.map((count, index) => index % 3 !== 0 && belowThreshold(count, threshold));
  } else {
    hidden = suppressCells(
      counts,
      MEASURES.map((_m, measure) => ({
        cells: ended.map((_row, index) => index * 3 + measure),
        marginKnown: !belowThreshold(totals[measure], threshold),
      })),
      threshold,
      ended.map((_row, index) => [index * 3, index * 3 + 1, index * 3 + 2]),
    );
  }
  // The one intervention's own count is exact (no record keys); every other count is moved.
  const movedKeys = (measure: number, recordKeys: number) =>
    single && measure === 0 ? undefined : recordKeys;
  const total = (measure: number): Counted => ({
    count: totals[measure],
    hidden: (!single || measure !== 0) && belowThreshold(totals[measure], threshold),
    recordKeys: movedKeys(measure, sumOf(keys, measure)),
  });
  const sum = (
    of: readonly InterventionImpactRow[],
    pick: (row: InterventionImpactRow) => number,
  ) => of.reduce((total, row) => total + pick(row), 0);
  const windowNotEnded = sum(notEnded, (row) => row.interventions);
  return aggregateTable({
    period: scope,
    dimensions: [AggregateDimension.INTERVENTION_KIND],
    measures: [...MEASURES],
    control,
    cells: ended.flatMap((row, index) =>
      MEASURES.map((measure, m) => ({
        keys: [aggregateKey(AggregateDimension.INTERVENTION_KIND, row.kind)],
        measure,
        count: counts[index * 3 + m],
        hidden: hidden[index * 3 + m],
        recordKeys: movedKeys(m, keys[index * 3 + m]),
      })),
    ),
    totals: MEASURES.map((measure, m) => ({ measure, ...total(m) })),
    excludedForPrecision: {
      count: sum(ended, (row) => row.imprecise),
      hidden: false,
      recordKeys: sum(ended, (row) => row.impreciseKeys),
    },
    excludedWindowNotEnded: single
      ? windowNotEnded
      : {
          count: windowNotEnded,
          hidden: false,
          recordKeys: sum(notEnded, (row) => row.interventionKeys),
        },
  });
}
