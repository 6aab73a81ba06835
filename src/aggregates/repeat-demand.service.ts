import type { EntityManager } from '@mikro-orm/postgresql';
import { AggregateDimension, AggregateMeasure, RepeatSubject } from './aggregate-enums';
import { checkIncidentFilter, type IncidentFilter } from './aggregate-filter';
import { aggregateKey, aggregateTable, published, type Counted } from './aggregate-table';
import { disclosureControl } from './aggregate-threshold';
import type { AggregateTableType } from './aggregate.type';
import type { DisclosureControl } from './cell-key';
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
  const [control, rows] = await Promise.all([
    disclosureControl(em),
    runSql<RepeatDemandRow>(em, repeatDemandSql(filter, subject)),
  ]);
  return repeatDemandTable(filter, control, rows);
}

/**
 * Each band has two cells, subjects and incidents, hidden together. The subjects' total is the
 * table's margin. The incidents' total is published only when no band is hidden: with both totals
 * known, two hidden exact bands (2 and 3, say) could be solved from a pair of equations.
 *
 * Suppression decides on the true counts; the cell key method then moves every figure published:
 * a band's subjects by their own record keys (people's or places'), the subjects' total likewise,
 * and incidents by the keys of the incidents counted. The incidents of an exact band (2, 3, 4)
 * are that many times its subjects, so they are published as that multiple of the published
 * subjects: a second, independently moved figure of the same count would let the two be averaged.
 */
export function repeatDemandTable(
  filter: IncidentFilter,
  control: DisclosureControl,
  rows: RepeatDemandRow[],
): AggregateTableType {
  const { threshold } = control;
  const bands = REPEAT_BANDS.map(({ band, min, exactly }) => {
    const row = rows.find((r) => r.band_min === min);
    return {
      band,
      exactly,
      subjects: row?.subjects ?? 0,
      incidents: row?.incidents ?? 0,
      subjectKeys: row?.subjectKeys ?? 0,
      incidentKeys: row?.incidentKeys ?? 0,
    };
  }).filter((band) => band.subjects > 0);
  const sum = (of: (band: (typeof bands)[number]) => number) =>
    bands.reduce((total, band) => total + of(band), 0);
  const subjects = sum((band) => band.subjects);
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
    control,
    cells: bands.flatMap((band, index) => {
      const ofSubjects: Counted = {
        count: band.subjects,
        hidden: hidden[index],
        recordKeys: band.subjectKeys,
      };
      const shown = band.exactly === null ? null : published(ofSubjects, control);
      const ofIncidents: Counted =
        band.exactly === null
          ? { count: band.incidents, hidden: hidden[index], recordKeys: band.incidentKeys }
          : // Already moved: the band's published subjects, times the band.
            { count: band.exactly * (shown ?? 0), hidden: shown === null };
      return [
        { keys: keys(band.band), measure: AggregateMeasure.SUBJECTS, ...ofSubjects },
        { keys: keys(band.band), measure: AggregateMeasure.INCIDENTS, ...ofIncidents },
      ];
    }),
    totals: [
      {
        measure: AggregateMeasure.SUBJECTS,
        count: subjects,
        hidden: belowThreshold(subjects, threshold),
        recordKeys: sum((band) => band.subjectKeys),
      },
      {
        measure: AggregateMeasure.INCIDENTS,
        count: sum((band) => band.incidents),
        hidden: anyHidden,
        recordKeys: sum((band) => band.incidentKeys),
      },
    ],
  });
}
