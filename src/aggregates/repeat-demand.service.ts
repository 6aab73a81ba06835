import type { EntityManager } from '@mikro-orm/postgresql';
import { AggregateDimension, AggregateMeasure, RepeatSubject } from './aggregate-enums';
import { checkIncidentFilter, type IncidentFilter } from './aggregate-filter';
import { aggregateKey, aggregateTable } from './aggregate-table';
import { smallNumberThreshold } from './aggregate-threshold';
import type { AggregateTableType } from './aggregate.type';
import { REPEAT_BANDS, repeatDemandSql, type RepeatDemandRow } from './repeat-demand.sql';
import { checkKnownAreas } from './known-areas';
import { runSql } from './sql-statement';
import { belowThreshold, suppressCells } from './suppression';

/** The distribution of repeat victims, perpetrators or places, suppressed. */
export async function repeatDemand(
  em: EntityManager,
  input: IncidentFilter,
  subject: RepeatSubject,
): Promise<AggregateTableType> {
  const filter = checkIncidentFilter(input);
  await checkKnownAreas(em, filter);
  const [threshold, rows] = await Promise.all([
    smallNumberThreshold(em),
    runSql<RepeatDemandRow>(em, repeatDemandSql(filter, subject)),
  ]);
  return repeatDemandTable(filter, threshold, rows);
}

/**
 * Each band has two cells, subjects and incidents, hidden together. The subjects' total is the
 * table's margin. The incidents' total is published only when no band is hidden: with both totals
 * known, two hidden exact bands (2 and 3, say) could be solved from a pair of equations.
 */
export function repeatDemandTable(
  filter: IncidentFilter,
  threshold: number,
  rows: RepeatDemandRow[],
): AggregateTableType {
  const bands = REPEAT_BANDS.map(({ band, min }) => {
    const row = rows.find((r) => r.band_min === min);
    return { band, subjects: row?.subjects ?? 0, incidents: row?.incidents ?? 0 };
  }).filter((band) => band.subjects > 0);
  const subjects = bands.reduce((sum, band) => sum + band.subjects, 0);
  const incidents = bands.reduce((sum, band) => sum + band.incidents, 0);
  // Cells 0..n-1: subjects per band; n..2n-1: incidents per band. Only subjects are primary.
  const counts = [...bands.map((band) => band.subjects), ...bands.map(() => 0)];
  const hidden = suppressCells(
    counts,
    [{ cells: bands.map((_b, index) => index), marginKnown: !belowThreshold(subjects, threshold) }],
    threshold,
    bands.map((_b, index) => [index, bands.length + index]),
  );
  const anyHidden = hidden.some(Boolean);
  const keys = (band: string) => [aggregateKey(AggregateDimension.REPEAT_BAND, band)];
  return aggregateTable({
    period: filter,
    dimensions: [AggregateDimension.REPEAT_BAND],
    measures: [AggregateMeasure.SUBJECTS, AggregateMeasure.INCIDENTS],
    control: threshold,
    cells: bands.flatMap((band, index) => [
      {
        keys: keys(band.band),
        measure: AggregateMeasure.SUBJECTS,
        count: band.subjects,
        hidden: hidden[index],
      },
      {
        keys: keys(band.band),
        measure: AggregateMeasure.INCIDENTS,
        count: band.incidents,
        hidden: hidden[index],
      },
    ]),
    totals: [
      {
        measure: AggregateMeasure.SUBJECTS,
        count: subjects,
        hidden: belowThreshold(subjects, threshold),
      },
      { measure: AggregateMeasure.INCIDENTS, count: incidents, hidden: anyHidden },
    ],
  });
}
