import type { EntityManager } from '@mikro-orm/postgresql';
import { Lsoa } from '../../src/areas/lsoa.entity';
import { IncidentCategory } from '../../src/incidents/incident-category.enum';
import { Incident } from '../../src/incidents/incident.entity';
import { OccurredPrecision } from '../../src/incidents/occurred-precision.enum';
import type { Location } from '../../src/locations/location.entity';
import { Partner } from '../../src/partners/partner.entity';
import { gql } from '../support/gql';

/** An aggregate answer as the tests read it. */
export interface Table {
  from: string;
  to: string;
  dimensions: string[];
  measures: string[];
  total: number | null;
  suppressedCells: number;
  threshold: number;
  excludedForPrecision: number;
  excludedWindowNotEnded: number;
  cells: {
    keys: { dimension: string; value: string | null; label: string | null }[];
    measure: string;
    count: number | null;
    suppressed: boolean;
  }[];
  totals: { measure: string; count: number | null; suppressed: boolean }[];
}

const TABLE = `from to dimensions measures total suppressedCells threshold excludedForPrecision excludedWindowNotEnded
  cells { keys { dimension value label } measure count suppressed }
  totals { measure count suppressed }`;

export interface IncidentFilterInput {
  from: string;
  to: string;
  lsoaCodes?: string[];
  localAuthority?: string;
  categories?: string[];
  policeForces?: string[];
  reportedBy?: string[];
}

export const INCIDENT_COUNTS = gql<
  { incidentCounts: Table | null },
  { filter: IncidentFilterInput; groupBy: string[] }
>(`query IncidentCounts($filter: AggregateFilter!, $groupBy: [AggregateDimension!]!) {
  incidentCounts(filter: $filter, groupBy: $groupBy) { ${TABLE} }
}`);

export const REPEAT_DEMAND = gql<
  { repeatDemand: Table | null },
  { filter: IncidentFilterInput; subject: string }
>(`query RepeatDemand($filter: AggregateFilter!, $subject: RepeatSubject!) {
  repeatDemand(filter: $filter, subject: $subject) { ${TABLE} }
}`);

export const INTERVENTION_IMPACT = gql<
  { interventionImpact: Table | null },
  {
    filter: { from: string; to: string; kinds?: string[] };
    windowDays?: number;
    interventionId?: string;
  }
>(`query InterventionImpact($filter: InterventionFilter!, $windowDays: Int, $interventionId: ID) {
  interventionImpact(filter: $filter, windowDays: $windowDays, interventionId: $interventionId) { ${TABLE} }
}`);

export const CASE_REVIEW_STATISTICS = gql<
  { caseReviewStatistics: Table | null },
  { filter: { from: string; to: string } }
>(`query CaseReviewStatistics($filter: PeriodFilter!) {
  caseReviewStatistics(filter: $filter) { ${TABLE} }
}`);

export const INTERVENTION_STATISTICS = gql<
  { interventionStatistics: Table | null },
  { filter: { from: string; to: string; kinds?: string[] }; groupBy?: string[] }
>(`query InterventionStatistics($filter: InterventionFilter!, $groupBy: [AggregateDimension!]) {
  interventionStatistics(filter: $filter, groupBy: $groupBy) { ${TABLE} }
}`);

/** A cell's keys as "VALUE" or "VALUE/VALUE", for compact assertions. */
export const keyOf = (cell: Table['cells'][number]) =>
  cell.keys.map((key) => key.value ?? 'null').join('/');

/** Cells of one measure as { key: count }, suppressed ones as null. */
export function countsOf(table: Table, measure?: string): Record<string, number | null> {
  return Object.fromEntries(
    table.cells
      .filter((cell) => !measure || cell.measure === measure)
      .map((cell) => [keyOf(cell), cell.count]),
  );
}

/** LSOAs of two invented local authorities, for area keys and filters. */
export const LSOAS = {
  testshireA: { code: 'E01900001', name: 'Testshire 001A', localAuthority: 'Testshire' },
  testshireB: { code: 'E01900002', name: 'Testshire 001B', localAuthority: 'Testshire' },
  otherton: { code: 'W01900003', name: 'Otherton 001A', localAuthority: 'Otherton' },
};

export async function addLsoas(em: EntityManager) {
  for (const lsoa of Object.values(LSOAS)) em.create(Lsoa, lsoa);
  await em.flush();
}

/** `count` incidents alike, straight into the database, as an import would leave them. */
export async function addIncidents(
  em: EntityManager,
  count: number,
  fields: {
    occurredAt: string;
    category?: IncidentCategory;
    partner?: Partner | null;
    areaCode?: string | null;
    precision?: OccurredPrecision;
    location?: Location | null;
  },
): Promise<Incident[]> {
  const incidents = Array.from({ length: count }, () =>
    em.create(Incident, {
      occurredAt: new Date(fields.occurredAt),
      category: fields.category ?? IncidentCategory.NUISANCE,
      description: 'Aggregate test incident',
      recordedByPartner: fields.partner ? em.getReference(Partner, fields.partner.id) : null,
      areaCode: fields.areaCode ?? null,
      occurredPrecision: fields.precision ?? OccurredPrecision.EXACT,
      location: fields.location ?? null,
    }),
  );
  await em.flush();
  return incidents;
}
