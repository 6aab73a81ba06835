import { registerEnumType } from 'type-graphql';

/**
 * What a cell of an aggregate is keyed by. Periods, days of week and hours are taken in UK time
 * (Europe/London): the area is in England and Wales.
 */
export enum AggregateDimension {
  /** The calendar day, YYYY-MM-DD. */
  PERIOD_DAY = 'PERIOD_DAY',
  /** The ISO week (Monday to Sunday), keyed by its Monday, YYYY-MM-DD; labelled YYYY-Www. */
  PERIOD_WEEK = 'PERIOD_WEEK',
  /** The calendar month, YYYY-MM. */
  PERIOD_MONTH = 'PERIOD_MONTH',
  /** The Home Office category. */
  CATEGORY = 'CATEGORY',
  /** The partner that recorded the incident first (an organisation, not a person). */
  PARTNER = 'PARTNER',
  /** The lower layer super output area, by ONS code. */
  LSOA = 'LSOA',
  /** The local authority district the LSOA lies in. */
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  /** ISO day of week: 1 Monday to 7 Sunday. */
  DAY_OF_WEEK = 'DAY_OF_WEEK',
  /** Hour of the day, 0 to 23. */
  HOUR = 'HOUR',
  /** The police force area the incident falls within, as data.police.uk names it. */
  POLICE_FORCE = 'POLICE_FORCE',
  /** Who reported it to the police, as data.police.uk names it (a force, or British Transport Police). */
  REPORTED_BY = 'REPORTED_BY',
  /** The step on the escalation ladder. */
  INTERVENTION_KIND = 'INTERVENTION_KIND',
  /** How many incidents a repeat victim, perpetrator or place had: 2, 3, 4, 5-9, 10+. */
  REPEAT_BAND = 'REPEAT_BAND',
}

/** The dimensions incidentCounts may group by. */
export const INCIDENT_DIMENSIONS: readonly AggregateDimension[] = [
  AggregateDimension.PERIOD_DAY,
  AggregateDimension.PERIOD_WEEK,
  AggregateDimension.PERIOD_MONTH,
  AggregateDimension.CATEGORY,
  AggregateDimension.PARTNER,
  AggregateDimension.LSOA,
  AggregateDimension.LOCAL_AUTHORITY,
  AggregateDimension.DAY_OF_WEEK,
  AggregateDimension.HOUR,
  AggregateDimension.POLICE_FORCE,
  AggregateDimension.REPORTED_BY,
];

/** What a cell counts. */
export enum AggregateMeasure {
  INCIDENTS = 'INCIDENTS',
  /** Repeat demand: victims, perpetrators or places in the band. */
  SUBJECTS = 'SUBJECTS',
  /** Intervention impact: interventions whose windows were counted. */
  INTERVENTIONS = 'INTERVENTIONS',
  INCIDENTS_BEFORE = 'INCIDENTS_BEFORE',
  INCIDENTS_AFTER = 'INCIDENTS_AFTER',
  /** Intervention statistics. */
  ISSUED = 'ISSUED',
  /** Issued in the period with at least one recorded breach. */
  BREACHED = 'BREACHED',
  /** ASB case review statistics (2014 Act s.104(10)). */
  APPLICATIONS = 'APPLICATIONS',
  DECISIONS = 'DECISIONS',
  DECISIONS_THRESHOLD_MET = 'DECISIONS_THRESHOLD_MET',
  DECISIONS_THRESHOLD_NOT_MET = 'DECISIONS_THRESHOLD_NOT_MET',
  DECISIONS_DISCRETIONARY_REVIEW = 'DECISIONS_DISCRETIONARY_REVIEW',
  DECISIONS_NO_REVIEW = 'DECISIONS_NO_REVIEW',
  REVIEWS_HELD = 'REVIEWS_HELD',
  REVIEWS_WITH_RECOMMENDATIONS = 'REVIEWS_WITH_RECOMMENDATIONS',
  APPEALS = 'APPEALS',
}

/** Whose repeat demand: people in a role on incidents, or places. */
export enum RepeatSubject {
  VICTIM = 'VICTIM',
  PERPETRATOR = 'PERPETRATOR',
  LOCATION = 'LOCATION',
}

registerEnumType(AggregateDimension, {
  name: 'AggregateDimension',
  description:
    'What aggregate cells are keyed by. Periods, days of week and hours are UK time (Europe/London).',
  valuesConfig: {
    PERIOD_DAY: { description: 'Calendar day, YYYY-MM-DD.' },
    PERIOD_WEEK: { description: 'ISO week, keyed by its Monday (YYYY-MM-DD), labelled YYYY-Www.' },
    PERIOD_MONTH: { description: 'Calendar month, YYYY-MM.' },
    CATEGORY: { description: 'Home Office ASB category.' },
    PARTNER: {
      description: 'The partner that recorded the incident first: value its id, label its name.',
    },
    LSOA: { description: 'Lower layer super output area: value its ONS code, label its name.' },
    LOCAL_AUTHORITY: { description: 'The local authority district of the LSOA.' },
    DAY_OF_WEEK: { description: 'ISO day of week, 1 (Monday) to 7 (Sunday).' },
    HOUR: { description: 'Hour of the day, 0 to 23.' },
    POLICE_FORCE: {
      description:
        'The police force area the incident falls within (data.police.uk "Falls within"); null when recorded in the hub.',
    },
    REPORTED_BY: {
      description:
        'Who reported it to the police (data.police.uk "Reported by"); null when recorded in the hub.',
    },
    INTERVENTION_KIND: { description: 'Step on the escalation ladder.' },
    REPEAT_BAND: { description: 'Incidents per subject: 2, 3, 4, 5-9 or 10+.' },
  },
});
registerEnumType(AggregateMeasure, {
  name: 'AggregateMeasure',
  description: 'What a cell counts.',
});
registerEnumType(RepeatSubject, {
  name: 'RepeatSubject',
  description: 'Repeat victims, repeat perpetrators or repeat locations.',
});
