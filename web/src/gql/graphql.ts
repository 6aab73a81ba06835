/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`. */
  LocalDate: { input: string; output: string; }
};

/** A task for a partner on a case, with a due date. */
export type Action = {
  assignedPartner: Partner;
  cancelReason?: Maybe<Scalars['String']['output']>;
  cancelledAt?: Maybe<Scalars['DateTimeISO']['output']>;
  case?: Maybe<Case>;
  completedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** Null when a rule of the hub raised it. */
  createdBy?: Maybe<Officer>;
  details?: Maybe<Scalars['String']['output']>;
  dueDate: Scalars['LocalDate']['output'];
  id: Scalars['ID']['output'];
  /** Still open after its due date (calendar days, England and Wales). */
  overdue: Scalars['Boolean']['output'];
  source: ActionSource;
  status: ActionStatus;
  title?: Maybe<Scalars['String']['output']>;
};

export type ActionSource =
  | 'CASE_REVIEW_RECOMMENDATION'
  | 'CASE_REVIEW_VICTIM_NOTICE'
  | 'MANUAL'
  | 'MEETING'
  | 'OSARA_RESPONSE';

export type ActionStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'OPEN';

export type AddBankHolidayInput = {
  date: Scalars['LocalDate']['input'];
  name: Scalars['String']['input'];
  /** Why: quoted in the audit of configuration changes. */
  reason: Scalars['String']['input'];
};

/** Put a case on a meeting’s agenda: one the chair’s partner takes part in. */
export type AddCaseToMeetingAgendaInput = {
  caseId: Scalars['ID']['input'];
  meetingId: Scalars['ID']['input'];
};

export type AddPartnerToCaseInput = {
  caseId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
};

/** Add someone to a case: an existing person you can see, or a new one. */
export type AddPersonToCaseInput = {
  caseId: Scalars['ID']['input'];
  newPerson?: InputMaybe<NewPersonInput>;
  personId?: InputMaybe<Scalars['ID']['input']>;
  role: PersonRole;
  vulnerabilities?: Array<Vulnerability>;
};

/** Move the case to the next OSARA stage, once its stage is complete. */
export type AdvanceOsaraStageInput = {
  caseId: Scalars['ID']['input'];
  /** The stage after the current one: a stale client cannot skip or repeat a move. */
  to: OsaraStage;
};

/** One cell: its keys, what it counts and the count (moved a little by the cell key method: docs/analysts.md "Disclosure control"), or null with suppressed: true when the count is below the area’s threshold or could be worked out from other cells. */
export type AggregateCell = {
  /** Null when suppressed. */
  count?: Maybe<Scalars['Int']['output']>;
  keys: Array<AggregateKey>;
  measure: AggregateMeasure;
  suppressed: Scalars['Boolean']['output'];
};

/** What aggregate cells are keyed by. Periods, days of week and hours are UK time (Europe/London). */
export type AggregateDimension =
  /** Home Office ASB category. */
  | 'CATEGORY'
  /** ISO day of week, 1 (Monday) to 7 (Sunday). */
  | 'DAY_OF_WEEK'
  /** Hour of the day, 0 to 23. */
  | 'HOUR'
  /** Step on the escalation ladder. */
  | 'INTERVENTION_KIND'
  /** The local authority district of the LSOA. */
  | 'LOCAL_AUTHORITY'
  /** Lower layer super output area: value its ONS code, label its name. */
  | 'LSOA'
  /** The partner that recorded the incident first: value its id, label its name. */
  | 'PARTNER'
  /** Calendar day, YYYY-MM-DD. */
  | 'PERIOD_DAY'
  /** Calendar month, YYYY-MM. */
  | 'PERIOD_MONTH'
  /** ISO week, keyed by its Monday (YYYY-MM-DD), labelled YYYY-Www. */
  | 'PERIOD_WEEK'
  /** The police force area the incident falls within (data.police.uk "Falls within"); null when recorded in the hub. */
  | 'POLICE_FORCE'
  /** Incidents per subject: 2, 3, 4, 5-9 or 10+. */
  | 'REPEAT_BAND'
  /** Who reported it to the police (data.police.uk "Reported by"); null when recorded in the hub. */
  | 'REPORTED_BY';

/** Which incidents an aggregate counts: those that happened in the period (an incident known only to the month counts when its month starts in the period), optionally only in some LSOAs (codes the hub knows), one local authority, some categories, police force areas or reporting forces. */
export type AggregateFilter = {
  categories?: InputMaybe<Array<IncidentCategory>>;
  from: Scalars['LocalDate']['input'];
  /** A local authority district name. */
  localAuthority?: InputMaybe<Scalars['String']['input']>;
  /** ONS LSOA codes, at most 1000. */
  lsoaCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Police force areas the incidents fall within, as data.police.uk names them ("Avon and Somerset Constabulary"), at most 50. */
  policeForces?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Who reported the incidents to the police, as data.police.uk names them, at most 50. */
  reportedBy?: InputMaybe<Array<Scalars['String']['input']>>;
  to: Scalars['LocalDate']['input'];
};

/** Where a cell sits in one dimension. */
export type AggregateKey = {
  dimension: AggregateDimension;
  /** As a reader would write it: the partner or LSOA name, "Monday", "2025-W03". */
  label?: Maybe<Scalars['String']['output']>;
  /** The key: a date, a month, an enum value, an ONS code, a partner id, a number. Null when the source did not say (no area, no recording partner). */
  value?: Maybe<Scalars['String']['output']>;
};

/** What a cell counts. */
export type AggregateMeasure =
  | 'APPEALS'
  | 'APPLICATIONS'
  | 'BREACHED'
  | 'DECISIONS'
  | 'DECISIONS_DISCRETIONARY_REVIEW'
  | 'DECISIONS_NO_REVIEW'
  | 'DECISIONS_THRESHOLD_MET'
  | 'DECISIONS_THRESHOLD_NOT_MET'
  | 'INCIDENTS'
  | 'INCIDENTS_AFTER'
  | 'INCIDENTS_BEFORE'
  | 'INTERVENTIONS'
  | 'ISSUED'
  | 'REVIEWS_HELD'
  | 'REVIEWS_WITH_RECOMMENDATIONS'
  | 'SUBJECTS';

/** An aggregate answer: counts only, never a row about a person, an id or name of a person, an address or a case. Empty cells (0) are left out. Small-number suppression applied (docs/analysts.md). */
export type AggregateTable = {
  cells: Array<AggregateCell>;
  /** The keys each cell carries, in order. */
  dimensions: Array<AggregateDimension>;
  /** Incidents left out because their time is known less exactly than the answer needs (a month for days, weeks, days of week or hours; a day for hours, or for intervention windows a month). A count of incidents like any cell: under the same disclosure control, null when withheld. */
  excludedForPrecision?: Maybe<Scalars['Int']['output']>;
  /** interventionImpact: interventions left out because their after-window has not ended yet. A count of interventions like any cell: under the same disclosure control, null when withheld. 0 elsewhere. */
  excludedWindowNotEnded?: Maybe<Scalars['Int']['output']>;
  /** The period, from this day (UK time) inclusive... */
  from: Scalars['LocalDate']['output'];
  /** What the cells count. */
  measures: Array<AggregateMeasure>;
  /** How many cells are suppressed. */
  suppressedCells: Scalars['Int']['output'];
  /** The area’s small-number threshold (smallNumberThreshold) applied. */
  threshold: Scalars['Int']['output'];
  /** ...to this day exclusive. */
  to: Scalars['LocalDate']['output'];
  /** The total of the first measure; null when it is suppressed or the answer has no total. */
  total?: Maybe<Scalars['Int']['output']>;
  /** The total of each measure that has one (hidden below the threshold; moved by the cell key method as a figure of its own). */
  totals: Array<AggregateTotal>;
};

/** The total of one measure over the whole filter, unless it must be hidden: a cell of its own under the cell key method, so it is not the sum of the published cells. */
export type AggregateTotal = {
  /** Null when suppressed. */
  count?: Maybe<Scalars['Int']['output']>;
  measure: AggregateMeasure;
  suppressed: Scalars['Boolean']['output'];
};

/** An action the meeting agreed: a task for a partner on a case on its agenda. */
export type AgreeMeetingActionInput = {
  /** A case on the meeting’s agenda. */
  caseId: Scalars['ID']['input'];
  details?: InputMaybe<Scalars['String']['input']>;
  /** Today or later. */
  dueDate: Scalars['LocalDate']['input'];
  meetingId: Scalars['ID']['input'];
  /** A partner taking part in the case. */
  partnerId: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};

/** Approve the deletion of a closed case past its retention period. */
export type ApproveCaseDeletionInput = {
  caseId: Scalars['ID']['input'];
  /** Why: the review’s conclusion, kept on the tombstone. */
  reason: Scalars['String']['input'];
};

/** The area’s own rules and timescales, set by its administrator. */
export type AreaConfiguration = {
  acknowledgeWorkingDays: Scalars['Int']['output'];
  appealHeardBy: Scalars['String']['output'];
  appealWindowWorkingDays: Scalars['Int']['output'];
  /** N qualifying complaints in the window meet the case review threshold; at most 3 (2014 Act s.104(4)). */
  caseReviewThreshold: Scalars['Int']['output'];
  /** Months in which qualifying complaints are counted (s.104(11)). */
  caseReviewWindowMonths: Scalars['Int']['output'];
  /** Youngest age for a community protection notice (16 under s.43; 10 where the law has changed). */
  cpnMinimumAge: Scalars['Int']['output'];
  decideWorkingDays: Scalars['Int']['output'];
  /** The language of letters to someone whose choice is not recorded (BOTH puts Welsh first). */
  defaultCorrespondenceLanguage: CorrespondenceLanguage;
  /** Local route: a single hate incident meets the threshold. */
  hateIncidentRoute: Scalars['Boolean']['output'];
  /** Local route: reports about one location in the window (null: off). */
  locationRouteReports?: Maybe<Scalars['Int']['output']>;
  /** Local route: from at least this many different victims. */
  locationRouteVictims: Scalars['Int']['output'];
  meetWorkingDays: Scalars['Int']['output'];
  /** The cell key method: the most an aggregate count is moved up or down (0: exact counts, suppression alone). */
  perturbationMaxNoise: Scalars['Int']['output'];
  /** The cell key method: the variance of that move, for counts far enough above the threshold to take it. */
  perturbationVariance: Scalars['Float']['output'];
  /** A complaint qualifies only if made within this many months of the behaviour (s.104(11)). */
  qualifyingComplaintMonths: Scalars['Int']['output'];
  respondWorkingDays: Scalars['Int']['output'];
  /** Closed cases are listed for a deletion review this many years after closure (default 6). */
  retentionYears: Scalars['Int']['output'];
  /** Aggregate cells below this count are suppressed. */
  smallNumberThreshold: Scalars['Int']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** OSARA Scanning: ask a partner on the case for the data it holds. */
export type AskPartnerForDataInput = {
  caseId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
};

/** A task for a partner taking part in the case. */
export type AssignActionInput = {
  caseId: Scalars['ID']['input'];
  details?: InputMaybe<Scalars['String']['input']>;
  /** Today or later. */
  dueDate: Scalars['LocalDate']['input'];
  /** Part of the case’s OSARA response (what this partner will do); only while the case is at Response. */
  osaraResponse?: Scalars['Boolean']['input'];
  /** A partner taking part in the case. */
  partnerId: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};

export type AuditAction =
  | 'CREATE'
  | 'DELETE'
  | 'READ'
  | 'UPDATE';

/** One audited read or write of personal data: who, for which partner and in which role, what (a record and its fields), about whom, in which case, when, in which request and why. */
export type AuditEntry = {
  action: AuditAction;
  /** The case it was read in or written to, when known. */
  caseId?: Maybe<Scalars['ID']['output']>;
  /** The fields read or written. */
  fields: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTimeISO']['output'];
  /** The root fields of the GraphQL request. */
  operation?: Maybe<Scalars['String']['output']>;
  partnerId: Scalars['ID']['output'];
  /** The person the data is about, when known. */
  personId?: Maybe<Scalars['ID']['output']>;
  /** Why, as the client stated it in the x-purpose header. */
  purpose?: Maybe<Scalars['String']['output']>;
  /** The request id, as quoted in the hub’s logs and errors. */
  requestId: Scalars['ID']['output'];
  role: Role;
  subjectId: Scalars['ID']['output'];
  /** The GraphQL type read (Person, MentalHealthRecord) or the record written. */
  subjectType: Scalars['String']['output'];
  userId: Scalars['ID']['output'];
};

/** A page of the audit, newest first. */
export type AuditEntryConnection = {
  edges: Array<AuditEntryEdge>;
  pageInfo: PageInfo;
};

export type AuditEntryEdge = {
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

/** Every condition given must hold; from and to bound occurredAt (inclusive). */
export type AuditEntryFilter = {
  caseId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  personId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** A bank holiday in England and Wales: not a working day. */
export type BankHoliday = {
  date: Scalars['LocalDate']['output'];
  name: Scalars['String']['output'];
};

export type CancelActionInput = {
  actionId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** A multi-agency ASB case: the problem being solved. */
export type Case = {
  /** Tasks for partners on the case, soonest due first. */
  actions: Array<Action>;
  caseReviewDecisions: Array<CaseReviewDecision>;
  centredOn: CaseCentre;
  closedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Corrections on this case, oldest first: its own fields (risk level changes by assessment too) and its people’s, removals included. */
  corrections: Array<Correction>;
  /** The case’s own call demand before and after each of its interventions, oldest first: its incidents at its premises and for its people, by the kind of partner they were reported to. Exact counts for the case’s readers (the readers of Case.incidents), not a statistical release. */
  demand?: Maybe<Array<InterventionDemand>>;
  id: Scalars['ID']['output'];
  /** In the order they happened. */
  incidents: Array<Incident>;
  interventions: Array<Intervention>;
  jointVisits?: Maybe<Array<JointVisit>>;
  leadOfficer?: Maybe<Officer>;
  leadPartner: Partner;
  /** The place the case centres on, if any. */
  location?: Maybe<Location>;
  openedAt: Scalars['DateTimeISO']['output'];
  osara: Osara;
  /** Partners taking part, the lead first. */
  partners: Array<Partner>;
  people?: Maybe<Array<CasePerson>>;
  /** Human reference, e.g. ASB-2026-0001 */
  reference: Scalars['String']['output'];
  riskLevel: RiskLevel;
  status: CaseStatus;
  summary?: Maybe<Scalars['String']['output']>;
  supportOffers?: Maybe<Array<SupportOffer>>;
  title: Scalars['String']['output'];
};


/** A multi-agency ASB case: the problem being solved. */
export type CaseDemandArgs = {
  windowDays?: Scalars['Int']['input'];
};

export type CaseCentre =
  | 'LOCATION'
  | 'PERPETRATOR'
  | 'VICTIM';

/** A page of cases the viewer’s partner takes part in. */
export type CaseConnection = {
  edges: Array<CaseEdge>;
  pageInfo: PageInfo;
  /** All cases matching the filter that you can see. */
  totalCount: Scalars['Int']['output'];
};

export type CaseEdge = {
  cursor: Scalars['String']['output'];
  node: Case;
};

/** Each filter needs permission to read the field it filters on. */
export type CaseFilter = {
  leadPartnerId?: InputMaybe<Scalars['ID']['input']>;
  openedAfter?: InputMaybe<Scalars['DateTimeISO']['input']>;
  openedBefore?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Cases this person is in (needs Case.people). */
  personId?: InputMaybe<Scalars['ID']['input']>;
  riskLevel?: InputMaybe<RiskLevel>;
  /** Matches the reference or the title. */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<CaseStatus>;
};

export type CaseOrder =
  | 'OPENED_AT_ASC'
  | 'OPENED_AT_DESC'
  | 'REFERENCE_ASC'
  | 'RISK_LEVEL_DESC';

/** Someone in a case: their role and assessed vulnerabilities. */
export type CasePerson = {
  addedAt: Scalars['DateTimeISO']['output'];
  /** Corrections of this person’s part in the case. */
  corrections: Array<Correction>;
  person?: Maybe<Person>;
  /** Risk assessments of this person on this case, latest first. */
  riskAssessments: Array<RiskAssessment>;
  role: PersonRole;
  vulnerabilities: Array<Vulnerability>;
};

/** An ASB case review route met on a case: the victim should be told and a review considered. */
export type CaseReviewAlert = {
  case?: Maybe<Case>;
  /** The qualifying complaints counted, each once however many partners were told. */
  countedIncidents: Array<Incident>;
  /** Free text; may name people. */
  dismissedReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  incidentCount: Scalars['Int']['output'];
  /** The place reported. */
  location?: Maybe<Location>;
  raisedAt: Scalars['DateTimeISO']['output'];
  route: CaseReviewRoute;
  status: CaseReviewAlertStatus;
  /** The victim whose complaints met the route. */
  victim?: Maybe<Person>;
  windowEnd: Scalars['DateTimeISO']['output'];
  /** The window the counted complaints were made in, when the route was met. */
  windowStart: Scalars['DateTimeISO']['output'];
};

export type CaseReviewAlertStatus =
  | 'ACTIONED'
  | 'DISMISSED'
  | 'OPEN';

/** An ASB case review application and its steps, each dated, with working-day deadlines. */
export type CaseReviewApplication = {
  acknowledgedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The last day to appeal, once the victim has had the response. */
  appealDeadline?: Maybe<Scalars['LocalDate']['output']>;
  appealGrounds?: Maybe<Scalars['String']['output']>;
  appealHeardBy?: Maybe<Scalars['String']['output']>;
  appealedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  applicantContact?: Maybe<Scalars['String']['output']>;
  applicantName?: Maybe<Scalars['String']['output']>;
  applicantRelationship?: Maybe<Scalars['String']['output']>;
  appliedAt: Scalars['DateTimeISO']['output'];
  case?: Maybe<Case>;
  channel: CaseReviewApplicationChannel;
  closedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  closingNotes?: Maybe<Scalars['String']['output']>;
  /** Working-day deadlines from the area configuration: acknowledge, decide and meet from the application; respond from the meeting. */
  deadlines: Array<CaseReviewDeadline>;
  decision?: Maybe<CaseReviewDecision>;
  id: Scalars['ID']['output'];
  madeByVictim: Scalars['Boolean']['output'];
  meetingHeldAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The partner that received it. */
  receivedBy: Partner;
  recommendations: Array<CaseReviewRecommendation>;
  respondedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** What the victim was told. */
  responseSummary?: Maybe<Scalars['String']['output']>;
  /** The victim the application is by or for. */
  victim?: Maybe<Person>;
};

export type CaseReviewApplicationChannel =
  | 'EMAIL'
  | 'IN_PERSON'
  | 'LETTER'
  | 'ONLINE_FORM'
  | 'PHONE'
  | 'THROUGH_ANOTHER_PARTNER';

export type CaseReviewConsideration =
  | 'ADEQUACY_OF_RESPONSE'
  | 'HARM_OR_POTENTIAL_HARM'
  | 'PERSISTENCE';

/** A step of an ASB case review and the day it is due, in working days. */
export type CaseReviewDeadline = {
  completedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The last working day to record the step on. */
  dueDate: Scalars['LocalDate']['output'];
  /** Not recorded and its due day has passed. */
  overdue: Scalars['Boolean']['output'];
  step: CaseReviewStep;
};

/** An ASB case review (community trigger) decision. */
export type CaseReviewDecision = {
  /** What a discretionary review weighed (2014 Act s.104(5)). */
  considerations: Array<CaseReviewConsideration>;
  /** The qualifying complaints counted. */
  countedIncidents?: Maybe<Array<Incident>>;
  decidedAt: Scalars['DateTimeISO']['output'];
  decidedBy?: Maybe<Officer>;
  id: Scalars['ID']['output'];
  outcome: CaseReviewOutcome;
  reasons?: Maybe<Scalars['String']['output']>;
  /** N qualifying complaints in force (2014 Act s.104(4): at most 3) */
  threshold: Scalars['Int']['output'];
  thresholdMet: Scalars['Boolean']['output'];
  victim?: Maybe<Person>;
  windowEnd: Scalars['DateTimeISO']['output'];
  windowStart: Scalars['DateTimeISO']['output'];
};

export type CaseReviewOutcome =
  | 'DISCRETIONARY_REVIEW'
  | 'NO_REVIEW'
  | 'REVIEW_THRESHOLD_MET';

/** A recommendation of the review meeting: an action for a partner on the case. */
export type CaseReviewRecommendation = {
  /** The partner the action is for. */
  assignedPartner: Partner;
  details?: Maybe<Scalars['String']['output']>;
  dueDate: Scalars['LocalDate']['output'];
  id: Scalars['ID']['output'];
  recordedAt: Scalars['DateTimeISO']['output'];
  status: ActionStatus;
  title?: Maybe<Scalars['String']['output']>;
};

export type CaseReviewRecommendationInput = {
  details?: InputMaybe<Scalars['String']['input']>;
  dueDate: Scalars['LocalDate']['input'];
  /** A partner taking part in the case. */
  partnerId: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};

export type CaseReviewRoute =
  | 'HATE_INCIDENT'
  | 'LOCATION'
  | 'VICTIM_THRESHOLD';

export type CaseReviewStep =
  | 'ACKNOWLEDGEMENT'
  | 'APPEAL'
  | 'APPLICATION'
  | 'CLOSURE'
  | 'DECISION'
  | 'RECOMMENDATIONS'
  | 'RESPONSE'
  | 'REVIEW_MEETING';

export type CaseStatus =
  | 'CLOSED'
  | 'OPEN';

/** Close a case your partner leads, once its assessment is recorded. */
export type CloseCaseInput = {
  caseId: Scalars['ID']['input'];
};

export type ClosureSignOff =
  | 'CHIEF_EXECUTIVE_DESIGNATE'
  | 'SUPERINTENDENT';

export type CompleteActionInput = {
  actionId: Scalars['ID']['input'];
};

/** One audited change to the area configuration. */
export type ConfigurationChange = {
  changedAt: Scalars['DateTimeISO']['output'];
  /** Who made the change. */
  changedByName: Scalars['String']['output'];
  newValue?: Maybe<Scalars['String']['output']>;
  oldValue?: Maybe<Scalars['String']['output']>;
  reason: Scalars['String']['output'];
  setting: Scalars['String']['output'];
};

/** Correct a case your partner leads. The earlier values are kept. */
export type CorrectCaseInput = {
  caseId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  /** A judgement by hand; a later risk assessment sets it again. */
  riskLevel?: InputMaybe<RiskLevel>;
  summary?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Correct someone’s part in a case: the lead partner, or the partner that added them. */
export type CorrectCasePersonInput = {
  caseId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  role?: InputMaybe<PersonRole>;
  /** The whole list, as it should be. */
  vulnerabilities?: InputMaybe<Array<Vulnerability>>;
};

/** Correct an incident your partner recorded: give the fields that were wrong, and why. The earlier values are kept. */
export type CorrectIncidentInput = {
  category?: InputMaybe<IncidentCategory>;
  description?: InputMaybe<Scalars['String']['input']>;
  incidentId: Scalars['ID']['input'];
  /** A place you can already see. */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  occurredAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Why the record was wrong: free text. */
  reason: Scalars['String']['input'];
};

export type CorrectedRecord =
  | 'CASE'
  | 'CASE_PARTNER'
  | 'CASE_PERSON'
  | 'INCIDENT';

/** One corrected field: what it said before, what it says now, why, by whom and when. Values of a field the reader may not read are null. */
export type Correction = {
  correctedAt: Scalars['DateTimeISO']['output'];
  correctedBy: Officer;
  correctedByPartner: Partner;
  /** The field corrected, or `removed` when a person (CASE_PERSON) or a partner (CASE_PARTNER) was taken off the case. */
  field: Scalars['String']['output'];
  /** True when a risk assessment made the change. */
  fromRiskAssessment: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  newValue?: Maybe<Scalars['String']['output']>;
  previousValue?: Maybe<Scalars['String']['output']>;
  /** Why: free text. */
  reason?: Maybe<Scalars['String']['output']>;
  record: CorrectedRecord;
  recordId: Scalars['ID']['output'];
};

/** The language of letters to a person: Welsh, English, or both (Welsh first, as the Welsh language standards ask). */
export type CorrespondenceLanguage =
  | 'BOTH'
  | 'ENGLISH'
  | 'WELSH';

/** A new partner in the sharing agreement. */
export type CreatePartnerInput = {
  /** The identity-provider claims that map a token’s holder to this partner. */
  identities?: InputMaybe<Array<PartnerIdentityInput>>;
  kind: PartnerKind;
  name: Scalars['String']['input'];
};

/** A new member of a partner’s staff who signs in to the hub. */
export type CreateUserInput = {
  /** Their name as other partners see it on cases. */
  displayName: Scalars['String']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  partnerId: Scalars['ID']['input'];
  role: Role;
  /** The subject (`sub`) their identity provider puts in their tokens; unique in the hub. */
  subject: Scalars['String']['input'];
};

export type DeactivateUserInput = {
  id: Scalars['ID']['input'];
};

/** The tombstone of a case deleted after a retention review: its reference and counts for statistics, no personal data. */
export type DeletedCase = {
  caseId: Scalars['ID']['output'];
  closedAt: Scalars['DateTimeISO']['output'];
  deletedAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  incidentCounts: Array<IncidentCount>;
  interventionCounts: Array<InterventionCount>;
  openedAt: Scalars['DateTimeISO']['output'];
  peopleCount: Scalars['Int']['output'];
  /** People in no other case, whose data was deleted. */
  peopleDeleted: Scalars['Int']['output'];
  reason: Scalars['String']['output'];
  reference: Scalars['String']['output'];
};

/** The case’s incidents in the window before and the window after an intervention, exact (case data, not a statistical release); the totals count each incident once however many partners it was reported to. */
export type DemandCounts = {
  after: Scalars['Int']['output'];
  before: Scalars['Int']['output'];
  /** By the kind of partner the incidents were reported to; kinds with no calls left out. */
  byPartner: Array<PartnerDemand>;
};

/** A record of the staff directory: a partner, an identity claim of one, a user. */
export type DirectoryRecord =
  | 'PARTNER'
  | 'PARTNER_IDENTITY'
  | 'USER';

/** Dismiss an open case review alert, saying why. */
export type DismissCaseReviewAlertInput = {
  alertId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

/** A drug and alcohol service’s record. */
export type DrugAlcoholRecord = {
  engagedInTreatment?: Maybe<Scalars['Boolean']['output']>;
  /** Every write to this record, newest first: your own partner’s records only. */
  history?: Maybe<Array<PartnerRecordRevision>>;
  id?: Maybe<Scalars['ID']['output']>;
  keyWorkerContact?: Maybe<Scalars['String']['output']>;
  /** The partner that holds this record. */
  owner?: Maybe<Partner>;
  /** The owner’s own reference for the record: the owner only. */
  sourceReference?: Maybe<Scalars['String']['output']>;
  /** Treatment detail: never leaves the service. */
  treatmentDetail?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

/** Extend the deadline once, by two further months, where the request is complex or numerous (UK GDPR art. 12(3)). */
export type ExtendSubjectAccessRequestInput = {
  /** Why: the person must be told within the first month. */
  reason: Scalars['String']['input'];
  requestId: Scalars['ID']['input'];
};

/** A fixed penalty notice for failing to comply with a CPN (2014 Act s.52). */
export type FixedPenalty = {
  /** In pence; at most 10000 (£100). */
  amountPence: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  issuedAt: Scalars['DateTimeISO']['output'];
  /** The first day proceedings for the offence may begin: 14 days after the notice (2014 Act s.52). */
  prosecutionNotBefore: Scalars['LocalDate']['output'];
};

/** A housing provider’s tenancy record. */
export type HousingRecord = {
  /** Every write to this record, newest first: your own partner’s records only. */
  history?: Maybe<Array<PartnerRecordRevision>>;
  id?: Maybe<Scalars['ID']['output']>;
  /** The housing officer’s notes: stay with the provider. */
  officerNotes?: Maybe<Scalars['String']['output']>;
  /** The partner that holds this record. */
  owner?: Maybe<Partner>;
  /** The tenanted property. */
  property?: Maybe<Location>;
  /** The owner’s own reference for the record: the owner only. */
  sourceReference?: Maybe<Scalars['String']['output']>;
  tenancyBreaches?: Maybe<Scalars['String']['output']>;
  /** Conditions of the tenancy relevant to the case. */
  tenancyConditions?: Maybe<Scalars['String']['output']>;
  tenancyReference?: Maybe<Scalars['String']['output']>;
  tenancyStartDate?: Maybe<Scalars['LocalDate']['output']>;
  tenancyType?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type HubEventKind =
  | 'ACTION_ASSIGNED'
  | 'ACTION_OVERDUE'
  | 'CASE_REVIEW_STEP_DUE'
  | 'CASE_REVIEW_THRESHOLD_MET'
  | 'POSSIBLE_BREACH'
  | 'SHARING_REVIEW_NEEDED';

export type ImportFormat =
  | 'MAPPED_CSV'
  | 'PARTNER_RECORD_CSV'
  | 'POLICE_UK';

/** A bulk import of a partner’s incidents, or of its own records about people, from a file, and how far it has got. Counts and status only: no row of the file. */
export type ImportRun = {
  /** Why the run stopped, when it failed: importing the same file again resumes it. */
  failure?: Maybe<Scalars['String']['output']>;
  /** The file’s name as given, without folders. */
  fileName: Scalars['String']['output'];
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  format: ImportFormat;
  id: Scalars['ID']['output'];
  /** Lines of the file committed so far, the header (line 1) included. */
  linesRead: Scalars['Int']['output'];
  /** The partner whose records the file holds. */
  partner: Partner;
  /** How much of the file has been committed, from 0 to 1 (by bytes of the file). */
  progress: Scalars['Float']['output'];
  /** Where the rejected rows report can be downloaded (same bearer token), when rows were rejected. */
  rejectedReportUrl?: Maybe<Scalars['String']['output']>;
  /** Rows already in the hub as they are (the same partner’s same incident, or a record the row would not change): counted, nothing written. */
  rowsAlreadyPresent: Scalars['Int']['output'];
  /** Rows added as new incidents, or new partner records. */
  rowsImported: Scalars['Int']['output'];
  /** Rows refused, each in the rejected rows report. */
  rowsRejected: Scalars['Int']['output'];
  /** Rows that changed a partner record already in the hub (found by the partner’s own reference), each with a revision; 0 for incidents. */
  rowsUpdated: Scalars['Int']['output'];
  startedAt: Scalars['DateTimeISO']['output'];
  status: ImportStatus;
};

export type ImportStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'RUNNING';

/** A reported episode of ASB, with one report per partner that received it. */
export type Incident = {
  category: IncidentCategory;
  /** Corrections of this incident, oldest first. */
  corrections: Array<Correction>;
  /** Free text; may name people. */
  description?: Maybe<Scalars['String']['output']>;
  /** Recorded as a hate incident. */
  hateIncident: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  location?: Maybe<Location>;
  occurredAt: Scalars['DateTimeISO']['output'];
  people?: Maybe<Array<IncidentPerson>>;
  /** One per partner that received a report. */
  reports: Array<IncidentReport>;
};

export type IncidentCategory =
  | 'ENVIRONMENTAL'
  | 'NUISANCE'
  | 'PERSONAL'
  | 'UNCLASSIFIED';

/** Incidents of one category in one month. */
export type IncidentCount = {
  category: Scalars['String']['output'];
  count: Scalars['Int']['output'];
  /** YYYY-MM */
  month: Scalars['String']['output'];
};

/** Someone involved in an incident, and how. */
export type IncidentPerson = {
  person?: Maybe<Person>;
  role: PersonRole;
};

export type IncidentPersonInput = {
  /** Someone already in the case. */
  personId: Scalars['ID']['input'];
  role: PersonRole;
};

/** The report of an incident as one partner received it. */
export type IncidentReport = {
  id: Scalars['ID']['output'];
  /** The partner that received this report. */
  partner: Partner;
  reportedAt: Scalars['DateTimeISO']['output'];
  /** The receiving partner system’s own reference */
  sourceReference?: Maybe<Scalars['String']['output']>;
};

/** A step on the escalation ladder. */
export type Intervention = {
  /** CPN: the last day to appeal to the magistrates, 21 days beginning with the day of issue (2014 Act s.46(2)). */
  appealDeadline?: Maybe<Scalars['LocalDate']['output']>;
  breaches: Array<InterventionBreach>;
  complianceDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Criminal behaviour order: the date of the conviction it was made on. */
  convictionDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Closure notice or order: when it stops having effect. */
  endsAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Closure order: the order this one extends (s.82). */
  extendsOrder?: Maybe<Intervention>;
  fixedPenalties: Array<FixedPenalty>;
  /** Closure order: when the magistrates heard the application. */
  hearingAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  issuedAt: Scalars['DateTimeISO']['output'];
  /** The partners that issued it, jointly or alone. */
  issuedBy: Array<Partner>;
  kind: InterventionKind;
  /** Mediation: the other party consented. */
  otherPartyConsented?: Maybe<Scalars['Boolean']['output']>;
  /** CPW or CPN: incidents recorded against its subject since it was issued, on this case or another. */
  possibleBreaches?: Maybe<Array<PossibleBreach>>;
  /** The earlier step this rests on (the CPW of a CPN, the closure notice of an order), when it is on a case your partner takes part in. */
  precededBy?: Maybe<Intervention>;
  /** The premises, for closure powers. */
  premises?: Maybe<Location>;
  prosecutions: Array<Prosecution>;
  /** Closure notice: when it was served. */
  servedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Closure notice over 24 hours: who authorised it (s.77). */
  signOff?: Maybe<ClosureSignOff>;
  /** The officer who signed it off. */
  signedOffBy?: Maybe<Scalars['String']['output']>;
  /** Why a step the area’s procedure expects first was skipped. */
  skippedStepReason?: Maybe<Scalars['String']['output']>;
  status: InterventionStatus;
  /** The person it was issued to. */
  subject?: Maybe<Person>;
  /** Mediation: the subject consented. */
  subjectConsented?: Maybe<Scalars['Boolean']['output']>;
  /** The conduct named and what must stop. */
  terms?: Maybe<Scalars['String']['output']>;
  /** Civil injunction against someone under 18: when the youth offending team was consulted. */
  youthOffendingTeamConsultedOn?: Maybe<Scalars['LocalDate']['output']>;
};

export type InterventionBreach = {
  details?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTimeISO']['output'];
};

/** Interventions of one kind. */
export type InterventionCount = {
  count: Scalars['Int']['output'];
  kind: Scalars['String']['output'];
};

/** The case’s own call demand before and after one of its interventions: at its premises and for its people. */
export type InterventionDemand = {
  /** The after-window ends here (excluded). */
  afterUntil: Scalars['DateTimeISO']['output'];
  /** False while the after-window is still running: its counts may grow. */
  afterWindowEnded: Scalars['Boolean']['output'];
  /** Incidents at the intervention’s premises or the place the case centres on. */
  atPremises: DemandCounts;
  /** The before-window starts here (included). */
  beforeFrom: Scalars['DateTimeISO']['output'];
  /** Incidents involving anyone in the case (any role) or the intervention’s subject: counts only, never who. */
  forPeople: DemandCounts;
  interventionId: Scalars['ID']['output'];
  issuedAt: Scalars['DateTimeISO']['output'];
  kind: InterventionKind;
  /** Days in each window, either side of issuedAt. */
  windowDays: Scalars['Int']['output'];
};

/** Which interventions: issued in the period, optionally only of some kinds. */
export type InterventionFilter = {
  from: Scalars['LocalDate']['input'];
  kinds?: InputMaybe<Array<InterventionKind>>;
  to: Scalars['LocalDate']['input'];
};

export type InterventionKind =
  | 'ACCEPTABLE_BEHAVIOUR_CONTRACT'
  | 'ASB_WARNING_LETTER'
  | 'CIVIL_INJUNCTION'
  | 'CLOSURE_NOTICE'
  | 'CLOSURE_ORDER'
  | 'COMMUNITY_PROTECTION_NOTICE'
  | 'COMMUNITY_PROTECTION_ORDER'
  | 'COMMUNITY_PROTECTION_WARNING'
  | 'CRIMINAL_BEHAVIOUR_ORDER'
  | 'LETTER_OF_EXPECTATION'
  | 'MEDIATION'
  | 'WORDS_OF_ADVICE';

export type InterventionStatus =
  | 'ACTIVE'
  | 'BREACHED'
  | 'COMPLIED'
  | 'ENDED';

/** A step on the escalation ladder. Fields marked for one kind are refused on any other; the ladder’s rules (docs/rules.md) decide whether it may be issued. */
export type IssueInterventionInput = {
  caseId: Scalars['ID']['input'];
  /** Closure order: the closure notice on this case it was applied for under. */
  closureNoticeId?: InputMaybe<Scalars['ID']['input']>;
  /** The date by which the conduct must stop. Required for a CPW. */
  complianceDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Criminal behaviour order: the date of the conviction it is made on. */
  convictionDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Closure notice or order: when it stops having effect. */
  endsAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Closure order: the earlier closure order on this case that this extends (s.82). */
  extendsOrderId?: InputMaybe<Scalars['ID']['input']>;
  /** Closure order: when the magistrates heard the application. */
  hearingAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** When it was issued; not in the future. */
  issuedAt: Scalars['DateTimeISO']['input'];
  /** The partners issuing it, jointly or alone; defaults to yours. All must be on the case. */
  issuingPartnerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  kind: InterventionKind;
  /** Mediation: the other party consents. */
  otherPartyConsented?: InputMaybe<Scalars['Boolean']['input']>;
  /** The premises, for closure powers: the case’s location or that of an incident on the case. */
  premisesLocationId?: InputMaybe<Scalars['ID']['input']>;
  /** Closure notice: when it was served on the premises. */
  servedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Closure notice over 24 hours: who authorised it (s.77). */
  signOff?: InputMaybe<ClosureSignOff>;
  /** Closure notice: the name of the officer who signed it off. */
  signedOffBy?: InputMaybe<Scalars['String']['input']>;
  /** Why a step the area’s procedure expects first (a warning letter before a CPW) was skipped. Statutory steps cannot be skipped. */
  skippedStepReason?: InputMaybe<Scalars['String']['input']>;
  /** Mediation: the subject consents. */
  subjectConsented?: InputMaybe<Scalars['Boolean']['input']>;
  /** The person it is issued to: someone in the case. Required except for closure powers. */
  subjectPersonId?: InputMaybe<Scalars['ID']['input']>;
  /** The conduct named and what must stop. */
  terms: Scalars['String']['input'];
  /** Civil injunction against someone under 18: when the youth offending team was consulted. */
  youthOffendingTeamConsultedOn?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** A visit by officers of several partners together. */
export type JointVisit = {
  attendees: Array<JointVisitAttendee>;
  id: Scalars['ID']['output'];
  location?: Maybe<Location>;
  outcome: Scalars['String']['output'];
  peopleVisited: Array<Person>;
  purpose: Scalars['String']['output'];
  visitedAt: Scalars['DateTimeISO']['output'];
};

export type JointVisitAttendee = {
  officerName: Scalars['String']['output'];
  partner: Partner;
};

export type JointVisitAttendeeInput = {
  officerName: Scalars['String']['input'];
  /** A partner taking part in the case. */
  partnerId: Scalars['ID']['input'];
};

/** The chronology of every partner’s involvement in a case, in date order, for an evidence file. Built from what the viewer may read. */
export type LeadOfficerStatement = {
  /** Corrections of the case and of its people, "as amended" (src/corrections/); earlier values only where the viewer may read them. */
  amendments: Array<Scalars['String']['output']>;
  caseId: Scalars['ID']['output'];
  caseReference: Scalars['String']['output'];
  caseTitle: Scalars['String']['output'];
  /** The case’s call demand before and after each intervention (Case.demand, 90-day windows); empty when Case.demand is withheld. */
  demand: Array<InterventionDemand>;
  entries: Array<StatementEntry>;
  generatedAt: Scalars['DateTimeISO']['output'];
  leadOfficer?: Maybe<Scalars['String']['output']>;
  leadPartner: Scalars['String']['output'];
  osara: StatementOsara;
  /** The legal review history, oldest first. */
  reviewHistory: Array<StatementReview>;
  /** The latest legal review status (DRAFT until reviewed). */
  reviewStatus: StatementReviewStatus;
  /** Type.field coordinates your partner and role may not read, left out of the entries. */
  withheld: Array<Scalars['String']['output']>;
};

export type LetterKind =
  | 'ASB_WARNING_LETTER'
  | 'COMMUNITY_PROTECTION_NOTICE'
  | 'COMMUNITY_PROTECTION_WARNING'
  | 'LETTER_OF_EXPECTATION'
  | 'WORDS_OF_ADVICE';

/** The language a letter template, or one part of a letter, is written in. */
export type LetterLanguage =
  | 'ENGLISH'
  | 'WELSH';

/** A template rendered without saving anything. */
export type LetterPreview = {
  text: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

/** An area’s wording of a letter on the escalation ladder. */
export type LetterTemplate = {
  body: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: LetterKind;
  /** Each kind has a Welsh and an English wording. */
  language: LetterLanguage;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  version: Scalars['Int']['output'];
};

/** An audited change to a letter template. */
export type LetterTemplateChange = {
  changedAt: Scalars['DateTimeISO']['output'];
  newBody: Scalars['String']['output'];
  newTitle: Scalars['String']['output'];
  oldBody: Scalars['String']['output'];
  oldTitle: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

/** An address or a public place. */
export type Location = {
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: LocationKind;
  latitude?: Maybe<Scalars['Float']['output']>;
  longitude?: Maybe<Scalars['Float']['output']>;
  /** Lower layer super output area */
  lsoaCode?: Maybe<Scalars['String']['output']>;
  /** Unique property reference number */
  uprn?: Maybe<Scalars['String']['output']>;
};

export type LocationKind =
  | 'ADDRESS'
  | 'PUBLIC_PLACE';

/** You: your partner, your role, and your partner’s cases. */
export type Me = {
  /** Cases your partner leads or takes part in. */
  cases?: Maybe<CaseConnection>;
  displayName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  partner: Partner;
  role: Role;
  username: Scalars['String']['output'];
};


/** You: your partner, your role, and your partner’s cases. */
export type MeCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CaseFilter>;
  first?: Scalars['Int']['input'];
  orderBy?: CaseOrder;
};

/** A problem-solving group meeting: partners meet about a list of cases and agree actions. Seen only by the partners attending it. */
export type Meeting = {
  /** Actions the meeting agreed, on cases your partner takes part in. */
  actions: Array<Action>;
  /** The cases, in order. */
  agenda: Array<MeetingAgendaItem>;
  /** When attendance was taken; until then the partners are those expected. */
  attendanceRecordedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  chair: Officer;
  /** When the group meets (or met). */
  heldAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** Free text that names people. */
  minutes?: Maybe<Scalars['String']['output']>;
  minutesRecordedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Open actions on the agenda’s cases your partner takes part in, by the partner they are assigned to. */
  outstandingActions: Array<MeetingPartnerActions>;
  /** The partners attending. */
  partners: Array<Partner>;
};

/** A case on a meeting’s agenda. */
export type MeetingAgendaItem = {
  addedAt: Scalars['DateTimeISO']['output'];
  /** Null when your partner does not take part in the case. */
  case?: Maybe<Case>;
  /** 1 for the first case discussed. */
  position: Scalars['Int']['output'];
};

/** The structured meeting pack for one audience. */
export type MeetingPack = {
  audience: MeetingPackAudience;
  /** The partners whose view the pack keeps to. */
  audiencePartners: Array<Partner>;
  generatedAt: Scalars['DateTimeISO']['output'];
  heldAt: Scalars['DateTimeISO']['output'];
  items: Array<MeetingPackItem>;
  meetingId: Scalars['ID']['output'];
  /** Everything withheld, item by item. */
  withheld: Array<WithheldSection>;
};

/** An open action. */
export type MeetingPackAction = {
  dueDate: Scalars['LocalDate']['output'];
  overdue: Scalars['Boolean']['output'];
  source: ActionSource;
  /** Null when withheld. */
  title?: Maybe<Scalars['String']['output']>;
};

export type MeetingPackAudience =
  | 'PARTNER'
  | 'WHOLE_MEETING';

/** Where the case’s ASB case review is. */
export type MeetingPackCaseReview = {
  /** The latest application’s last step: APPLIED to CLOSED. */
  applicationStep?: Maybe<Scalars['String']['output']>;
  appliedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  decidedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The latest decision’s outcome. */
  decisionOutcome?: Maybe<Scalars['String']['output']>;
  thresholdMet?: Maybe<Scalars['Boolean']['output']>;
};

/** Chart data: incidents on the case over the 26 weeks before the pack was made, as numbers. */
export type MeetingPackChart = {
  /** 7 rows (Monday first) of 24 hourly counts (00:00 to 23:00), in UK time (Europe/London). */
  dayOfWeekByHour: Array<Array<Scalars['Int']['output']>>;
  from: Scalars['DateTimeISO']['output'];
  /** 26 weekly counts, oldest first; week 1 starts at `from`. */
  incidentsPerWeek: Array<Scalars['Int']['output']>;
  to: Scalars['DateTimeISO']['output'];
};

/** One entry of a case’s chronology. */
export type MeetingPackEntry = {
  /** The answer to support offered. */
  answer?: Maybe<Scalars['String']['output']>;
  /** An intervention’s compliance date. */
  deadline?: Maybe<Scalars['LocalDate']['output']>;
  /** Free text; null when withheld. */
  detail?: Maybe<Scalars['String']['output']>;
  kind: MeetingPackEntryKind;
  /** What happened, without personal data: a category, kind or answer. */
  label: Scalars['String']['output'];
  occurredAt: Scalars['DateTimeISO']['output'];
  /** The partner that did it. */
  partner?: Maybe<Partner>;
};

export type MeetingPackEntryKind =
  | 'BREACH'
  | 'INCIDENT'
  | 'INTERVENTION'
  | 'JOINT_VISIT'
  | 'SUPPORT_OFFER';

/** One field of a partner record. */
export type MeetingPackField = {
  /** The record type’s field, e.g. careContact. */
  name: Scalars['String']['output'];
  value?: Maybe<Scalars['String']['output']>;
};

/** One case on the agenda. */
export type MeetingPackItem = {
  actionsByPartner: Array<MeetingPackPartnerActions>;
  /** Null when the whole item is withheld. */
  caseId?: Maybe<Scalars['ID']['output']>;
  caseReview?: Maybe<MeetingPackCaseReview>;
  chart?: Maybe<MeetingPackChart>;
  chronology: Array<MeetingPackEntry>;
  /** The chronology starts after this: the last earlier meeting with the case on its agenda (null: from the start). */
  chronologySince?: Maybe<Scalars['DateTimeISO']['output']>;
  /** For a case centred on a place: a plain SVG map (no background tiles) of the place and of the case’s incidents that have coordinates, with a scale bar and north arrow. Null for a case centred on a person, when nothing has coordinates, or when withheld. */
  map?: Maybe<Scalars['String']['output']>;
  osaraStage?: Maybe<OsaraStage>;
  people: Array<MeetingPackPerson>;
  position: Scalars['Int']['output'];
  reference?: Maybe<Scalars['String']['output']>;
  riskLevel?: Maybe<RiskLevel>;
  status?: Maybe<CaseStatus>;
  summary?: Maybe<Scalars['String']['output']>;
  title?: Maybe<Scalars['String']['output']>;
  withheld: Array<WithheldSection>;
};

/** A partner’s outstanding and overdue actions on the case. */
export type MeetingPackPartnerActions = {
  actions: Array<MeetingPackAction>;
  outstanding: Scalars['Int']['output'];
  overdue: Scalars['Int']['output'];
  partner: Partner;
};

/** Someone in the case. */
export type MeetingPackPerson = {
  /** Null when withheld. */
  name?: Maybe<Scalars['String']['output']>;
  records: Array<MeetingPackRecord>;
  role: PersonRole;
};

/** A partner’s record about a person, as far as the audience may see it. */
export type MeetingPackRecord = {
  fields: Array<MeetingPackField>;
  /** PoliceRecord, HousingRecord, MentalHealthRecord or DrugAlcoholRecord. */
  kind: Scalars['String']['output'];
  owner: Partner;
};

/** A partner’s open actions on the cases of a meeting’s agenda. */
export type MeetingPartnerActions = {
  /** Soonest due first. */
  actions: Array<Action>;
  overdue: Scalars['Int']['output'];
  partner: Partner;
};

/** An NHS mental health service’s record. */
export type MentalHealthRecord = {
  careContact?: Maybe<Scalars['String']['output']>;
  /** Clinical detail: never leaves the service. */
  clinicalNotes?: Maybe<Scalars['String']['output']>;
  /** Every write to this record, newest first: your own partner’s records only. */
  history?: Maybe<Array<PartnerRecordRevision>>;
  id?: Maybe<Scalars['ID']['output']>;
  knownToServices?: Maybe<Scalars['Boolean']['output']>;
  /** The partner that holds this record. */
  owner?: Maybe<Partner>;
  riskSummary?: Maybe<Scalars['String']['output']>;
  /** The owner’s own reference for the record: the owner only. */
  sourceReference?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type Mutation = {
  /** Add a bank holiday (an extra one, or a future year’s). */
  addBankHoliday?: Maybe<BankHoliday>;
  /** Put a case on the agenda: one your partner and the chair’s take part in. */
  addCaseToMeetingAgenda?: Maybe<Meeting>;
  /** Bring another partner into a case your partner takes part in. */
  addPartnerToCase?: Maybe<Case>;
  /** Add someone to a case as victim, perpetrator, witness or reporter. */
  addPersonToCase?: Maybe<CasePerson>;
  /** Move to the next OSARA stage; refused while the current stage is incomplete. */
  advanceOsaraStage?: Maybe<Case>;
  /** An action the meeting agreed, for a partner on a case on its agenda. */
  agreeMeetingAction?: Maybe<Action>;
  /** Approve the deletion of a closed case past its retention period: its personal data goes, a tombstone with counts stays. */
  approveCaseDeletion?: Maybe<DeletedCase>;
  /** Scanning: ask a partner on the case for its data. */
  askPartnerForData?: Maybe<OsaraPartnerRequest>;
  /** Assign a task to a partner taking part in the case. */
  assignAction?: Maybe<Action>;
  /** Cancel an action: the partner it is assigned to, or the case’s lead. */
  cancelAction?: Maybe<Action>;
  /** Close a case your partner leads; needs its OSARA assessment. */
  closeCase?: Maybe<Case>;
  /** Mark an action done: the partner it is assigned to, or the case’s lead. */
  completeAction?: Maybe<Action>;
  /** Record that the answer was sent to the person. */
  completeSubjectAccessRequest?: Maybe<SubjectAccessRequest>;
  /** They are one individual: the review item becomes a link. */
  confirmPersonMatch?: Maybe<PersonMatch>;
  /** Correct a case your partner leads, with a reason; the earlier values are kept. */
  correctCase?: Maybe<Case>;
  /** Correct someone’s role or vulnerabilities on a case, with a reason. */
  correctCasePerson?: Maybe<CasePerson>;
  /** Correct an incident your partner recorded, with a reason; the earlier values are kept. */
  correctIncident?: Maybe<Incident>;
  /** Add a partner to the sharing agreement (administrators); audited. */
  createPartner?: Maybe<Partner>;
  /** Add a member of a partner’s staff who may sign in (administrators); audited. */
  createUser?: Maybe<UserAccount>;
  /** Stop a user signing in, at once: their next request is refused and their live subscriptions close. Audited. */
  deactivateUser?: Maybe<UserAccount>;
  /** Dismiss an open case review alert, saying why. */
  dismissCaseReviewAlert?: Maybe<CaseReviewAlert>;
  /** Extend the deadline once by two further months, with a reason. */
  extendSubjectAccessRequest?: Maybe<SubjectAccessRequest>;
  /** Import your partner’s own records of one kind from a CSV export of its system (docs/rules.md "Partner records"). Each row is written as the record mutation writes it; a bad row is reported by line and writes nothing. Re-importing the same file changes nothing. */
  importPartnerRecords?: Maybe<PartnerRecordImport>;
  /** Issue a step on the escalation ladder. Refused, with the rule and its source, unless the 2014 Act’s conditions and the area’s procedure are met (docs/rules.md). */
  issueIntervention?: Maybe<Intervention>;
  /** Open a case led by your partner. */
  openCase?: Maybe<Case>;
  /** Record an ASB case review application received by your partner. */
  recordCaseReviewApplication?: Maybe<CaseReviewApplication>;
  /** Record an ASB case review (community trigger) decision; the hub checks the threshold. */
  recordCaseReviewDecision?: Maybe<CaseReviewDecision>;
  /** Record the review meeting’s recommendations as actions for partners on the case. */
  recordCaseReviewRecommendations?: Maybe<CaseReviewApplication>;
  /** Record a dated step of an ASB case review: acknowledgement, review meeting, response, appeal or closure, in that order. */
  recordCaseReviewStep?: Maybe<CaseReviewApplication>;
  /** Record the language a person asked for letters in (Welsh, English or both); letters then follow it. */
  recordCorrespondenceLanguage?: Maybe<Person>;
  /** Record or update your drug and alcohol service’s record about someone. */
  recordDrugAlcoholRecord?: Maybe<DrugAlcoholRecord>;
  /** Record a fixed penalty notice for failing to comply with a CPN (s.52). */
  recordFixedPenalty?: Maybe<FixedPenalty>;
  /** Record or update your housing provider’s tenancy record about someone. */
  recordHousingRecord?: Maybe<HousingRecord>;
  /** Record an incident reported to your partner. */
  recordIncident?: Maybe<RecordIncidentPayload>;
  /** Record a breach of an intervention’s terms; its status becomes BREACHED. */
  recordInterventionBreach?: Maybe<Intervention>;
  /** Record a visit made jointly by partners on the case. */
  recordJointVisit?: Maybe<JointVisit>;
  /** Render the letter for an intervention from its current template and keep the text as sent (GET /documents/interventions/:id/letter.pdf prints it). */
  recordLetterSent?: Maybe<SentLetter>;
  /** Record which partners attended. */
  recordMeetingAttendance?: Maybe<Meeting>;
  /** Record the minutes. */
  recordMeetingMinutes?: Maybe<Meeting>;
  /** Record or update your mental health service’s record about someone. */
  recordMentalHealthRecord?: Maybe<MentalHealthRecord>;
  /** OSARA Analysis, at Analysis. */
  recordOsaraAnalysis?: Maybe<Case>;
  /** OSARA Assessment, at Assessment. */
  recordOsaraAssessment?: Maybe<Case>;
  /** OSARA Objective, at Objective. */
  recordOsaraObjective?: Maybe<Case>;
  /** OSARA Response plan, at Response (its actions are assigned with assignAction). */
  recordOsaraResponse?: Maybe<Case>;
  /** OSARA Scanning, at Scanning. */
  recordOsaraScanning?: Maybe<Case>;
  /** Scanning: the partner asked has shared its data. */
  recordPartnerDataAnswered?: Maybe<OsaraPartnerRequest>;
  /** Record or update your police force’s record about someone in a case. */
  recordPoliceRecord?: Maybe<PoliceRecord>;
  /** Record proceedings begun for failing to comply with a CPN; not within 14 days of a fixed penalty (s.52). */
  recordProsecution?: Maybe<Prosecution>;
  /** Record a risk assessment of a victim or perpetrator on a case; the latest assessment sets the case’s risk level. */
  recordRiskAssessment?: Maybe<RiskAssessment>;
  /** Release your partner’s basis-gated fields about a person, by consent or a lawful basis. */
  recordSharingBasis?: Maybe<SharingBasis>;
  /** Share without consent: safeguarding (DPA 2018 sch.1 para 18) or preventing or detecting unlawful acts (para 10), stating who decided, the lawful basis and why. Supervisors of the owner partner only. */
  recordSharingOverride?: Maybe<SharingBasis>;
  /** The legal team records the review status of a case’s lead officer statement. */
  recordStatementReview?: Maybe<StatementReview>;
  /** Record a subject access request as received: due one calendar month later (UK GDPR art. 12(3)). */
  recordSubjectAccessRequest?: Maybe<SubjectAccessRequest>;
  /** Record support offered (mediation, a referral, victim support...) and the answer. */
  recordSupportOffer?: Maybe<SupportOffer>;
  /** They are two people: the review item is closed. */
  rejectPersonMatch?: Maybe<PersonMatch>;
  /** Take a partner off a case it should not be on, with a reason: the lead partner, or the partner itself. Its open actions pass to the lead partner, sharing bases stop releasing to it, and it no longer sees the case; the history keeps what it had there. */
  removePartnerFromCase?: Maybe<Correction>;
  /** Take a person added by mistake off a case, with a reason; the history keeps it. */
  removePersonFromCase?: Maybe<Case>;
  /** Reopen an earlier OSARA stage, with a reason. */
  reopenOsaraStage?: Maybe<Case>;
  /** Schedule a problem-solving group meeting. */
  scheduleMeeting?: Maybe<Meeting>;
  /** Undo a link: two separate individuals again. */
  unlinkPersonMatch?: Maybe<PersonMatch>;
  /** Change the area’s rules; each change is audited. */
  updateAreaConfiguration?: Maybe<AreaConfiguration>;
  /** Change a letter template’s wording; each change is audited. */
  updateLetterTemplate?: Maybe<LetterTemplate>;
  /** Rename a partner or change the claims that map tokens to it; audited. */
  updatePartner?: Maybe<Partner>;
  /** Change a user’s role, name, email or whether they may sign in; takes effect on their next request. Audited. */
  updateUser?: Maybe<UserAccount>;
  /** Withdraw a basis your partner recorded; the fields it released are hidden from the next request on. */
  withdrawSharingBasis?: Maybe<SharingBasis>;
};


export type MutationAddBankHolidayArgs = {
  input: AddBankHolidayInput;
};


export type MutationAddCaseToMeetingAgendaArgs = {
  input: AddCaseToMeetingAgendaInput;
};


export type MutationAddPartnerToCaseArgs = {
  input: AddPartnerToCaseInput;
};


export type MutationAddPersonToCaseArgs = {
  input: AddPersonToCaseInput;
};


export type MutationAdvanceOsaraStageArgs = {
  input: AdvanceOsaraStageInput;
};


export type MutationAgreeMeetingActionArgs = {
  input: AgreeMeetingActionInput;
};


export type MutationApproveCaseDeletionArgs = {
  input: ApproveCaseDeletionInput;
};


export type MutationAskPartnerForDataArgs = {
  input: AskPartnerForDataInput;
};


export type MutationAssignActionArgs = {
  input: AssignActionInput;
};


export type MutationCancelActionArgs = {
  input: CancelActionInput;
};


export type MutationCloseCaseArgs = {
  input: CloseCaseInput;
};


export type MutationCompleteActionArgs = {
  input: CompleteActionInput;
};


export type MutationCompleteSubjectAccessRequestArgs = {
  id: Scalars['ID']['input'];
};


export type MutationConfirmPersonMatchArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCorrectCaseArgs = {
  input: CorrectCaseInput;
};


export type MutationCorrectCasePersonArgs = {
  input: CorrectCasePersonInput;
};


export type MutationCorrectIncidentArgs = {
  input: CorrectIncidentInput;
};


export type MutationCreatePartnerArgs = {
  input: CreatePartnerInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationDeactivateUserArgs = {
  input: DeactivateUserInput;
};


export type MutationDismissCaseReviewAlertArgs = {
  input: DismissCaseReviewAlertInput;
};


export type MutationExtendSubjectAccessRequestArgs = {
  input: ExtendSubjectAccessRequestInput;
};


export type MutationImportPartnerRecordsArgs = {
  csv: Scalars['String']['input'];
  kind: PartnerRecordKind;
};


export type MutationIssueInterventionArgs = {
  input: IssueInterventionInput;
};


export type MutationOpenCaseArgs = {
  input: OpenCaseInput;
};


export type MutationRecordCaseReviewApplicationArgs = {
  input: RecordCaseReviewApplicationInput;
};


export type MutationRecordCaseReviewDecisionArgs = {
  input: RecordCaseReviewDecisionInput;
};


export type MutationRecordCaseReviewRecommendationsArgs = {
  input: RecordCaseReviewRecommendationsInput;
};


export type MutationRecordCaseReviewStepArgs = {
  input: RecordCaseReviewStepInput;
};


export type MutationRecordCorrespondenceLanguageArgs = {
  input: RecordCorrespondenceLanguageInput;
};


export type MutationRecordDrugAlcoholRecordArgs = {
  input: RecordDrugAlcoholRecordInput;
};


export type MutationRecordFixedPenaltyArgs = {
  input: RecordFixedPenaltyInput;
};


export type MutationRecordHousingRecordArgs = {
  input: RecordHousingRecordInput;
};


export type MutationRecordIncidentArgs = {
  input: RecordIncidentInput;
};


export type MutationRecordInterventionBreachArgs = {
  input: RecordInterventionBreachInput;
};


export type MutationRecordJointVisitArgs = {
  input: RecordJointVisitInput;
};


export type MutationRecordLetterSentArgs = {
  interventionId: Scalars['ID']['input'];
  language?: InputMaybe<CorrespondenceLanguage>;
};


export type MutationRecordMeetingAttendanceArgs = {
  input: RecordMeetingAttendanceInput;
};


export type MutationRecordMeetingMinutesArgs = {
  input: RecordMeetingMinutesInput;
};


export type MutationRecordMentalHealthRecordArgs = {
  input: RecordMentalHealthRecordInput;
};


export type MutationRecordOsaraAnalysisArgs = {
  input: RecordOsaraAnalysisInput;
};


export type MutationRecordOsaraAssessmentArgs = {
  input: RecordOsaraAssessmentInput;
};


export type MutationRecordOsaraObjectiveArgs = {
  input: RecordOsaraObjectiveInput;
};


export type MutationRecordOsaraResponseArgs = {
  input: RecordOsaraResponseInput;
};


export type MutationRecordOsaraScanningArgs = {
  input: RecordOsaraScanningInput;
};


export type MutationRecordPartnerDataAnsweredArgs = {
  input: RecordPartnerDataAnsweredInput;
};


export type MutationRecordPoliceRecordArgs = {
  input: RecordPoliceRecordInput;
};


export type MutationRecordProsecutionArgs = {
  input: RecordProsecutionInput;
};


export type MutationRecordRiskAssessmentArgs = {
  input: RecordRiskAssessmentInput;
};


export type MutationRecordSharingBasisArgs = {
  input: RecordSharingBasisInput;
};


export type MutationRecordSharingOverrideArgs = {
  input: RecordSharingOverrideInput;
};


export type MutationRecordStatementReviewArgs = {
  input: RecordStatementReviewInput;
};


export type MutationRecordSubjectAccessRequestArgs = {
  input: RecordSubjectAccessRequestInput;
};


export type MutationRecordSupportOfferArgs = {
  input: RecordSupportOfferInput;
};


export type MutationRejectPersonMatchArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemovePartnerFromCaseArgs = {
  input: RemovePartnerFromCaseInput;
};


export type MutationRemovePersonFromCaseArgs = {
  input: RemovePersonFromCaseInput;
};


export type MutationReopenOsaraStageArgs = {
  input: ReopenOsaraStageInput;
};


export type MutationScheduleMeetingArgs = {
  input: ScheduleMeetingInput;
};


export type MutationUnlinkPersonMatchArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateAreaConfigurationArgs = {
  input: UpdateAreaConfigurationInput;
};


export type MutationUpdateLetterTemplateArgs = {
  input: UpdateLetterTemplateInput;
};


export type MutationUpdatePartnerArgs = {
  input: UpdatePartnerInput;
};


export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
};


export type MutationWithdrawSharingBasisArgs = {
  input: WithdrawSharingBasisInput;
};

/** A place not yet known to the hub. */
export type NewLocationInput = {
  description: Scalars['String']['input'];
  kind: LocationKind;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  lsoaCode?: InputMaybe<Scalars['String']['input']>;
  uprn?: InputMaybe<Scalars['String']['input']>;
};

/** Someone not yet known to the hub. */
export type NewPersonInput = {
  /** The language they asked for letters in, when known. */
  correspondenceLanguage?: InputMaybe<CorrespondenceLanguage>;
  dateOfBirth?: InputMaybe<Scalars['LocalDate']['input']>;
  familyName: Scalars['String']['input'];
  givenName: Scalars['String']['input'];
  /** 10 digits; the check digit is verified. */
  nhsNumber?: InputMaybe<Scalars['String']['input']>;
  /** Your partner's own reference for this person; shown to your partner only. */
  partnerReference?: InputMaybe<Scalars['String']['input']>;
  /** Police National Computer id, YY/NNNNNNNL or YYYY/NNNNNNNL; the letter is verified. */
  pncId?: InputMaybe<Scalars['String']['input']>;
};

/** Something partners on a case should hear about. */
export type Notification = {
  /** The case, as you may see it. */
  case?: Maybe<Case>;
  caseId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  kind: HubEventKind;
  occurredAt: Scalars['DateTimeISO']['output'];
  subjects: Array<NotificationSubject>;
  summary: Scalars['String']['output'];
};

/** A page of the notifications your partner may see, newest first. */
export type NotificationConnection = {
  edges: Array<NotificationEdge>;
  pageInfo: PageInfo;
};

export type NotificationEdge = {
  cursor: Scalars['String']['output'];
  node: Notification;
};

/** What an event is about, by id, for the client to fetch (an action, incidents). */
export type NotificationSubject = {
  ids: Array<Scalars['ID']['output']>;
  /** e.g. actionId, incidentIds */
  name: Scalars['String']['output'];
};

/** A member of a partner’s staff named on a case. */
export type Officer = {
  displayName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  partner: Partner;
};

/** One audited change to the staff directory (a partner, an identity claim of one, a user): who made it, when, to what, and which fields it wrote. Field names only, never their values. */
export type OnboardingChange = {
  /** CREATE, UPDATE or DELETE. */
  action: AuditAction;
  /** Who made it; null for the command line. */
  actor?: Maybe<UserAccount>;
  actorPartnerId: Scalars['ID']['output'];
  actorRole: Role;
  /** Who made it; 00000000-0000-0000-0000-000000000000 is `npm run admin` on the command line. */
  actorUserId: Scalars['ID']['output'];
  /** The fields written: all those set on CREATE, those that changed on UPDATE, none on DELETE. */
  fields: Array<Scalars['String']['output']>;
  /** The audit entry’s id. */
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTimeISO']['output'];
  /** The root fields of the request, or the `npm run admin` command. */
  operation?: Maybe<Scalars['String']['output']>;
  partner?: Maybe<Partner>;
  /** The partner the change concerns (a user’s: theirs). */
  partnerId: Scalars['ID']['output'];
  /** Why, as the client stated it in the x-purpose header (`--purpose`). */
  purpose?: Maybe<Scalars['String']['output']>;
  record: DirectoryRecord;
  /** The id of the partner, identity claim or user changed. */
  recordId: Scalars['ID']['output'];
  /** The request id, as quoted in the hub’s logs and errors. */
  requestId: Scalars['ID']['output'];
  /** The user changed, for a USER change. */
  user?: Maybe<UserAccount>;
  /** The user changed, for a USER change. */
  userId?: Maybe<Scalars['ID']['output']>;
};

/** A page of the staff directory’s changes, newest first. */
export type OnboardingChangeConnection = {
  edges: Array<OnboardingChangeEdge>;
  pageInfo: PageInfo;
};

export type OnboardingChangeEdge = {
  cursor: Scalars['String']['output'];
  node: OnboardingChange;
};

/** Open a case, led by your partner. */
export type OpenCaseInput = {
  centredOn: CaseCentre;
  /** A member of your partner; defaults to you. */
  leadOfficerId?: InputMaybe<Scalars['ID']['input']>;
  /** An existing place the case centres on. */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  /** Or a new place. */
  newLocation?: InputMaybe<NewLocationInput>;
  /** OSARA objective: what the case must achieve. */
  objective?: InputMaybe<Scalars['String']['input']>;
  objectiveTargetDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Defaults to now; cannot be in the future. */
  openedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Other partners taking part from the start. */
  partnerIds?: Array<Scalars['ID']['input']>;
  riskLevel: RiskLevel;
  summary?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

/** The OSARA record: Objective, Scanning, Analysis, Response, Assessment. */
export type Osara = {
  analysis?: Maybe<Scalars['String']['output']>;
  assessment?: Maybe<Scalars['String']['output']>;
  /** Every move of the stage, oldest first: who, when, and why a stage was reopened. */
  history: Array<OsaraStageChange>;
  /** What the current stage still lacks before the case can move on (objective, objectiveTargetDate, scanning, partnerRequests, analysis, responseActions, assessment); empty when complete. */
  missingBeforeNextStage: Array<Scalars['String']['output']>;
  objective?: Maybe<Scalars['String']['output']>;
  objectiveTargetDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Scanning: the partners asked for their data. */
  partnerRequests: Array<OsaraPartnerRequest>;
  response?: Maybe<Scalars['String']['output']>;
  scanning?: Maybe<Scalars['String']['output']>;
  stage: OsaraStage;
};

/** OSARA scanning: a partner on the case asked for its data, and its answer: its own records about people on the case, a shared note, or that it holds nothing. */
export type OsaraPartnerRequest = {
  answeredAt?: Maybe<Scalars['DateTimeISO']['output']>;
  answeredBy?: Maybe<Officer>;
  askedAt: Scalars['DateTimeISO']['output'];
  askedBy?: Maybe<Officer>;
  /** The drug and alcohol records the partner gave in answer: only those released to you on this case. */
  drugAlcoholRecords?: Maybe<Array<DrugAlcoholRecord>>;
  /** The housing records the partner gave in answer, as the policy lets you see them. */
  housingRecords?: Maybe<Array<HousingRecord>>;
  id: Scalars['ID']['output'];
  /** The mental health records the partner gave in answer: only those released to you on this case. */
  mentalHealthRecords?: Maybe<Array<MentalHealthRecord>>;
  /** The note shared with the answer: null when there is none, or when its sharing basis does not name your partner or is no longer in force. */
  note?: Maybe<OsaraSharedNote>;
  /** The partner answered that it looked and holds nothing. */
  nothingHeld: Scalars['Boolean']['output'];
  /** The partner asked for its data. */
  partner: Partner;
  /** The police records the partner gave in answer, as the policy lets you see them. */
  policeRecords?: Maybe<Array<PoliceRecord>>;
};

/** A note a partner shared with its answer to a data request: free text, read only by that partner and by the partners its sharing basis names, while the basis is in force. */
export type OsaraSharedNote = {
  /** Consent, or an override. */
  basisKind?: Maybe<SharingBasisKind>;
  /** The basis the note is shared under. */
  sharingBasis?: Maybe<SharingBasis>;
  text?: Maybe<Scalars['String']['output']>;
};

export type OsaraStage =
  | 'ANALYSIS'
  | 'ASSESSMENT'
  | 'OBJECTIVE'
  | 'RESPONSE'
  | 'SCANNING';

/** A move of the case’s OSARA stage: forward, or back to reopen a stage. */
export type OsaraStageChange = {
  changedAt: Scalars['DateTimeISO']['output'];
  changedBy?: Maybe<Officer>;
  fromStage: OsaraStage;
  id: Scalars['ID']['output'];
  kind: OsaraStageChangeKind;
  /** Why a stage was reopened: free text. */
  reason?: Maybe<Scalars['String']['output']>;
  toStage: OsaraStage;
};

export type OsaraStageChangeKind =
  | 'ADVANCED'
  | 'REOPENED';

export type PageInfo = {
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** An organisation in the sharing agreement. */
export type Partner = {
  id: Scalars['ID']['output'];
  /** The identity-provider claims that map its staff’s tokens to it. */
  identities?: Maybe<Array<PartnerIdentity>>;
  kind: PartnerKind;
  name: Scalars['String']['output'];
};

/** Calls to one kind of partner: the case’s incidents first reported to a partner of this kind in each window. */
export type PartnerDemand = {
  after: Scalars['Int']['output'];
  before: Scalars['Int']['output'];
  partnerKind: PartnerKind;
};

/** An identity-provider claim that maps a token’s holder to a partner: administrators only. */
export type PartnerIdentity = {
  claim: Scalars['String']['output'];
  issuer: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

/** A claim an identity provider puts in its tokens that says the holder belongs to a partner: a token from `issuer` whose claim `claim` has the value `value`. */
export type PartnerIdentityInput = {
  /** The claim that names the organisation, such as `tid` or `org_id`. */
  claim: Scalars['String']['input'];
  /** The token’s `iss`, one of the hub’s trusted issuers. */
  issuer: Scalars['String']['input'];
  /** The organisation’s value of that claim. */
  value: Scalars['String']['input'];
};

/** Police force, local authority ASB team, housing provider, NHS mental health service, drug and alcohol service, or another partner the area adds */
export type PartnerKind =
  | 'COUNCIL'
  | 'DRUG_ALCOHOL'
  | 'HOUSING'
  | 'MENTAL_HEALTH'
  | 'OTHER'
  | 'POLICE';

/** What an import of your partner’s own records did: counts, and rejected lines. */
export type PartnerRecordImport = {
  created: Scalars['Int']['output'];
  rejected: Array<PartnerRecordImportRejection>;
  /** Rows that matched the record as it was: nothing written. */
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** A row that was not written, and why. */
export type PartnerRecordImportRejection = {
  /** The physical line of the file (the header is line 1). */
  line: Scalars['Int']['output'];
  reasons: Array<Scalars['String']['output']>;
};

/** Police, housing, mental health or drug and alcohol record */
export type PartnerRecordKind =
  | 'DRUG_ALCOHOL'
  | 'HOUSING'
  | 'MENTAL_HEALTH'
  | 'POLICE';

/** One write to a partner record: who, when, which fields and their earlier values. */
export type PartnerRecordRevision = {
  changedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The officer who wrote it. */
  changedBy?: Maybe<Officer>;
  /** The partner that wrote it: the owner. */
  changedByPartner?: Maybe<Partner>;
  /** The fields this write changed. */
  changedFields?: Maybe<Array<Scalars['String']['output']>>;
  /** The changed fields’ values before this write, as a JSON object (null on creation). */
  earlierValues?: Maybe<Scalars['String']['output']>;
  id?: Maybe<Scalars['ID']['output']>;
  recordKind?: Maybe<PartnerRecordKind>;
};

/** A period of whole days in UK time: from the start of `from` (inclusive) to the start of `to` (exclusive), at most 10 years. */
export type PeriodFilter = {
  from: Scalars['LocalDate']['input'];
  to: Scalars['LocalDate']['input'];
};

/** Someone in one or more cases. Reached only through a case you take part in. */
export type Person = {
  /** Interventions in force issued to this person (a warning follows the person), on every case your partner takes part in; those on other cases are not shown. */
  activeInterventions: Array<Intervention>;
  /** The cases this person is in that your partner takes part in. */
  cases: Array<Case>;
  /** The language they asked for letters in; null until recorded (letters then use the area default). */
  correspondenceLanguage?: Maybe<CorrespondenceLanguage>;
  dateOfBirth?: Maybe<Scalars['LocalDate']['output']>;
  /** Only your own records, or those released to your partner by consent or a safeguarding basis. */
  drugAlcoholRecords: Array<DrugAlcoholRecord>;
  familyName: Scalars['String']['output'];
  givenName: Scalars['String']['output'];
  housingRecords: Array<HousingRecord>;
  id: Scalars['ID']['output'];
  /** Only your own records, or those released to your partner by consent or a safeguarding basis. */
  mentalHealthRecords: Array<MentalHealthRecord>;
  /** NHS number: a strong identifier. */
  nhsNumber?: Maybe<Scalars['String']['output']>;
  /** Police National Computer id, YY/NNNNNNNL. */
  pncId?: Maybe<Scalars['String']['output']>;
  policeRecords: Array<PoliceRecord>;
  /** Bases your partner recorded, or in force and naming your partner; read through a case, only those recorded for it. */
  sharingBases?: Maybe<Array<SharingBasis>>;
  /** Your partner's own reference for this person, if it gave one. */
  yourReference?: Maybe<Scalars['String']['output']>;
};

export type PersonLinkMethod =
  | 'IDENTIFIER'
  | 'PROBABILISTIC';

export type PersonLinkStatus =
  | 'LINKED'
  | 'REJECTED'
  | 'REVIEW'
  | 'UNLINKED';

/** Two person records the hub linked as one individual, or put to review. Seen by supervisors of a partner with a case holding either record; each sees only the records it could see anyway. */
export type PersonMatch = {
  createdAt: Scalars['DateTimeISO']['output'];
  decidedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** NHS_NUMBER, PNC_ID, PARTNER_REFERENCE or NAME_AND_BIRTH_DATE. */
  evidence: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Known to another partner: ask the lead of case X — only if that partner allows it; otherwise null. */
  knownToAnotherPartner?: Maybe<Scalars['String']['output']>;
  method: PersonLinkMethod;
  /** The records of the pair you could see anyway; hidden ones are left out. */
  people: Array<Person>;
  /** Fellegi–Sunter match weight (log2 likelihood ratio); none for an identifier. */
  score?: Maybe<Scalars['Float']['output']>;
  status: PersonLinkStatus;
};

export type PersonRole =
  | 'PERPETRATOR'
  | 'REPORTER'
  | 'VICTIM'
  | 'WITNESS';

/** The police force’s record about a person. */
export type PoliceRecord = {
  /** Every write to this record, newest first: your own partner’s records only. */
  history?: Maybe<Array<PartnerRecordRevision>>;
  id?: Maybe<Scalars['ID']['output']>;
  /** Police intelligence: never leaves the force. */
  intelligence?: Maybe<Scalars['String']['output']>;
  nominalReference?: Maybe<Scalars['String']['output']>;
  /** The partner that holds this record. */
  owner?: Maybe<Partner>;
  /** Police National Computer reference. */
  pncReference?: Maybe<Scalars['String']['output']>;
  /** The owner’s own reference for the record: the owner only. */
  sourceReference?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Warning markers (codes such as VIOLENT, WEAPONS): shared with partners on the case. */
  warningMarkers?: Maybe<Array<Scalars['String']['output']>>;
  /** Warnings issued and arrests, as shared with partners. */
  warningsSummary?: Maybe<Scalars['String']['output']>;
};

/** An incident recorded, maybe on another case, against the subject of a CPW or CPN in force. Says when, where it was recorded and by whom, not what happened. */
export type PossibleBreach = {
  flaggedAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  incidentCategory: IncidentCategory;
  /** When the incident happened. */
  incidentOccurredAt: Scalars['DateTimeISO']['output'];
  /** The partner that recorded the incident. */
  recordedBy: Partner;
  /** The reference of the case it was recorded on, which may be one your partner does not take part in: ask the recording partner. */
  recordedOnCaseReference: Scalars['String']['output'];
  /** When the incident named another record linked to the subject as one individual: LINKED, or UNLINKED once the link was undone (the flag stays). Null for the subject’s own record. */
  throughLink?: Maybe<PersonLinkStatus>;
};

/** Render a template, or unsaved wording for it, without saving. */
export type PreviewLetterInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  /** Render against this intervention (casework roles); without it, sample values. */
  interventionId?: InputMaybe<Scalars['ID']['input']>;
  templateId: Scalars['ID']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Proceedings for failing to comply with a CPN (2014 Act s.48). */
export type Prosecution = {
  commencedAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
};

export type Query = {
  /** The area’s rules and timescales. */
  areaConfiguration?: Maybe<AreaConfiguration>;
  /** The audit of reads and writes of personal data, newest first: supervisors (their own partner’s staff) and the data protection officer. Reading it is audited too. */
  auditEntries?: Maybe<AuditEntryConnection>;
  /** Bank holidays between two dates (inclusive). */
  bankHolidays?: Maybe<Array<BankHoliday>>;
  /** The shared case view. A case your partner is not part of answers NOT_FOUND, like one that does not exist. */
  case?: Maybe<Case>;
  /** ASB case review alerts on cases your partner takes part in (open ones unless asked), with their evidence. */
  caseReviewAlerts?: Maybe<Array<CaseReviewAlert>>;
  /** An ASB case review application on a case your partner takes part in. */
  caseReviewApplication?: Maybe<CaseReviewApplication>;
  /** The ASB case review applications on a case, oldest first. */
  caseReviewApplications?: Maybe<Array<CaseReviewApplication>>;
  /** ASB case review statistics an area publishes (2014 Act s.104(10)): applications, decisions (threshold met, not met, and of those a discretionary review or none), reviews held and those with recommendations, appeals; each counted by the date of its own step. */
  caseReviewStatistics?: Maybe<AggregateTable>;
  /** Cases your partner leads or takes part in. */
  cases?: Maybe<CaseConnection>;
  /** Closed cases past the area’s retention period (retentionYears from closure), for a deletion review. Data protection officer only. */
  casesDueForDeletionReview?: Maybe<Array<RetentionReviewCase>>;
  /** Audited configuration changes, newest first. */
  configurationChanges?: Maybe<Array<ConfigurationChange>>;
  /** Tombstones of deleted cases, newest first: references and counts only. */
  deletedCases?: Maybe<Array<DeletedCase>>;
  /** One bulk import of the viewer’s partner: its status and counts (analysts and supervisors). */
  importRun?: Maybe<ImportRun>;
  /** The bulk imports of the viewer’s partner, newest first (analysts and supervisors). */
  importRuns?: Maybe<Array<ImportRun>>;
  /** Incidents counted by one or two dimensions (periods, days of week and hours in UK time). Incidents whose time is known less exactly than a dimension needs are left out and counted in excludedForPrecision. */
  incidentCounts?: Maybe<AggregateTable>;
  /** Demand before and after interventions issued in the period, per kind: incidents in the windowDays before each was issued and the windowDays from then on, at its premises when it has premises (closure powers), otherwise involving its subject in any role. Only interventions whose after-window has ended; the others are counted in excludedWindowNotEnded. */
  interventionImpact?: Maybe<AggregateTable>;
  /** Interventions issued in the period per kind (and PERIOD_MONTH of issue if asked), and how many of them have a recorded breach. */
  interventionStatistics?: Maybe<AggregateTable>;
  /** The lead officer statement of a case: every partner’s involvement in date order, as much of it as your partner and role may read. Reading it is audited. */
  leadOfficerStatement?: Maybe<LeadOfficerStatement>;
  /** Audited changes to a letter template, newest first. */
  letterTemplateChanges?: Maybe<Array<LetterTemplateChange>>;
  /** The area’s letter templates in one language (English unless asked). */
  letterTemplates?: Maybe<Array<LetterTemplate>>;
  /** Who you are signed in as. */
  me: Me;
  /** A meeting your partner attends; any other answers as unknown. */
  meeting?: Maybe<Meeting>;
  /** The meeting pack: for the whole meeting (what every attending partner may see) or for your own partner. Withheld content is listed by place, never by content. */
  meetingPack?: Maybe<MeetingPack>;
  /** The next meeting your partner attends, with its agenda; null when none is set. */
  nextMeeting?: Maybe<Meeting>;
  /** Notifications your partner may see, newest first. */
  notifications?: Maybe<NotificationConnection>;
  /** The audited changes to the staff directory (partners, their identity claims, users), newest first: administrators only. partnerId: changes to that partner, its claims and its users; userId: changes to that user. Reading it is audited. */
  onboardingChanges?: Maybe<OnboardingChangeConnection>;
  /** Open actions assigned to your partner, soonest due first; overdueOnly for those past their due date. */
  outstandingActions?: Maybe<Array<Action>>;
  /** For the case review coordinator: open applications on your partner’s cases with a step past its working-day deadline. */
  overdueCaseReviewApplications?: Maybe<Array<CaseReviewApplication>>;
  /** The partners in the sharing agreement. */
  partners: Array<Partner>;
  /** Someone in a case your partner takes part in; anyone else answers NOT_FOUND. */
  person?: Maybe<Person>;
  /** Matches one of whose records is in a case your partner takes part in; REVIEW (the review list) by default. */
  personMatches?: Maybe<Array<PersonMatch>>;
  /** Render a letter template, or unsaved wording, without saving: against an intervention, or sample values. Unknown placeholders are refused (UNKNOWN_PLACEHOLDER). */
  previewLetter?: Maybe<LetterPreview>;
  /** Repeat victims, perpetrators or places among the filtered incidents: how many had exactly 2, 3, 4, 5 to 9 and 10 or more incidents (SUBJECTS), and how many incidents those were (INCIDENTS). */
  repeatDemand?: Maybe<AggregateTable>;
  subjectAccessRequest?: Maybe<SubjectAccessRequest>;
  /** Subject access requests, oldest deadline first; open ones only unless includeCompleted. Data protection officer only. */
  subjectAccessRequests?: Maybe<Array<SubjectAccessRequest>>;
  /** The hub’s users, by partner then name (administrators); inactive ones too unless asked. */
  users?: Maybe<Array<UserAccount>>;
};


export type QueryAuditEntriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditEntryFilter>;
  first?: Scalars['Int']['input'];
};


export type QueryBankHolidaysArgs = {
  from: Scalars['LocalDate']['input'];
  to: Scalars['LocalDate']['input'];
};


export type QueryCaseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCaseReviewAlertsArgs = {
  caseId?: InputMaybe<Scalars['ID']['input']>;
  status?: CaseReviewAlertStatus;
};


export type QueryCaseReviewApplicationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCaseReviewApplicationsArgs = {
  caseId: Scalars['ID']['input'];
};


export type QueryCaseReviewStatisticsArgs = {
  filter: PeriodFilter;
};


export type QueryCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CaseFilter>;
  first?: Scalars['Int']['input'];
  orderBy?: CaseOrder;
};


export type QueryConfigurationChangesArgs = {
  first?: Scalars['Int']['input'];
};


export type QueryImportRunArgs = {
  id: Scalars['ID']['input'];
};


export type QueryImportRunsArgs = {
  first?: Scalars['Int']['input'];
};


export type QueryIncidentCountsArgs = {
  filter: AggregateFilter;
  groupBy: Array<AggregateDimension>;
};


export type QueryInterventionImpactArgs = {
  filter: InterventionFilter;
  interventionId?: InputMaybe<Scalars['ID']['input']>;
  windowDays?: Scalars['Int']['input'];
};


export type QueryInterventionStatisticsArgs = {
  filter: InterventionFilter;
  groupBy?: Array<AggregateDimension>;
};


export type QueryLeadOfficerStatementArgs = {
  caseId: Scalars['ID']['input'];
};


export type QueryLetterTemplateChangesArgs = {
  templateId: Scalars['ID']['input'];
};


export type QueryLetterTemplatesArgs = {
  language?: LetterLanguage;
};


export type QueryMeetingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMeetingPackArgs = {
  audience: MeetingPackAudience;
  meetingId: Scalars['ID']['input'];
  partnerId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryOnboardingChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  partnerId?: InputMaybe<Scalars['ID']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryOutstandingActionsArgs = {
  first?: Scalars['Int']['input'];
  overdueOnly?: Scalars['Boolean']['input'];
};


export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPersonMatchesArgs = {
  status?: PersonLinkStatus;
};


export type QueryPreviewLetterArgs = {
  input: PreviewLetterInput;
};


export type QueryRepeatDemandArgs = {
  filter: AggregateFilter;
  subject: RepeatSubject;
};


export type QuerySubjectAccessRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySubjectAccessRequestsArgs = {
  includeCompleted?: Scalars['Boolean']['input'];
};


export type QueryUsersArgs = {
  activeOnly?: Scalars['Boolean']['input'];
  first?: Scalars['Int']['input'];
  partnerId?: InputMaybe<Scalars['ID']['input']>;
};

/** An ASB case review application, by the victim or on their behalf, received by your partner by any route. */
export type RecordCaseReviewApplicationInput = {
  /** The open alert on this case that the application answers; it becomes ACTIONED. */
  alertId?: InputMaybe<Scalars['ID']['input']>;
  applicantContact?: InputMaybe<Scalars['String']['input']>;
  /** Required when made on their behalf. */
  applicantName?: InputMaybe<Scalars['String']['input']>;
  /** The applicant’s relationship to the victim (relative, councillor, advocate). */
  applicantRelationship?: InputMaybe<Scalars['String']['input']>;
  /** When it was made; defaults to now. */
  appliedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  caseId: Scalars['ID']['input'];
  channel: CaseReviewApplicationChannel;
  /** False when someone applied on the victim’s behalf. */
  madeByVictim: Scalars['Boolean']['input'];
  /** The victim in the case the application is by or for. */
  victimId: Scalars['ID']['input'];
};

/** An ASB case review decision: the qualifying complaints counted, and what the partners decided and why. */
export type RecordCaseReviewDecisionInput = {
  /** The application this decides: acknowledged, for the same victim on the same case, not yet decided. */
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  caseId: Scalars['ID']['input'];
  /** What the partners weighed (2014 Act s.104(5)); required for a discretionary review of an application. */
  considerations?: InputMaybe<Array<CaseReviewConsideration>>;
  /** Defaults to now; the 6-month window ends here. */
  decidedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Incidents on this case counted as qualifying complaints. */
  incidentIds: Array<Scalars['ID']['input']>;
  outcome: CaseReviewOutcome;
  /** Why: for a discretionary review, persistence, harm or potential harm, adequacy of response. */
  reasons: Scalars['String']['input'];
  /** The victim in the case the application was made by or for. */
  victimId: Scalars['ID']['input'];
};

/** The review meeting’s recommendations, each an action for a partner on the case. */
export type RecordCaseReviewRecommendationsInput = {
  applicationId: Scalars['ID']['input'];
  recommendations: Array<CaseReviewRecommendationInput>;
  /** Defaults to now. */
  recordedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

/** A dated step of an ASB case review. The decision and the recommendations have their own mutations. */
export type RecordCaseReviewStepInput = {
  applicationId: Scalars['ID']['input'];
  /** When it happened; defaults to now. */
  at?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** What the victim was told (RESPONSE, required), the grounds (APPEAL, required), closing notes (CLOSURE). */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** ACKNOWLEDGEMENT, REVIEW_MEETING, RESPONSE, APPEAL or CLOSURE. */
  step: CaseReviewStep;
};

/** The language a person asked for letters in. */
export type RecordCorrespondenceLanguageInput = {
  language: CorrespondenceLanguage;
  personId: Scalars['ID']['input'];
};

/** Your drug and alcohol service’s record about a person. */
export type RecordDrugAlcoholRecordInput = {
  /** A case your partner takes part in that the person is in. */
  caseId: Scalars['ID']['input'];
  engagedInTreatment?: InputMaybe<Scalars['Boolean']['input']>;
  keyWorkerContact?: InputMaybe<Scalars['String']['input']>;
  /** Someone in the case. */
  personId: Scalars['ID']['input'];
  /** Your own system’s reference for the record; a bulk import finds the record by it. */
  sourceReference?: InputMaybe<Scalars['String']['input']>;
  /** Never leaves the service. */
  treatmentDetail?: InputMaybe<Scalars['String']['input']>;
};

/** A fixed penalty notice for failing to comply with a CPN (s.52). */
export type RecordFixedPenaltyInput = {
  /** In pence: at most 10000 (£100). */
  amountPence: Scalars['Int']['input'];
  /** The community protection notice. */
  interventionId: Scalars['ID']['input'];
  issuedAt: Scalars['DateTimeISO']['input'];
};

/** Your housing provider’s tenancy record about a person. */
export type RecordHousingRecordInput = {
  /** A case your partner takes part in that the person is in. */
  caseId: Scalars['ID']['input'];
  /** Stays with the provider. */
  officerNotes?: InputMaybe<Scalars['String']['input']>;
  /** Someone in the case. */
  personId: Scalars['ID']['input'];
  /** Your own system’s reference for the record; a bulk import finds the record by it. */
  sourceReference?: InputMaybe<Scalars['String']['input']>;
  tenancyBreaches?: InputMaybe<Scalars['String']['input']>;
  tenancyConditions?: InputMaybe<Scalars['String']['input']>;
  tenancyReference?: InputMaybe<Scalars['String']['input']>;
  tenancyStartDate?: InputMaybe<Scalars['LocalDate']['input']>;
  tenancyType?: InputMaybe<Scalars['String']['input']>;
};

/** An incident as your partner received it. If another partner already recorded the same episode, your report is attached to it instead of creating a second incident. */
export type RecordIncidentInput = {
  caseId: Scalars['ID']['input'];
  category: IncidentCategory;
  description: Scalars['String']['input'];
  /** A hate incident (perceived as motivated by hostility to a protected characteristic); one can meet the area’s case review route. */
  hateIncident?: Scalars['Boolean']['input'];
  locationId?: InputMaybe<Scalars['ID']['input']>;
  newLocation?: InputMaybe<NewLocationInput>;
  /** When the behaviour happened. */
  occurredAt: Scalars['DateTimeISO']['input'];
  people?: Array<IncidentPersonInput>;
  /** When your partner was told; defaults to now. */
  reportedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The incident, already on this case, that this report is another account of. */
  sameEpisodeAsIncidentId?: InputMaybe<Scalars['ID']['input']>;
  /** Your system’s own reference, e.g. a police log number. */
  sourceReference?: InputMaybe<Scalars['String']['input']>;
};

export type RecordIncidentPayload = {
  /** True when this report was attached to an incident already reported to another partner (the same episode counts once). */
  attachedToExistingIncident: Scalars['Boolean']['output'];
  incident: Incident;
};

/** A breach of an intervention’s terms. */
export type RecordInterventionBreachInput = {
  details: Scalars['String']['input'];
  /** The incident on the same case that shows it. */
  incidentId?: InputMaybe<Scalars['ID']['input']>;
  interventionId: Scalars['ID']['input'];
  /** When the breach happened; not in the future, nor before the issue. */
  occurredAt: Scalars['DateTimeISO']['input'];
};

/** A visit made by officers of at least two partners on the case. */
export type RecordJointVisitInput = {
  attendees: Array<JointVisitAttendeeInput>;
  caseId: Scalars['ID']['input'];
  locationId?: InputMaybe<Scalars['ID']['input']>;
  newLocation?: InputMaybe<NewLocationInput>;
  outcome: Scalars['String']['input'];
  /** People in the case who were seen. */
  personIds?: Array<Scalars['ID']['input']>;
  purpose: Scalars['String']['input'];
  visitedAt: Scalars['DateTimeISO']['input'];
};

/** Record which partners attended; replaces the expected list. */
export type RecordMeetingAttendanceInput = {
  meetingId: Scalars['ID']['input'];
  /** Every partner that attended, the chair’s included. */
  partnerIds: Array<Scalars['ID']['input']>;
};

/** Record the minutes of a meeting that has been held. */
export type RecordMeetingMinutesInput = {
  meetingId: Scalars['ID']['input'];
  minutes: Scalars['String']['input'];
};

/** Your mental health service’s record about a person. */
export type RecordMentalHealthRecordInput = {
  careContact?: InputMaybe<Scalars['String']['input']>;
  /** A case your partner takes part in that the person is in. */
  caseId: Scalars['ID']['input'];
  /** Never leaves the service. */
  clinicalNotes?: InputMaybe<Scalars['String']['input']>;
  knownToServices?: InputMaybe<Scalars['Boolean']['input']>;
  /** Someone in the case. */
  personId: Scalars['ID']['input'];
  riskSummary?: InputMaybe<Scalars['String']['input']>;
  /** Your own system’s reference for the record; a bulk import finds the record by it. */
  sourceReference?: InputMaybe<Scalars['String']['input']>;
};

/** OSARA Analysis: patterns, peak times, days of week, repeat victims, places and perpetrators. */
export type RecordOsaraAnalysisInput = {
  analysis: Scalars['String']['input'];
  caseId: Scalars['ID']['input'];
};

/** OSARA Assessment: what worked, what we would do differently, good practice. */
export type RecordOsaraAssessmentInput = {
  assessment: Scalars['String']['input'];
  caseId: Scalars['ID']['input'];
};

/** OSARA Objective: what the case must achieve, and by when. */
export type RecordOsaraObjectiveInput = {
  caseId: Scalars['ID']['input'];
  objective: Scalars['String']['input'];
  /** Not in the past. */
  targetDate: Scalars['LocalDate']['input'];
};

/** OSARA Response: the plan in words. What each partner will do is its OSARA response actions. */
export type RecordOsaraResponseInput = {
  caseId: Scalars['ID']['input'];
  response: Scalars['String']['input'];
};

/** OSARA Scanning: what data the partners hold about the problem. */
export type RecordOsaraScanningInput = {
  caseId: Scalars['ID']['input'];
  scanning: Scalars['String']['input'];
};

/** The partner asked for data answers: with its own records about people on the case and/or a shared note, or saying it holds nothing. At least one of these. */
export type RecordPartnerDataAnsweredInput = {
  note?: InputMaybe<SharedNoteInput>;
  /** Your partner looked and holds nothing about the problem: not with records or a note. */
  nothingHeld?: InputMaybe<Scalars['Boolean']['input']>;
  /** Your partner’s own partner records (police, housing, mental health, drug and alcohol) about people on the case. Anything else, another partner’s record included, is not found. */
  partnerRecordIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  requestId: Scalars['ID']['input'];
};

/** Your police force’s record about a person. */
export type RecordPoliceRecordInput = {
  /** A case your partner takes part in that the person is in. */
  caseId: Scalars['ID']['input'];
  /** Never leaves the force. */
  intelligence?: InputMaybe<Scalars['String']['input']>;
  nominalReference?: InputMaybe<Scalars['String']['input']>;
  /** Someone in the case. */
  personId: Scalars['ID']['input'];
  pncReference?: InputMaybe<Scalars['String']['input']>;
  /** Your own system’s reference for the record; a bulk import finds the record by it. */
  sourceReference?: InputMaybe<Scalars['String']['input']>;
  /** Marker codes, e.g. VIOLENT, WEAPONS. */
  warningMarkers?: InputMaybe<Array<Scalars['String']['input']>>;
  warningsSummary?: InputMaybe<Scalars['String']['input']>;
};

/** Proceedings begun for failing to comply with a CPN (s.48). */
export type RecordProsecutionInput = {
  commencedAt: Scalars['DateTimeISO']['input'];
  /** The community protection notice. */
  interventionId: Scalars['ID']['input'];
};

/** A risk assessment of a victim (repeatVictimisation, vulnerability, impact) or a perpetrator (escalation, riskOfHarm, vulnerability) on a case: each factor 0 (none) to 3 (high). */
export type RecordRiskAssessmentInput = {
  /** Defaults to now; cannot be in the future. */
  assessedAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  caseId: Scalars['ID']['input'];
  escalation?: InputMaybe<Scalars['Int']['input']>;
  impact?: InputMaybe<Scalars['Int']['input']>;
  /** Free text. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** A victim or perpetrator on the case. */
  personId: Scalars['ID']['input'];
  repeatVictimisation?: InputMaybe<Scalars['Int']['input']>;
  riskOfHarm?: InputMaybe<Scalars['Int']['input']>;
  vulnerability: Scalars['Int']['input'];
};

/** Record the basis on which your partner releases its fields about a person: the person's consent, or a lawful basis. */
export type RecordSharingBasisInput = {
  /** Release to every other partner on the case now: resolved to a fixed list when recorded, so a partner added later is not covered. */
  allPartnersOnCase?: InputMaybe<Scalars['Boolean']['input']>;
  /** The case it is recorded for: it releases nothing on the person’s other cases. */
  caseId: Scalars['ID']['input'];
  expiresAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  kind: SharingBasisKind;
  /** Someone in a case your partner takes part in. */
  personId: Scalars['ID']['input'];
  /** Who consented and when, or the safeguarding concern and who decided. */
  reason: Scalars['String']['input'];
  /** The partners on the case it releases to. Give these, or set allPartnersOnCase; an empty or unknown id is refused. */
  recipientPartnerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Share without consent (an override): safeguarding (DPA 2018 sch.1 para 18) or preventing or detecting unlawful acts (para 10). Supervisors of the owner partner only. */
export type RecordSharingOverrideInput = {
  /** Release to every other partner on the case now: resolved to a fixed list when recorded, so a partner added later is not covered. */
  allPartnersOnCase?: InputMaybe<Scalars['Boolean']['input']>;
  /** The case it is recorded for: it releases nothing on the person’s other cases. */
  caseId: Scalars['ID']['input'];
  /** Who decided: the name and role of the decision maker. */
  decisionMaker: Scalars['String']['input'];
  expiresAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** SAFEGUARDING or PREVENTING_UNLAWFUL_ACTS; CONSENT is not an override. */
  kind: SharingBasisKind;
  /** The lawful basis relied on, e.g. UK GDPR art. 6(1)(e) and DPA 2018 sch.1 para 18. */
  lawfulBasis: Scalars['String']['input'];
  /** Someone in a case your partner takes part in. */
  personId: Scalars['ID']['input'];
  /** Why sharing without consent is necessary and proportionate. */
  reason: Scalars['String']['input'];
  /** The partners on the case it releases to. Give these, or set allPartnersOnCase; an empty or unknown id is refused. */
  recipientPartnerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** The legal team’s review of a lead officer statement. */
export type RecordStatementReviewInput = {
  caseId: Scalars['ID']['input'];
  /** Required when returned with comments. */
  comments?: InputMaybe<Scalars['String']['input']>;
  status: StatementReviewStatus;
};

/** A subject access request as received (UK GDPR art. 15). */
export type RecordSubjectAccessRequestInput = {
  /** The person asking, as held in the hub. */
  personId: Scalars['ID']['input'];
  /** The day any partner received the request. */
  receivedOn: Scalars['LocalDate']['input'];
};

/** Support offered to someone in the case, and their answer. */
export type RecordSupportOfferInput = {
  caseId: Scalars['ID']['input'];
  details?: InputMaybe<Scalars['String']['input']>;
  kind: SupportKind;
  offeredAt: Scalars['DateTimeISO']['input'];
  /** The partner that offered it; defaults to yours. Must be on the case. */
  offeredByPartnerId?: InputMaybe<Scalars['ID']['input']>;
  /** Someone in the case. */
  personId: Scalars['ID']['input'];
  response: SupportResponse;
};

/** Take a partner off a case it should not be on: the lead partner, or the partner itself. Its open actions pass to the lead partner and sharing bases stop releasing to it. */
export type RemovePartnerFromCaseInput = {
  caseId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
  /** Why the partner should not be on the case: free text. */
  reason: Scalars['String']['input'];
};

/** Take a person added by mistake off a case. */
export type RemovePersonFromCaseInput = {
  caseId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

/** Go back to an earlier OSARA stage, saying why. */
export type ReopenOsaraStageInput = {
  caseId: Scalars['ID']['input'];
  /** Required: why the stage is revisited. */
  reason?: InputMaybe<Scalars['String']['input']>;
  to: OsaraStage;
};

/** Repeat victims, repeat perpetrators or repeat locations. */
export type RepeatSubject =
  | 'LOCATION'
  | 'PERPETRATOR'
  | 'VICTIM';

/** A closed case past the area’s retention period (retentionYears from closure), due for a deletion review. */
export type RetentionReviewCase = {
  caseId: Scalars['ID']['output'];
  closedAt: Scalars['DateTimeISO']['output'];
  reference: Scalars['String']['output'];
  /** The day the retention period ended. */
  reviewDueOn: Scalars['LocalDate']['output'];
};

/** A dated, attributed risk assessment of a victim or perpetrator on a case; the latest sets the case’s risk level. */
export type RiskAssessment = {
  assessedAt: Scalars['DateTimeISO']['output'];
  assessedBy: Officer;
  assessedByPartner: Partner;
  escalation?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  impact?: Maybe<Scalars['Int']['output']>;
  notes?: Maybe<Scalars['String']['output']>;
  repeatVictimisation?: Maybe<Scalars['Int']['output']>;
  riskLevel: RiskLevel;
  riskOfHarm?: Maybe<Scalars['Int']['output']>;
  role: PersonRole;
  score: Scalars['Int']['output'];
  vulnerability: Scalars['Int']['output'];
};

export type RiskLevel =
  | 'HIGH'
  | 'MEDIUM'
  | 'STANDARD';

export type Role =
  | 'ADMINISTRATOR'
  | 'ANALYST'
  | 'BI_SERVICE'
  | 'DATA_PROTECTION_OFFICER'
  | 'LEGAL'
  | 'PRACTITIONER'
  | 'SUPERVISOR';

/** Schedule a problem-solving group meeting. */
export type ScheduleMeetingInput = {
  /** The user who chairs it; their partner always attends. */
  chairUserId: Scalars['ID']['input'];
  /** When the group meets. */
  heldAt: Scalars['DateTimeISO']['input'];
  /** The partners expected to attend, besides yours and the chair’s (which always are). */
  partnerIds: Array<Scalars['ID']['input']>;
};

/** A letter as sent for an intervention. */
export type SentLetter = {
  id: Scalars['ID']['output'];
  /** Welsh, English, or BOTH: then title and text are the Welsh part, Welsh first. */
  language: CorrespondenceLanguage;
  /** A letter in both: the English text. */
  secondText?: Maybe<Scalars['String']['output']>;
  /** A letter in both: the English title. */
  secondTitle?: Maybe<Scalars['String']['output']>;
  sentAt: Scalars['DateTimeISO']['output'];
  templateVersion: Scalars['Int']['output'];
  /** The text as sent (of its Welsh part, for a letter in both). */
  text: Scalars['String']['output'];
  /** The title of the letter (of its Welsh part, for a letter in both). */
  title: Scalars['String']['output'];
};

/** A note shared with an answer: free text about people in the case, shared under a sharing basis your partner recorded for the case. */
export type SharedNoteInput = {
  /** A basis your partner recorded for this case (recordSharingBasis or recordSharingOverride) and still in force: only the partners it names read the note, and only while it stays in force. */
  sharingBasisId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};

/** A consent or lawful basis releasing a partner’s fields about a person. */
export type SharingBasis = {
  /** The case it was recorded for, when your partner takes part in it. */
  case?: Maybe<Case>;
  decidedBy: Officer;
  /** Override: who took the decision. */
  decisionMaker?: Maybe<Scalars['String']['output']>;
  expiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  kind: SharingBasisKind;
  /** Override: the lawful basis relied on. */
  lawfulBasis?: Maybe<Scalars['String']['output']>;
  /** True when shared without consent (safeguarding or preventing unlawful acts). */
  override: Scalars['Boolean']['output'];
  /** The partner whose fields it releases. */
  ownerPartner: Partner;
  reason: Scalars['String']['output'];
  /** The partners it releases to, fixed when it was recorded. */
  recipientPartners: Array<Partner>;
  recordedAt: Scalars['DateTimeISO']['output'];
  /** Why it was withdrawn. */
  withdrawalReason?: Maybe<Scalars['String']['output']>;
  withdrawnAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

export type SharingBasisKind =
  | 'CONSENT'
  | 'PREVENTING_UNLAWFUL_ACTS'
  | 'SAFEGUARDING';

/** One dated entry of a lead officer statement. */
export type StatementEntry = {
  details: Array<Scalars['String']['output']>;
  kind: StatementEntryKind;
  occurredAt: Scalars['DateTimeISO']['output'];
  /** The incident, offer, visit, intervention or breach it is drawn from. */
  recordId: Scalars['ID']['output'];
  /** The partners it comes from. */
  sourcePartners: Array<Scalars['String']['output']>;
  summary: Scalars['String']['output'];
};

export type StatementEntryKind =
  | 'BREACH'
  | 'INCIDENT'
  | 'INTERVENTION'
  | 'JOINT_VISIT'
  | 'SUPPORT_OFFER';

/** The case’s OSARA record, as the statement presents it. */
export type StatementOsara = {
  analysis?: Maybe<Scalars['String']['output']>;
  assessment?: Maybe<Scalars['String']['output']>;
  objective?: Maybe<Scalars['String']['output']>;
  response?: Maybe<Scalars['String']['output']>;
  scanning?: Maybe<Scalars['String']['output']>;
};

/** One step of the legal team’s review of a statement. */
export type StatementReview = {
  comments?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  reviewedAt: Scalars['DateTimeISO']['output'];
  status: StatementReviewStatus;
};

export type StatementReviewStatus =
  | 'DRAFT'
  | 'RETURNED_WITH_COMMENTS'
  | 'VALIDATED';

/** A subject access request and its deadlines. The export: GET /subject-access/{id}.json or .html with the DPO’s bearer token. */
export type SubjectAccessRequest = {
  completedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** One calendar month from receipt. */
  deadline: Scalars['LocalDate']['output'];
  /** Three calendar months from receipt, once extended. */
  extendedDeadline?: Maybe<Scalars['LocalDate']['output']>;
  extensionReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Past its deadline (extended, if it was) and not completed. */
  overdue: Scalars['Boolean']['output'];
  /** The person asking; null once their data was deleted after a retention review. */
  personId?: Maybe<Scalars['ID']['output']>;
  receivedOn: Scalars['LocalDate']['output'];
  recordedAt: Scalars['DateTimeISO']['output'];
};

export type Subscription = {
  /** Each new notification your partner may see, as it is published (over graphql-ws at /graphql). */
  notificationAdded?: Maybe<Notification>;
};

export type SupportKind =
  | 'DIVERSIONARY_SCHEME'
  | 'DRUG_ALCOHOL_REFERRAL'
  | 'HOUSING_SUPPORT'
  | 'MEDIATION'
  | 'MENTAL_HEALTH_REFERRAL'
  | 'OTHER'
  | 'VICTIM_SUPPORT';

/** Support a partner offered someone, and their answer. */
export type SupportOffer = {
  details?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: SupportKind;
  offeredAt: Scalars['DateTimeISO']['output'];
  offeredBy: Partner;
  person: Person;
  response: SupportResponse;
};

export type SupportResponse =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'NO_RESPONSE';

/** Settings to change; those left out keep their value. Every change is audited with the reason. */
export type UpdateAreaConfigurationInput = {
  acknowledgeWorkingDays?: InputMaybe<Scalars['Int']['input']>;
  appealHeardBy?: InputMaybe<Scalars['String']['input']>;
  appealWindowWorkingDays?: InputMaybe<Scalars['Int']['input']>;
  caseReviewThreshold?: InputMaybe<Scalars['Int']['input']>;
  caseReviewWindowMonths?: InputMaybe<Scalars['Int']['input']>;
  cpnMinimumAge?: InputMaybe<Scalars['Int']['input']>;
  decideWorkingDays?: InputMaybe<Scalars['Int']['input']>;
  /** The language of letters to someone whose choice is not recorded. */
  defaultCorrespondenceLanguage?: InputMaybe<CorrespondenceLanguage>;
  hateIncidentRoute?: InputMaybe<Scalars['Boolean']['input']>;
  /** Set 0 to turn the location route off. */
  locationRouteReports?: InputMaybe<Scalars['Int']['input']>;
  locationRouteVictims?: InputMaybe<Scalars['Int']['input']>;
  meetWorkingDays?: InputMaybe<Scalars['Int']['input']>;
  perturbationMaxNoise?: InputMaybe<Scalars['Int']['input']>;
  perturbationVariance?: InputMaybe<Scalars['Float']['input']>;
  qualifyingComplaintMonths?: InputMaybe<Scalars['Int']['input']>;
  /** Why: quoted in the audit of configuration changes. */
  reason: Scalars['String']['input'];
  respondWorkingDays?: InputMaybe<Scalars['Int']['input']>;
  retentionYears?: InputMaybe<Scalars['Int']['input']>;
  smallNumberThreshold?: InputMaybe<Scalars['Int']['input']>;
};

/** New wording for a letter template; placeholders must be known ones. */
export type UpdateLetterTemplateInput = {
  body: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  /** Why the wording changed, for the audit. */
  reason: Scalars['String']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a partner; what is left out is kept. */
export type UpdatePartnerInput = {
  id: Scalars['ID']['input'];
  /** Replaces every identity-provider claim of the partner (an empty list: none). */
  identities?: InputMaybe<Array<PartnerIdentityInput>>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a user; what is left out is kept. */
export type UpdateUserInput = {
  /** False deactivates them at once, as `deactivateUser` does. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** An empty string removes it. */
  email?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  role?: InputMaybe<Role>;
};

/** A user of the hub as its administrators manage them: who signs in, for which partner, in which role. */
export type UserAccount = {
  /** False: every token of theirs is refused. */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  displayName: Scalars['String']['output'];
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  partner: Partner;
  role: Role;
  /** The subject (`sub`) of their tokens. */
  subject: Scalars['String']['output'];
};

export type Vulnerability =
  | 'AGE'
  | 'EXPLOITATION'
  | 'ISOLATION'
  | 'LEARNING_DISABILITY'
  | 'MENTAL_ILL_HEALTH'
  | 'PHYSICAL_DISABILITY'
  | 'SUBSTANCE_MISUSE';

/** Withdraw a basis your partner recorded (the person withdrew consent, the risk has passed). Takes effect at once. */
export type WithdrawSharingBasisInput = {
  /** Why it is withdrawn: quoted in the record and the audit. */
  reason: Scalars['String']['input'];
  sharingBasisId: Scalars['ID']['input'];
};

/** Where the pack left something out for its audience, and why; never what it was. */
export type WithheldSection = {
  reason: Scalars['String']['output'];
  /** Where, e.g. "item 2 people[1] MentalHealthRecord.clinicalNotes". */
  section: Scalars['String']['output'];
};

export type WebMeQueryVariables = Exact<{ [key: string]: never; }>;


export type WebMeQuery = { me: { id: string, displayName: string, role: Role, partner: { id: string, name: string } } };

export type WebMyCasesQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CaseFilter>;
}>;


export type WebMyCasesQuery = { cases?: { totalCount: number, pageInfo: { endCursor?: string | null, hasNextPage: boolean }, edges: Array<{ node: { id: string, reference: string, title: string, status: CaseStatus, riskLevel: RiskLevel, openedAt: string, leadPartner: { id: string, name: string } } }> } | null };

export type WebCaseViewQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebCaseViewQuery = { case?: { id: string, reference: string, title: string, summary?: string | null, status: CaseStatus, riskLevel: RiskLevel, openedAt: string, leadPartner: { id: string, name: string }, partners: Array<{ id: string, name: string }>, people?: Array<{ role: PersonRole, vulnerabilities: Array<Vulnerability>, person?: { id: string, givenName: string, familyName: string, dateOfBirth?: string | null, policeRecords: Array<{ id?: string | null, warningsSummary?: string | null, nominalReference?: string | null, intelligence?: string | null, owner?: { name: string } | null }>, housingRecords: Array<{ id?: string | null, tenancyReference?: string | null, tenancyType?: string | null, tenancyBreaches?: string | null, officerNotes?: string | null, owner?: { name: string } | null }>, mentalHealthRecords: Array<{ id?: string | null, knownToServices?: boolean | null, careContact?: string | null, riskSummary?: string | null, clinicalNotes?: string | null, owner?: { name: string } | null }>, drugAlcoholRecords: Array<{ id?: string | null, engagedInTreatment?: boolean | null, keyWorkerContact?: string | null, treatmentDetail?: string | null, owner?: { name: string } | null }> } | null }> | null, incidents: Array<{ id: string, occurredAt: string, category: IncidentCategory, description?: string | null, hateIncident: boolean }>, jointVisits?: Array<{ id: string, visitedAt: string, purpose: string, outcome: string }> | null, supportOffers?: Array<{ id: string, kind: SupportKind, offeredAt: string, response: SupportResponse, details?: string | null, offeredBy: { name: string }, person: { givenName: string, familyName: string } }> | null, osara: { stage: OsaraStage, objective?: string | null, objectiveTargetDate?: string | null, scanning?: string | null, analysis?: string | null, response?: string | null, assessment?: string | null, missingBeforeNextStage: Array<string> }, actions: Array<{ id: string, title?: string | null, dueDate: string, status: ActionStatus, overdue: boolean, assignedPartner: { name: string } }>, interventions: Array<{ id: string, kind: InterventionKind, status: InterventionStatus, issuedAt: string, appealDeadline?: string | null }> } | null };

export type WebCaseReviewAlertsQueryVariables = Exact<{
  caseId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type WebCaseReviewAlertsQuery = { caseReviewAlerts?: Array<{ id: string, route: CaseReviewRoute, status: CaseReviewAlertStatus, raisedAt: string, incidentCount: number, windowStart: string, windowEnd: string, case?: { id: string, reference: string } | null }> | null };

export type WebRecordIncidentMutationVariables = Exact<{
  input: RecordIncidentInput;
}>;


export type WebRecordIncidentMutation = { recordIncident?: { attachedToExistingIncident: boolean, incident: { id: string, occurredAt: string, category: IncidentCategory } } | null };

export type WebRecordJointVisitMutationVariables = Exact<{
  input: RecordJointVisitInput;
}>;


export type WebRecordJointVisitMutation = { recordJointVisit?: { id: string, visitedAt: string } | null };

export type WebRecordSupportOfferMutationVariables = Exact<{
  input: RecordSupportOfferInput;
}>;


export type WebRecordSupportOfferMutation = { recordSupportOffer?: { id: string, offeredAt: string } | null };

export type WebNotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type WebNotificationAddedSubscription = { notificationAdded?: { id: string, kind: HubEventKind, summary: string, caseId: string, occurredAt: string } | null };


export const WebMeDocument = {"__meta__":{"hash":"ed1c3973406cb7e973244f9010eebff5e25b08e18fa113494e26e27510628689"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<WebMeQuery, WebMeQueryVariables>;
export const WebMyCasesDocument = {"__meta__":{"hash":"01376f728395e4a0b6cb4de5b4732d9b452471e39945d14ab7befe5c122e3801"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebMyCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"leadPartner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebMyCasesQuery, WebMyCasesQueryVariables>;
export const WebCaseViewDocument = {"__meta__":{"hash":"8a5ffbc915aed5a3f558374b70e5c8488296f03b86cca7a3c56e220933165896"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCaseView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"riskLevel"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"leadPartner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"vulnerabilities"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"policeRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warningsSummary"}},{"kind":"Field","name":{"kind":"Name","value":"nominalReference"}},{"kind":"Field","name":{"kind":"Name","value":"intelligence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"housingRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenancyReference"}},{"kind":"Field","name":{"kind":"Name","value":"tenancyType"}},{"kind":"Field","name":{"kind":"Name","value":"tenancyBreaches"}},{"kind":"Field","name":{"kind":"Name","value":"officerNotes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mentalHealthRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"knownToServices"}},{"kind":"Field","name":{"kind":"Name","value":"careContact"}},{"kind":"Field","name":{"kind":"Name","value":"riskSummary"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalNotes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"drugAlcoholRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagedInTreatment"}},{"kind":"Field","name":{"kind":"Name","value":"keyWorkerContact"}},{"kind":"Field","name":{"kind":"Name","value":"treatmentDetail"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"incidents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"hateIncident"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jointVisits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"visitedAt"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportOffers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"offeredBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"osara"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"objective"}},{"kind":"Field","name":{"kind":"Name","value":"objectiveTargetDate"}},{"kind":"Field","name":{"kind":"Name","value":"scanning"}},{"kind":"Field","name":{"kind":"Name","value":"analysis"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"assessment"}},{"kind":"Field","name":{"kind":"Name","value":"missingBeforeNextStage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"assignedPartner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"interventions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"appealDeadline"}}]}}]}}]}}]} as unknown as DocumentNode<WebCaseViewQuery, WebCaseViewQueryVariables>;
export const WebCaseReviewAlertsDocument = {"__meta__":{"hash":"c2563e887c1664a345990dcf87360cf33e25f978b3dac1e9827dc78dd5229f84"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCaseReviewAlerts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseReviewAlerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"route"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"incidentCount"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}}]}}]}}]} as unknown as DocumentNode<WebCaseReviewAlertsQuery, WebCaseReviewAlertsQueryVariables>;
export const WebRecordIncidentDocument = {"__meta__":{"hash":"e7d0cf94b77c8932b52c2c248a031d6f234d1ff08007817ddba7758a21cb0d29"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRecordIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordIncidentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachedToExistingIncident"}},{"kind":"Field","name":{"kind":"Name","value":"incident"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"}}]}}]}}]}}]} as unknown as DocumentNode<WebRecordIncidentMutation, WebRecordIncidentMutationVariables>;
export const WebRecordJointVisitDocument = {"__meta__":{"hash":"4aba2efe911e70fe6f96321b510831708747b3c7ced76c68969d852012ea4648"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRecordJointVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordJointVisitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordJointVisit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"visitedAt"}}]}}]}}]} as unknown as DocumentNode<WebRecordJointVisitMutation, WebRecordJointVisitMutationVariables>;
export const WebRecordSupportOfferDocument = {"__meta__":{"hash":"b95bc5c02aa873838cbdb246d2eacaee55f6defa31648fcb6e166abcb5ea6725"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRecordSupportOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordSupportOfferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordSupportOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offeredAt"}}]}}]}}]} as unknown as DocumentNode<WebRecordSupportOfferMutation, WebRecordSupportOfferMutationVariables>;
export const WebNotificationAddedDocument = {"__meta__":{"hash":"88d4a0c2a9474d5aa0ee4539fffe9d26d77e5f0bd3c3c20a0e35b334267dc3e3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WebNotificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<WebNotificationAddedSubscription, WebNotificationAddedSubscriptionVariables>;