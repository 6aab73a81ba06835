import { SharingBasisKind } from '../sharing/sharing-basis-kind.enum';
import { Role } from '../users/role.enum';
import {
  anyone,
  CASE_ANALYSIS,
  CASE_READERS,
  CASEWORK,
  type FieldPolicy,
  freeText,
  ownerOnly,
  ownerOrReleased,
  anyPartnerIn,
  sameForAll,
  type TypePolicy,
} from './grant';

/**
 * Who sees what: the hub's sharing agreement, as data. Every field of every GraphQL type must
 * have an entry here (a test walks the schema); a field without one is refused.
 *
 * Rows come first: nothing below is reachable except through a case the viewer's partner leads
 * or takes part in (see `row-scope.ts`). These entries then decide, field by field, which
 * partners and roles may read, and which sharing basis a partner's own records need to leave it.
 * `npm run permissions:doc` prints this as the table in docs/permissions.md.
 */

const { CONSENT, SAFEGUARDING, PREVENTING_UNLAWFUL_ACTS } = SharingBasisKind;

/**
 * Special category data (health, substance use) leaves its owner only with consent or an article 9
 * condition: safeguarding (DPA 2018 sch.1 para 18) or preventing or detecting unlawful acts (para 10).
 */
const SPECIAL_CATEGORY_RELEASE = [CONSENT, SAFEGUARDING, PREVENTING_UNLAWFUL_ACTS] as const;

const caseReaders = anyPartnerIn(CASE_READERS);
/** Free text on case data: case readers, audited; never analysts or BI (see `freeText`). */
const caseNotes = freeText(caseReaders);
const caseAnalysis = anyPartnerIn(CASE_ANALYSIS);
const casework = anyPartnerIn(CASEWORK);
const administrators = anyPartnerIn([Role.ADMINISTRATOR]);
const supervisors = anyPartnerIn([Role.SUPERVISOR]);
/** Subject access and retention: only the data protection officer, who sees every partner's data. */
const dataProtectionOfficer = anyPartnerIn([Role.DATA_PROTECTION_OFFICER]);
const configurationAuditors = anyPartnerIn([
  Role.ADMINISTRATOR,
  Role.SUPERVISOR,
  Role.DATA_PROTECTION_OFFICER,
]);

/** Letter templates hold no personal data: administrators edit them, case readers use them. */
const letterReaders = anyPartnerIn([Role.ADMINISTRATOR, ...CASE_READERS]);

/**
 * Aggregates (src/aggregates/): counts over the whole area with small numbers suppressed, never a
 * row about a person. Analysts and BI service accounts only; every other role is refused them
 * (off unless granted).
 */
const aggregateReaders = anyPartnerIn([Role.ANALYST, Role.BI_SERVICE]);

/** The audit of reads and writes (src/audit/): supervisors and the data protection officer. */
const auditReaders = anyPartnerIn([Role.SUPERVISOR, Role.DATA_PROTECTION_OFFICER]);

/**
 * The audit of the staff directory's changes (onboarding, issue 16): the administrators who make
 * them. It names staff and partners, never a person in a case; the rest of the audit is not theirs.
 */
const onboardingAuditors = administrators;

/**
 * Bulk import of incidents (POST /imports, `npm run import -- --user`): analysts and supervisors,
 * for their own partner only. Imports write a partner's records in bulk, so the roles that answer
 * for its data quality, not frontline casework; the runs they start hold counts, never rows.
 */
export const incidentImporters = anyPartnerIn([Role.ANALYST, Role.SUPERVISOR]);

/**
 * Bulk upload of a partner's own records (POST /imports with a `records` mapping): supervisors,
 * the roles both importing (above) and writing partner records (casework); the importing service
 * adds that the partner is of the records' kind. The `importPartnerRecords` mutation, a CSV typed
 * in one request, stays casework like the record mutations.
 */
export const partnerRecordImporters = anyPartnerIn([Role.SUPERVISOR]);

const mentalHealthRelease: FieldPolicy = ownerOrReleased(CASEWORK, SPECIAL_CATEGORY_RELEASE);
const drugAlcoholRelease: FieldPolicy = ownerOrReleased(CASEWORK, SPECIAL_CATEGORY_RELEASE);

/** Any basis a partner records: consent, or an override on a schedule 1 condition. */
const ANY_BASIS = Object.values(SharingBasisKind);
/**
 * An OSARA answer's note (src/osara/): the answering partner's, released under its own basis
 * only (see `Ownership.basisId`), to case readers; free text, so never to analysts.
 */
const answerNoteBasis: FieldPolicy = ownerOrReleased(CASE_READERS, ANY_BASIS);
const answerNote: FieldPolicy = freeText(answerNoteBasis);

/** A partner record's history (who changed what, earlier values): its owner's casework staff. */
const recordHistory: FieldPolicy = ownerOnly(CASEWORK);

/** The aggregate queries (src/aggregates/aggregate.resolver.ts). */
export const AGGREGATE_QUERIES = [
  'incidentCounts',
  'repeatDemand',
  'interventionImpact',
  'caseReviewStatistics',
  'interventionStatistics',
];

/** The types aggregates answer with: counts and keys, nothing about a person. */
export const AGGREGATE_TYPES = [
  'AggregateTable',
  'AggregateCell',
  'AggregateKey',
  'AggregateTotal',
];

export const policy: Record<string, TypePolicy> = {
  Query: {
    description: 'What each role may ask for at the top level.',
    fields: {
      me: anyone(),
      partners: anyone(),
      // Onboarding (docs/operations.md): the hub's users, for its administrators only.
      users: administrators,
      case: caseAnalysis,
      cases: caseAnalysis,
      person: caseReaders,
      areaConfiguration: anyone(),
      bankHolidays: anyone(),
      configurationChanges: configurationAuditors,
      caseReviewAlerts: caseAnalysis,
      caseReviewApplication: caseAnalysis,
      caseReviewApplications: caseAnalysis,
      overdueCaseReviewApplications: casework,
      // Only rows of cases the viewer's partner takes part in, and events meant for it.
      outstandingActions: caseAnalysis,
      notifications: caseAnalysis,
      auditEntries: auditReaders,
      onboardingChanges: onboardingAuditors,
      // Data protection rights: the data protection officer acts for the controller.
      subjectAccessRequests: dataProtectionOfficer,
      subjectAccessRequest: dataProtectionOfficer,
      casesDueForDeletionReview: dataProtectionOfficer,
      deletedCases: dataProtectionOfficer,
      // Problem-solving group meetings: only those the viewer's partner attends.
      meeting: caseAnalysis,
      nextMeeting: caseAnalysis,
      // The pack carries identities and free text; what is in it is decided per audience below.
      meetingPack: caseReaders,
      // Documents (src/documents/): the statement holds only what the viewer may read.
      leadOfficerStatement: caseAnalysis,
      letterTemplates: letterReaders,
      previewLetter: letterReaders,
      letterTemplateChanges: configurationAuditors,
      ...sameForAll(AGGREGATE_QUERIES, aggregateReaders),
      // Bulk imports: only runs of the viewer's own partner.
      importRun: incidentImporters,
      importRuns: incidentImporters,
      // One person across partners: the match review list, supervisors of an involved partner.
      personMatches: supervisors,
    },
  },
  Subscription: {
    description:
      'Live notifications over graphql-ws: the same readers and rows as the notifications query.',
    fields: { notificationAdded: caseAnalysis },
  },
  Mutation: {
    description: 'Writes: casework roles only, and only to cases their partner takes part in.',
    fields: {
      ...sameForAll(
        [
          'openCase',
          'addPartnerToCase',
          'addPersonToCase',
          'recordIncident',
          'recordJointVisit',
          'recordSupportOffer',
          'recordSharingBasis',
          'recordCaseReviewDecision',
          'recordCaseReviewApplication',
          'recordCaseReviewStep',
          'recordCaseReviewRecommendations',
          'dismissCaseReviewAlert',
          'issueIntervention',
          'recordInterventionBreach',
          'recordFixedPenalty',
          'recordProsecution',
          // OSARA problem-solving model, area procedure.
          'recordOsaraObjective',
          'recordOsaraScanning',
          'askPartnerForData',
          'recordPartnerDataAnswered',
          'recordOsaraAnalysis',
          'recordOsaraResponse',
          'recordOsaraAssessment',
          'advanceOsaraStage',
          'reopenOsaraStage',
          'closeCase',
          // Actions: tasks for partners on the case.
          'assignAction',
          'completeAction',
          'cancelAction',
          // Problem-solving group meetings, area procedure.
          'scheduleMeeting',
          'addCaseToMeetingAgenda',
          'recordMeetingAttendance',
          'recordMeetingMinutes',
          'agreeMeetingAction',
        ],
        casework,
      ),
      ...sameForAll(['updateAreaConfiguration', 'addBankHoliday'], administrators),
      // Onboarding partners and their staff (docs/operations.md "Onboarding a partnership").
      ...sameForAll(
        ['createPartner', 'updatePartner', 'createUser', 'updateUser', 'deactivateUser'],
        administrators,
      ),
      // Consent changes: the owner partner's casework staff withdraw; only its supervisors override.
      withdrawSharingBasis: casework,
      recordSharingOverride: supervisors,
      ...sameForAll(
        [
          'recordSubjectAccessRequest',
          'extendSubjectAccessRequest',
          'completeSubjectAccessRequest',
          'approveCaseDeletion',
        ],
        dataProtectionOfficer,
      ),
      // Partner records: the owner partner's casework staff write its own records (the service
      // checks the partner's kind and keeps the history).
      ...sameForAll(
        [
          'recordPoliceRecord',
          'recordHousingRecord',
          'recordMentalHealthRecord',
          'recordDrugAlcoholRecord',
          'importPartnerRecords',
        ],
        casework,
      ),
      updateLetterTemplate: administrators,
      recordLetterSent: casework,
      // The Welsh language standards: the person's choice of language, recorded by casework staff.
      recordCorrespondenceLanguage: casework,
      // Corrections (src/corrections/): casework; who owns the record is the service's rule
      // (FORBIDDEN for a partner that sees the record but does not own it).
      ...sameForAll(
        [
          'correctIncident',
          'correctCase',
          'correctCasePerson',
          'removePersonFromCase',
          'removePartnerFromCase',
        ],
        casework,
      ),
      // Risk assessments (src/risk-assessments/): any casework member of a partner on the case.
      recordRiskAssessment: casework,
      // Only the legal team validates or returns a statement.
      recordStatementReview: anyPartnerIn([Role.LEGAL]),
      // Match review decisions and undoing a link: supervisors of an involved partner only.
      ...sameForAll(['confirmPersonMatch', 'rejectPersonMatch', 'unlinkPersonMatch'], supervisors),
    },
  },
  AggregateTable: {
    description:
      'An aggregate answer: counts over the whole area, small numbers suppressed; no person, address or case.',
    fields: sameForAll(
      [
        'from',
        'to',
        'dimensions',
        'measures',
        'cells',
        'totals',
        'total',
        'suppressedCells',
        'threshold',
        'excludedForPrecision',
        'excludedWindowNotEnded',
      ],
      aggregateReaders,
    ),
  },
  AggregateCell: {
    description: 'One cell of an aggregate: keys, measure, count (null when suppressed).',
    fields: sameForAll(['keys', 'measure', 'count', 'suppressed'], aggregateReaders),
  },
  AggregateKey: {
    description:
      'Where a cell sits: a period, category, partner (an organisation), area, day, hour, intervention kind or band.',
    fields: sameForAll(['dimension', 'value', 'label'], aggregateReaders),
  },
  AggregateTotal: {
    description: 'The total of one measure of an aggregate (null when suppressed).',
    fields: sameForAll(['measure', 'count', 'suppressed'], aggregateReaders),
  },
  AreaConfiguration: {
    description:
      'The area\u2019s rules and timescales: not personal data, readable by everyone signed in.',
    fields: sameForAll(
      [
        'caseReviewThreshold',
        'caseReviewWindowMonths',
        'qualifyingComplaintMonths',
        'locationRouteReports',
        'locationRouteVictims',
        'hateIncidentRoute',
        'acknowledgeWorkingDays',
        'decideWorkingDays',
        'meetWorkingDays',
        'respondWorkingDays',
        'appealWindowWorkingDays',
        'appealHeardBy',
        'cpnMinimumAge',
        'smallNumberThreshold',
        'perturbationMaxNoise',
        'perturbationVariance',
        'retentionYears',
        'defaultCorrespondenceLanguage',
        'updatedAt',
      ],
      anyone(),
    ),
  },
  AuditEntry: {
    description:
      'The audit of reads and writes of personal data: supervisors (their own partner\u2019s staff) and the data protection officer. Reading it is audited.',
    fields: sameForAll(
      [
        'id',
        'occurredAt',
        'requestId',
        'userId',
        'partnerId',
        'role',
        'action',
        'subjectType',
        'subjectId',
        'personId',
        'caseId',
        'fields',
        'purpose',
        'operation',
      ],
      auditReaders,
    ),
  },
  OnboardingChange: {
    description:
      'The audit of changes to the staff directory (partners, identity claims, users): administrators only. Field names, never values. Reading it is audited.',
    fields: sameForAll(
      [
        'id',
        'occurredAt',
        'requestId',
        'action',
        'record',
        'recordId',
        'partnerId',
        'partner',
        'userId',
        'user',
        'fields',
        'actorUserId',
        'actorPartnerId',
        'actorRole',
        'actor',
        'purpose',
        'operation',
      ],
      onboardingAuditors,
    ),
  },
  OnboardingChangeConnection: {
    description: 'A page of the staff directory\u2019s changes.',
    fields: sameForAll(['edges', 'pageInfo'], onboardingAuditors),
  },
  OnboardingChangeEdge: {
    description: 'Pagination structure.',
    fields: sameForAll(['cursor', 'node'], onboardingAuditors),
  },
  AuditEntryConnection: {
    description: 'A page of the audit.',
    fields: sameForAll(['edges', 'pageInfo'], auditReaders),
  },
  AuditEntryEdge: {
    description: 'Pagination structure.',
    fields: sameForAll(['cursor', 'node'], auditReaders),
  },
  LeadOfficerStatement: {
    description:
      'A case’s chronology for an evidence file. Every partner on the case; the hub builds it from the fields the viewer’s partner and role may read (analysts get dates, categories and partners, no names, descriptions or terms) and lists what it withheld.',
    fields: sameForAll(
      [
        'caseId',
        'caseReference',
        'caseTitle',
        'amendments',
        'leadPartner',
        'leadOfficer',
        'generatedAt',
        'osara',
        'entries',
        'withheld',
        'reviewStatus',
        'reviewHistory',
        // Its own section (statement-demand.ts): the same figures and readers as Case.demand.
        'demand',
      ],
      caseAnalysis,
    ),
  },
  StatementOsara: {
    description: 'The OSARA record in a statement: free text, as Osara.',
    fields: sameForAll(['objective', 'scanning', 'analysis', 'response', 'assessment'], caseNotes),
  },
  StatementEntry: {
    description: 'One dated entry of a statement, already cut to what the viewer may read.',
    fields: sameForAll(
      ['recordId', 'kind', 'occurredAt', 'sourcePartners', 'summary', 'details'],
      caseAnalysis,
    ),
  },
  StatementReview: {
    description: 'The legal review of a statement; the comments are free text.',
    fields: {
      ...sameForAll(['id', 'status', 'reviewedAt'], caseAnalysis),
      comments: caseNotes,
    },
  },
  LetterTemplate: {
    description: 'Letter wording with placeholders: no personal data.',
    fields: sameForAll(
      ['id', 'kind', 'language', 'title', 'body', 'version', 'updatedAt'],
      letterReaders,
    ),
  },
  LetterTemplateChange: {
    description: 'The audit of letter template changes, as for configuration changes.',
    fields: sameForAll(
      ['version', 'oldTitle', 'newTitle', 'oldBody', 'newBody', 'reason', 'changedAt'],
      configurationAuditors,
    ),
  },
  LetterPreview: {
    description:
      'A rendered letter: against sample values for administrators, against an intervention only for case readers.',
    fields: sameForAll(['title', 'text'], letterReaders),
  },
  SentLetter: {
    description: 'A letter as sent: it names its subject, so case readers only.',
    fields: {
      ...sameForAll(['id', 'templateVersion', 'language', 'sentAt'], caseReaders),
      // Rendered from the case: the subject's name, the terms (in each language).
      ...sameForAll(['title', 'text', 'secondTitle', 'secondText'], caseNotes),
    },
  },
  ImportRun: {
    description:
      'A bulk import of a partner\u2019s incidents or own records (POST /imports or `npm run import`): who may import (analysts and supervisors) follow their own partner\u2019s runs. Counts, status and the file name only; the rejected rows report, which holds rows, is a separate URL for the same people, audited.',
    fields: sameForAll(
      [
        'id',
        'partner',
        'format',
        'fileName',
        'status',
        'progress',
        'linesRead',
        'rowsImported',
        'rowsUpdated',
        'rowsAlreadyPresent',
        'rowsRejected',
        'rejectedReportUrl',
        'failure',
        'startedAt',
        'finishedAt',
      ],
      incidentImporters,
    ),
  },
  BankHoliday: {
    description: 'Bank holidays of England and Wales: public.',
    fields: sameForAll(['date', 'name'], anyone()),
  },
  ConfigurationChange: {
    description:
      'The audit of configuration changes: administrators, supervisors and the data protection officer.',
    fields: sameForAll(
      ['changedAt', 'changedByName', 'setting', 'oldValue', 'newValue', 'reason'],
      configurationAuditors,
    ),
  },
  Me: {
    description: 'The signed-in user. Its case list holds only cases their partner takes part in.',
    fields: {
      ...sameForAll(['id', 'username', 'displayName', 'role', 'partner'], anyone()),
      cases: caseAnalysis,
    },
  },
  Partner: {
    description:
      'Organisations in the sharing agreement: public within it; how tokens map to one, administrators only.',
    fields: {
      ...sameForAll(['id', 'name', 'kind'], anyone()),
      identities: administrators,
    },
  },
  PartnerIdentity: {
    description: 'An identity-provider claim naming a partner: administrators only.',
    fields: sameForAll(['issuer', 'claim', 'value'], administrators),
  },
  UserAccount: {
    description:
      'A user as the hub\u2019s administrators manage them (their staff directory, not case data).',
    fields: sameForAll(
      ['id', 'subject', 'displayName', 'email', 'role', 'active', 'partner', 'createdAt'],
      administrators,
    ),
  },
  Officer: {
    description: 'A member of staff named on a case (lead officer, decision maker).',
    fields: sameForAll(['id', 'displayName', 'partner'], caseAnalysis),
  },
  CaseConnection: {
    description: 'A page of cases; counts only cases the viewer can see.',
    fields: sameForAll(['edges', 'pageInfo', 'totalCount'], caseAnalysis),
  },
  CaseEdge: {
    description: 'Pagination structure.',
    fields: sameForAll(['cursor', 'node'], caseAnalysis),
  },
  PageInfo: {
    description: 'Pagination structure.',
    fields: sameForAll(['hasNextPage', 'endCursor'], anyone()),
  },
  Case: {
    description:
      'Case basics and the chronology of joint work: shared with every partner on the case.',
    fields: {
      ...sameForAll(
        [
          'id',
          'reference',
          'title',
          'centredOn',
          'status',
          'riskLevel',
          'openedAt',
          'closedAt',
          'leadPartner',
          'leadOfficer',
          'partners',
          'osara',
          'incidents',
          'interventions',
          'caseReviewDecisions',
          'actions',
          // The case's own demand around its interventions: the readers of its incidents (issue 13).
          'demand',
          // The history of corrections: its values follow each source field (Correction below).
          'corrections',
        ],
        caseAnalysis,
      ),
      // The place a case centres on, and its people, identify them; the summary is free text.
      ...sameForAll(['location', 'people', 'jointVisits', 'supportOffers'], caseReaders),
      summary: caseNotes,
    },
  },
  InterventionDemand: {
    description:
      'A case’s own call demand before and after one of its interventions: exact counts from the case’s incidents, for the readers of its incidents (Case.incidents); no names, never a statistical release.',
    fields: sameForAll(
      [
        'interventionId',
        'kind',
        'issuedAt',
        'windowDays',
        'beforeFrom',
        'afterUntil',
        'afterWindowEnded',
        'atPremises',
        'forPeople',
      ],
      caseAnalysis,
    ),
  },
  DemandCounts: {
    description: 'Counts of a case’s incidents before and after an intervention.',
    fields: sameForAll(['before', 'after', 'byPartner'], caseAnalysis),
  },
  PartnerDemand: {
    description: 'Counts of a case’s incidents by the kind of partner they were reported to.',
    fields: sameForAll(['partnerKind', 'before', 'after'], caseAnalysis),
  },
  Osara: {
    description:
      'The OSARA problem-solving record of a case. Analysts see where it stands; the text of each stage is free text that names people.',
    fields: {
      ...sameForAll(
        ['stage', 'objectiveTargetDate', 'history', 'partnerRequests', 'missingBeforeNextStage'],
        caseAnalysis,
      ),
      ...sameForAll(['objective', 'scanning', 'analysis', 'response', 'assessment'], caseNotes),
    },
  },
  OsaraStageChange: {
    description:
      'The history of a case’s OSARA stage. Who moved it is staff, not a person in the case; the reason is free text.',
    fields: {
      ...sameForAll(['id', 'fromStage', 'toStage', 'kind', 'changedAt', 'changedBy'], caseAnalysis),
      reason: caseNotes,
    },
  },
  OsaraPartnerRequest: {
    description:
      'OSARA scanning: which partners were asked for their data, when they answered and whether they hold nothing. The records given and the note are about people: case readers only, each as its own type allows.',
    fields: {
      ...sameForAll(
        ['id', 'partner', 'askedAt', 'askedBy', 'answeredAt', 'answeredBy', 'nothingHeld'],
        caseAnalysis,
      ),
      // Which rows and fields show is each record type's own policy, read through the case.
      ...sameForAll(
        ['policeRecords', 'housingRecords', 'mentalHealthRecords', 'drugAlcoholRecords'],
        caseReaders,
      ),
      // Null unless OsaraSharedNote's rows let the viewer see it.
      note: caseReaders,
    },
  },
  OsaraSharedNote: {
    description:
      'A note shared with an answer to a data request: free text, read by the answering partner’s case readers and by those of the partners its own sharing basis names, while that basis is in force; never analysts.',
    rows: answerNote,
    fields: {
      text: answerNote,
      basisKind: answerNoteBasis,
      sharingBasis: ownerOrReleased(CASEWORK, ANY_BASIS),
    },
  },
  Action: {
    description:
      'Tasks for partners on a case. Analysts see who must act by when; the wording can name people, so case readers only.',
    fields: {
      ...sameForAll(
        [
          'id',
          'case',
          'assignedPartner',
          'dueDate',
          'status',
          'source',
          'overdue',
          'createdAt',
          'createdBy',
          'completedAt',
          'cancelledAt',
        ],
        caseAnalysis,
      ),
      ...sameForAll(['title', 'details', 'cancelReason'], caseNotes),
    },
  },
  Notification: {
    description:
      'Events partners on a case should hear about. Summaries carry references, dates and partner names, never personal data.',
    fields: sameForAll(
      ['id', 'kind', 'occurredAt', 'summary', 'caseId', 'case', 'subjects'],
      caseAnalysis,
    ),
  },
  NotificationSubject: {
    description: 'Ids of what a notification is about.',
    fields: sameForAll(['name', 'ids'], caseAnalysis),
  },
  NotificationConnection: {
    description: 'A page of notifications; only events the viewer may hear of.',
    fields: sameForAll(['edges', 'pageInfo'], caseAnalysis),
  },
  NotificationEdge: {
    description: 'Pagination structure.',
    fields: sameForAll(['cursor', 'node'], caseAnalysis),
  },
  CasePerson: {
    description:
      'Identity of people in a case and their assessed vulnerabilities: partners on the case.',
    fields: sameForAll(
      ['person', 'role', 'vulnerabilities', 'addedAt', 'corrections', 'riskAssessments'],
      caseReaders,
    ),
  },
  Correction: {
    description:
      'The history of a corrected record. Who corrected what field when names nobody; the values before and after are shown only to readers of the field they came from, and like the reason they are free text (never analysts or BI).',
    fields: {
      ...sameForAll(
        [
          'id',
          'record',
          'recordId',
          'field',
          'correctedAt',
          'correctedBy',
          'correctedByPartner',
          'fromRiskAssessment',
        ],
        caseAnalysis,
      ),
      ...sameForAll(['previousValue', 'newValue', 'reason'], caseNotes),
    },
  },
  RiskAssessment: {
    description:
      'Risk assessments of a victim or perpetrator on a case (scores of their vulnerability and harm): case readers, like the person’s vulnerabilities; the notes are free text.',
    fields: {
      ...sameForAll(
        [
          'id',
          'role',
          'repeatVictimisation',
          'vulnerability',
          'impact',
          'escalation',
          'riskOfHarm',
          'score',
          'riskLevel',
          'assessedAt',
          'assessedBy',
          'assessedByPartner',
        ],
        caseReaders,
      ),
      notes: caseNotes,
    },
  },
  Person: {
    description: 'A person, reached only through a case the viewer takes part in.',
    fields: {
      ...sameForAll(
        [
          'id',
          'givenName',
          'familyName',
          'dateOfBirth',
          'cases',
          'policeRecords',
          'housingRecords',
          // The lists are open; which rows appear is decided by each record type's `rows`.
          'mentalHealthRecords',
          'drugAlcoholRecords',
          // Only interventions on cases the viewer takes part in; see PersonInterventionsResolver.
          'activeInterventions',
        ],
        caseReaders,
      ),
      // Strong identifiers are personal data: partners who see identities on a shared case
      // (case readers), never analysts, administrators or BI. The partner reference resolves
      // to the viewer's own partner's only.
      ...sameForAll(['nhsNumber', 'pncId', 'yourReference'], caseReaders),
      // Who writes to them needs it; it says nothing clinical (docs/rules.md "Letters in Welsh, English or both").
      correspondenceLanguage: caseReaders,
      sharingBases: casework,
    },
  },
  PersonMatch: {
    description:
      'Two person records linked as one individual, or put to review: supervisors of a partner with a case holding either record.',
    fields: sameForAll(
      [
        'id',
        'status',
        'method',
        'score',
        'evidence',
        'createdAt',
        'decidedAt',
        // Only the records the viewer could see anyway (hidden == missing).
        'people',
        // Null unless the other case's lead partner allows being named.
        'knownToAnotherPartner',
      ],
      supervisors,
    ),
  },
  Location: {
    description: 'Addresses identify people; analysts see only the kind of place and its area.',
    fields: {
      ...sameForAll(['id', 'kind', 'lsoaCode'], caseAnalysis),
      ...sameForAll(['description', 'uprn', 'latitude', 'longitude'], caseReaders),
    },
  },
  Incident: {
    description: 'Reported episodes of ASB. The description is free text that names people.',
    fields: {
      ...sameForAll(
        ['id', 'occurredAt', 'category', 'location', 'reports', 'hateIncident'],
        caseAnalysis,
      ),
      description: caseNotes,
      people: caseReaders,
      corrections: caseAnalysis,
    },
  },
  IncidentReport: {
    description: 'Which partner received a report, and when.',
    fields: {
      ...sameForAll(['id', 'partner', 'reportedAt'], caseAnalysis),
      sourceReference: caseReaders,
    },
  },
  IncidentPerson: {
    description: 'Who was involved in an incident.',
    fields: sameForAll(['person', 'role'], caseReaders),
  },
  RecordIncidentPayload: {
    description: 'The answer to recording an incident.',
    fields: sameForAll(['incident', 'attachedToExistingIncident'], casework),
  },
  JointVisit: {
    description: 'Joint visits: chronology of joint work, shared with partners on the case.',
    fields: {
      ...sameForAll(['id', 'visitedAt', 'location', 'attendees', 'peopleVisited'], caseReaders),
      ...sameForAll(['purpose', 'outcome'], caseNotes),
    },
  },
  JointVisitAttendee: {
    description: 'Officers who attended a joint visit.',
    fields: sameForAll(['partner', 'officerName'], caseReaders),
  },
  SupportOffer: {
    description: 'Support offered and the answer: chronology of joint work.',
    fields: {
      ...sameForAll(['id', 'offeredBy', 'person', 'kind', 'offeredAt', 'response'], caseReaders),
      details: caseNotes,
    },
  },
  Intervention: {
    description:
      'Steps on the escalation ladder. Analysts see what was issued and when, not to whom, nor anything that describes the person (a conviction, being under 18, consent, free text).',
    fields: {
      ...sameForAll(
        [
          'id',
          'kind',
          'issuedAt',
          'complianceDate',
          'status',
          'issuedBy',
          'breaches',
          'appealDeadline',
          'servedAt',
          'endsAt',
          'signOff',
          'hearingAt',
          // Resolved only when the earlier step is on a case the viewer takes part in.
          'precededBy',
          'extendsOrder',
          'fixedPenalties',
          'prosecutions',
        ],
        caseAnalysis,
      ),
      ...sameForAll(
        [
          'subject',
          'premises',
          'signedOffBy',
          'convictionDate',
          'youthOffendingTeamConsultedOn',
          'subjectConsented',
          'otherPartyConsented',
          'possibleBreaches',
        ],
        caseReaders,
      ),
      ...sameForAll(['terms', 'skippedStepReason'], caseNotes),
    },
  },
  InterventionBreach: {
    description: 'A breach of an intervention.',
    fields: {
      ...sameForAll(['id', 'occurredAt'], caseAnalysis),
      details: caseNotes,
    },
  },
  FixedPenalty: {
    description: 'A fixed penalty for failing to comply with a CPN: amounts and dates only.',
    fields: sameForAll(['id', 'issuedAt', 'amountPence', 'prosecutionNotBefore'], caseAnalysis),
  },
  Prosecution: {
    description: 'Proceedings for failing to comply with a CPN.',
    fields: sameForAll(['id', 'commencedAt'], caseAnalysis),
  },
  PossibleBreach: {
    description:
      'An incident recorded against the subject of a CPW or CPN in force, told to the issuing case: when, of what category, on which case and by which partner; never the incident itself, its place or its people.',
    fields: sameForAll(
      [
        'id',
        'flaggedAt',
        'incidentOccurredAt',
        'incidentCategory',
        'recordedOnCaseReference',
        'recordedBy',
        // Whether it came through a linked record (one person across partners), and if undone.
        'throughLink',
      ],
      caseReaders,
    ),
  },
  CaseReviewDecision: {
    description: 'ASB case review decisions. Analysts see outcomes for statistics, not the victim.',
    fields: {
      ...sameForAll(
        [
          'id',
          'windowStart',
          'windowEnd',
          'threshold',
          'thresholdMet',
          'outcome',
          'decidedAt',
          'considerations',
        ],
        caseAnalysis,
      ),
      ...sameForAll(['victim', 'decidedBy', 'countedIncidents'], caseReaders),
      reasons: caseNotes,
    },
  },
  CaseReviewAlert: {
    description:
      'ASB case review alerts raised by the hub: the route and counted incidents are shared with every partner on the case; the victim\u2019s identity, the place and free text with case readers.',
    fields: {
      ...sameForAll(
        [
          'id',
          'case',
          'route',
          'status',
          'raisedAt',
          'windowStart',
          'windowEnd',
          'countedIncidents',
          'incidentCount',
        ],
        caseAnalysis,
      ),
      // As for Incident.location: Location's own entries decide which of its fields show.
      location: caseAnalysis,
      victim: caseReaders,
      dismissedReason: caseNotes,
    },
  },
  CaseReviewApplication: {
    description:
      'ASB case review applications and their dated steps: analysts see dates and outcomes for the published statistics; who applied, for whom and what they were told only case readers.',
    fields: {
      ...sameForAll(
        [
          'id',
          'case',
          'madeByVictim',
          'channel',
          'receivedBy',
          'appliedAt',
          'acknowledgedAt',
          'decision',
          'meetingHeldAt',
          'respondedAt',
          'appealedAt',
          'appealHeardBy',
          'closedAt',
          'deadlines',
          'appealDeadline',
          'recommendations',
        ],
        caseAnalysis,
      ),
      ...sameForAll(['victim', 'applicantName', 'applicantContact'], caseReaders),
      ...sameForAll(
        ['applicantRelationship', 'responseSummary', 'appealGrounds', 'closingNotes'],
        caseNotes,
      ),
    },
  },
  CaseReviewDeadline: {
    description: 'Working-day deadlines of a case review step.',
    fields: sameForAll(['step', 'dueDate', 'completedAt', 'overdue'], caseAnalysis),
  },
  CaseReviewRecommendation: {
    description:
      'A review meeting recommendation (an action for a partner); its title and details are free text.',
    fields: {
      ...sameForAll(['id', 'dueDate', 'status', 'recordedAt', 'assignedPartner'], caseAnalysis),
      ...sameForAll(['title', 'details'], caseNotes),
    },
  },
  SharingBasis: {
    description:
      'A recorded consent or lawful basis. Seen only by the owner partner and the partners it releases to.',
    fields: sameForAll(
      [
        'id',
        'ownerPartner',
        'recipientPartners',
        'case',
        'kind',
        'reason',
        'decidedBy',
        'recordedAt',
        'expiresAt',
        'withdrawnAt',
        'withdrawalReason',
        'override',
        'decisionMaker',
        'lawfulBasis',
      ],
      casework,
    ),
  },
  SubjectAccessRequest: {
    description:
      'A person\u2019s request for everything held about them, its deadlines and completion: the data protection officer only.',
    fields: sameForAll(
      [
        'id',
        'personId',
        'receivedOn',
        'deadline',
        'extendedDeadline',
        'extensionReason',
        'completedAt',
        'recordedAt',
        'overdue',
      ],
      dataProtectionOfficer,
    ),
  },
  RetentionReviewCase: {
    description:
      'A closed case past the retention period, due for a deletion review: the data protection officer only.',
    fields: sameForAll(['caseId', 'reference', 'closedAt', 'reviewDueOn'], dataProtectionOfficer),
  },
  DeletedCase: {
    description:
      'The tombstone of a deleted case: reference and counts, no personal data; the data protection officer only.',
    fields: sameForAll(
      [
        'id',
        'caseId',
        'reference',
        'openedAt',
        'closedAt',
        'deletedAt',
        'reason',
        'peopleCount',
        'peopleDeleted',
        'incidentCounts',
        'interventionCounts',
      ],
      dataProtectionOfficer,
    ),
  },
  IncidentCount: {
    description: 'Incidents of one category in one month, on a tombstone.',
    fields: sameForAll(['category', 'month', 'count'], dataProtectionOfficer),
  },
  InterventionCount: {
    description: 'Interventions of one kind, on a tombstone.',
    fields: sameForAll(['kind', 'count'], dataProtectionOfficer),
  },
  Meeting: {
    description:
      'Problem-solving group meetings: seen only by the partners attending. The minutes are free text that names people.',
    fields: {
      ...sameForAll(
        [
          'id',
          'heldAt',
          'attendanceRecordedAt',
          'minutesRecordedAt',
          'chair',
          'partners',
          'agenda',
          'actions',
          'outstandingActions',
        ],
        caseAnalysis,
      ),
      minutes: caseNotes,
    },
  },
  MeetingAgendaItem: {
    description:
      'A case on a meeting\u2019s agenda; the case itself only if the viewer takes part in it.',
    fields: sameForAll(['position', 'addedAt', 'case'], caseAnalysis),
  },
  MeetingPartnerActions: {
    description: 'Open actions on a meeting\u2019s cases, by assigned partner.',
    fields: sameForAll(['partner', 'overdue', 'actions'], caseAnalysis),
  },
  MeetingPack: {
    description:
      'The meeting pack. Who may ask: case readers of an attending partner (a partner pack only for their own). Its content was already cut down, field by field, by this policy evaluated for every partner in its audience (src/meetings/pack-audience.ts).',
    fields: sameForAll(
      ['meetingId', 'heldAt', 'audience', 'audiencePartners', 'generatedAt', 'items', 'withheld'],
      caseReaders,
    ),
  },
  MeetingPackItem: {
    description: 'A case on the agenda, as far as the whole audience may see it.',
    fields: {
      summary: caseNotes,
      ...sameForAll(
        [
          'position',
          'caseId',
          'reference',
          'title',
          'status',
          'riskLevel',
          'osaraStage',
          'chronologySince',
          'chronology',
          'caseReview',
          'actionsByPartner',
          'people',
          'chart',
          'withheld',
        ],
        caseReaders,
      ),
      // Where the case's place and its incidents are: as Location's coordinates (case readers).
      map: caseReaders,
    },
  },
  MeetingPackEntry: {
    description: 'An entry of a case\u2019s chronology since the last meeting.',
    fields: {
      ...sameForAll(['occurredAt', 'kind', 'label', 'partner', 'deadline', 'answer'], caseReaders),
      detail: caseNotes,
    },
  },
  MeetingPackCaseReview: {
    description: 'Where a case\u2019s ASB case review is.',
    fields: sameForAll(
      ['applicationStep', 'appliedAt', 'decisionOutcome', 'thresholdMet', 'decidedAt'],
      caseReaders,
    ),
  },
  MeetingPackPartnerActions: {
    description: 'A partner\u2019s outstanding and overdue actions on a case.',
    fields: sameForAll(['partner', 'outstanding', 'overdue', 'actions'], caseReaders),
  },
  MeetingPackAction: {
    description: 'An open action in a meeting pack.',
    fields: { ...sameForAll(['dueDate', 'overdue', 'source'], caseReaders), title: caseNotes },
  },
  MeetingPackPerson: {
    description: 'Someone in a case on the agenda.',
    fields: sameForAll(['role', 'name', 'records'], caseReaders),
  },
  MeetingPackRecord: {
    description:
      'A partner record in a meeting pack, only if every partner in the audience may know it exists.',
    fields: sameForAll(['kind', 'owner', 'fields'], caseReaders),
  },
  MeetingPackField: {
    description:
      'A partner record\u2019s field in a meeting pack, only if every partner in the audience may read it.',
    fields: { name: caseReaders, value: caseNotes },
  },
  MeetingPackChart: {
    description: 'Incident counts on a case: per week and by day of week and hour.',
    fields: sameForAll(['from', 'to', 'incidentsPerWeek', 'dayOfWeekByHour'], caseReaders),
  },
  WithheldSection: {
    description: 'Where a meeting pack left something out, and why; never what.',
    fields: sameForAll(['section', 'reason'], caseReaders),
  },
  PoliceRecord: {
    description:
      'The police record: warnings are shared with partners on the case; intelligence never leaves the force.',
    rows: caseReaders,
    fields: {
      ...sameForAll(['id', 'owner', 'updatedAt'], caseReaders),
      warningsSummary: caseNotes,
      // Marker codes travel with the warnings: partners visiting the person need them.
      warningMarkers: caseReaders,
      nominalReference: ownerOnly(CASE_READERS),
      pncReference: ownerOnly(CASE_READERS),
      history: recordHistory,
      sourceReference: ownerOnly(CASE_READERS),
      intelligence: freeText(ownerOnly(CASEWORK)),
    },
  },
  HousingRecord: {
    description:
      'The tenancy: shared with partners on the case; the officer\u2019s notes stay with the provider.',
    rows: caseReaders,
    fields: {
      ...sameForAll(
        [
          'id',
          'owner',
          'updatedAt',
          'property',
          'tenancyReference',
          'tenancyType',
          'tenancyStartDate',
        ],
        caseReaders,
      ),
      tenancyConditions: caseNotes,
      tenancyBreaches: caseNotes,
      officerNotes: freeText(ownerOnly(CASEWORK)),
      history: recordHistory,
      sourceReference: ownerOnly(CASE_READERS),
    },
  },
  MentalHealthRecord: {
    description:
      'Known to services and a care contact leave the NHS service only with consent or a safeguarding basis; a risk summary only on safeguarding; clinical notes never.',
    rows: mentalHealthRelease,
    fields: {
      ...sameForAll(
        ['id', 'owner', 'updatedAt', 'knownToServices', 'careContact'],
        mentalHealthRelease,
      ),
      riskSummary: freeText(ownerOrReleased(CASEWORK, [SAFEGUARDING])),
      clinicalNotes: freeText(ownerOnly(CASEWORK)),
      history: recordHistory,
      sourceReference: ownerOnly(CASE_READERS),
    },
  },
  DrugAlcoholRecord: {
    description:
      'Engagement in treatment and a key worker contact leave the service only with consent or a safeguarding basis; treatment detail never.',
    rows: drugAlcoholRelease,
    fields: {
      ...sameForAll(
        ['id', 'owner', 'updatedAt', 'engagedInTreatment', 'keyWorkerContact'],
        drugAlcoholRelease,
      ),
      treatmentDetail: freeText(ownerOnly(CASEWORK)),
      history: recordHistory,
      sourceReference: ownerOnly(CASE_READERS),
    },
  },
  PartnerRecordImport: {
    description: 'What an import of the viewer\u2019s own partner records did: counts only.',
    fields: sameForAll(['created', 'updated', 'unchanged', 'rejected'], casework),
  },
  PartnerRecordImportRejection: {
    description:
      'A rejected line of the viewer\u2019s own import: its number and the hub\u2019s reasons.',
    fields: sameForAll(['line', 'reasons'], casework),
  },
  PartnerRecordRevision: {
    description:
      'The history of a partner record: the owner partner only, as its earlier values are the record\u2019s own content.',
    rows: recordHistory,
    fields: {
      ...sameForAll(
        ['id', 'recordKind', 'changedAt', 'changedBy', 'changedByPartner', 'changedFields'],
        recordHistory,
      ),
      earlierValues: freeText(recordHistory),
    },
  },
};

/** Roles that can never read personal data, whatever a future entry says. */
export const NO_PERSONAL_DATA_ROLES: readonly Role[] = [Role.ADMINISTRATOR, Role.BI_SERVICE];
