import { AggregateDimension, RepeatSubject } from '../../src/aggregates/aggregate-enums';
import { caseReviewStatisticsSql } from '../../src/aggregates/case-review-statistics.sql';
import { incidentCountsSql } from '../../src/aggregates/incident-counts.sql';
import { interventionImpactSql } from '../../src/aggregates/intervention-impact.sql';
import { interventionStatisticsSql } from '../../src/aggregates/intervention-statistics.sql';
import { repeatDemandSql } from '../../src/aggregates/repeat-demand.sql';
import type { SqlStatement } from '../../src/aggregates/sql-statement';

/**
 * The aggregates measured: each as the GraphQL request a BI tool sends and the very SQL statement
 * the hub runs for it, to be run straight on PostgreSQL in the same run.
 */
export interface AggregateCase {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  sql: SqlStatement;
}

const TABLE = `{ cells { keys { dimension value label } measure count suppressed }
  totals { measure count suppressed } suppressedCells excludedForPrecision }`;

/** The whole generated span: February 2017 to January 2019. */
const ALL = { from: '2017-02-01', to: '2019-02-01' };
const LAST_YEAR = { from: '2018-02-01', to: '2019-02-01' };
const LAST_QUARTER = { from: '2018-11-01', to: '2019-02-01' };

function incidentCounts(
  name: string,
  filter: Record<string, unknown> & { from: string; to: string },
  groupBy: AggregateDimension[],
): AggregateCase {
  return {
    name,
    query: `query ($filter: AggregateFilter!, $groupBy: [AggregateDimension!]!) {
      incidentCounts(filter: $filter, groupBy: $groupBy) ${TABLE} }`,
    variables: { filter, groupBy },
    sql: incidentCountsSql(filter, groupBy),
  };
}

function repeatDemand(subject: RepeatSubject): AggregateCase {
  return {
    name: `repeat ${subject.toLowerCase()}s, last year`,
    query: `query ($filter: AggregateFilter!, $subject: RepeatSubject!) {
      repeatDemand(filter: $filter, subject: $subject) ${TABLE} }`,
    variables: { filter: LAST_YEAR, subject },
    sql: repeatDemandSql(LAST_YEAR, subject),
  };
}

export function aggregateCases(localAuthority: string, asOf: Date): AggregateCase[] {
  const D = AggregateDimension;
  return [
    incidentCounts('incidents by month, two years', ALL, [D.PERIOD_MONTH]),
    incidentCounts('incidents by week, last year', LAST_YEAR, [D.PERIOD_WEEK]),
    incidentCounts('incidents by day, last quarter', LAST_QUARTER, [D.PERIOD_DAY]),
    incidentCounts('incidents by category, two years', ALL, [D.CATEGORY]),
    incidentCounts('incidents by partner and month, last year', LAST_YEAR, [
      D.PARTNER,
      D.PERIOD_MONTH,
    ]),
    incidentCounts('incidents by local authority, last year', LAST_YEAR, [D.LOCAL_AUTHORITY]),
    incidentCounts(
      `incidents by LSOA in ${localAuthority}, two years`,
      { ...ALL, localAuthority },
      [D.LSOA],
    ),
    incidentCounts('incidents by day of week and hour, last year', LAST_YEAR, [
      D.DAY_OF_WEEK,
      D.HOUR,
    ]),
    repeatDemand(RepeatSubject.VICTIM),
    repeatDemand(RepeatSubject.PERPETRATOR),
    repeatDemand(RepeatSubject.LOCATION),
    {
      name: 'demand 90 days before and after interventions, two years',
      query: `query ($filter: InterventionFilter!) {
        interventionImpact(filter: $filter, windowDays: 90) ${TABLE} }`,
      variables: { filter: ALL },
      sql: interventionImpactSql(ALL, 90, asOf),
    },
    {
      name: 'case review statistics, two years',
      query: `query ($filter: PeriodFilter!) { caseReviewStatistics(filter: $filter) ${TABLE} }`,
      variables: { filter: ALL },
      sql: caseReviewStatisticsSql(ALL),
    },
    {
      name: 'interventions issued and breached by month, two years',
      query: `query ($filter: InterventionFilter!) {
        interventionStatistics(filter: $filter, groupBy: [PERIOD_MONTH]) ${TABLE} }`,
      variables: { filter: ALL },
      sql: interventionStatisticsSql(ALL, [AggregateDimension.PERIOD_MONTH]),
    },
  ];
}
