/**
 * What counts as a read of personal data, as data: for each GraphQL type, the fields whose
 * reading is audited, and how to tell from the object read which record it is, whom it is about
 * and which case it belongs to.
 *
 * The rule behind the list: a field is personal data when the policy (`src/permissions/policy.ts`)
 * releases it to case readers but withholds it from analysts, because it identifies or describes
 * someone; every field of a person and of a partner record is personal data, `id` included, since
 * the existence of a record about someone can itself be sensitive (a mental health record means
 * "known to services"). Fields the policy shares with analysts name nobody and are exempt, each with
 * its reason below. `test/audit/personal-data.test.ts` fails when a field the policy grants to case
 * readers on a person's paths is neither listed nor exempted.
 */

/** The record an audited field belongs to. */
export interface AuditSubject {
  id: string;
  /** The person the data is about, when it is about one. */
  personId?: string | null;
  /** The case the record belongs to, when the record itself says. */
  caseId?: string | null;
}

export interface PersonalDataType {
  fields: readonly string[];
  /** Fields granted to case readers that are not personal data, and why. */
  exempt?: Readonly<Record<string, string>>;
  subject(parent: any): AuditSubject | undefined;
}

const idOf = (ref: { id?: string } | null | undefined) => ref?.id ?? null;

/** Records that carry their own `person` (or `subject`, `victim`) and `case` references. */
const recordAbout = (parent: any): AuditSubject | undefined =>
  parent?.id
    ? {
        id: String(parent.id),
        personId: idOf(parent.person) ?? idOf(parent.subject) ?? idOf(parent.victim),
        caseId: idOf(parent.case),
      }
    : undefined;

const PARTNER_RECORD_COMMON = ['id', 'owner', 'updatedAt'] as const;

const ANALYSTS_SEE = 'shared with analysts too: the policy treats it as naming nobody';

export const PERSONAL_DATA: Readonly<Record<string, PersonalDataType>> = {
  Person: {
    fields: [
      'id',
      'givenName',
      'familyName',
      'dateOfBirth',
      'cases',
      'policeRecords',
      'housingRecords',
      'mentalHealthRecords',
      'drugAlcoholRecords',
      'activeInterventions',
      'sharingBases',
    ],
    subject: (person) => (person?.id ? { id: person.id, personId: person.id } : undefined),
  },
  PoliceRecord: {
    fields: [...PARTNER_RECORD_COMMON, 'warningsSummary', 'nominalReference', 'intelligence'],
    subject: recordAbout,
  },
  HousingRecord: {
    fields: [
      ...PARTNER_RECORD_COMMON,
      'property',
      'tenancyReference',
      'tenancyType',
      'tenancyStartDate',
      'tenancyBreaches',
      'officerNotes',
    ],
    subject: recordAbout,
  },
  MentalHealthRecord: {
    fields: [
      ...PARTNER_RECORD_COMMON,
      'knownToServices',
      'careContact',
      'riskSummary',
      'clinicalNotes',
    ],
    subject: recordAbout,
  },
  DrugAlcoholRecord: {
    fields: [...PARTNER_RECORD_COMMON, 'engagedInTreatment', 'keyWorkerContact', 'treatmentDetail'],
    subject: recordAbout,
  },
  SharingBasis: {
    fields: [
      'id',
      'ownerPartner',
      'recipientPartner',
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
    subject: recordAbout,
  },
  Case: {
    // The rest of the case (reference, status, OSARA) is shared with analysts.
    fields: ['people', 'summary'],
    subject: (c) => (c?.id ? { id: c.id, caseId: c.id } : undefined),
  },
  CasePerson: {
    fields: ['person', 'role', 'vulnerabilities', 'addedAt'],
    subject: recordAbout,
  },
  Incident: {
    fields: ['description', 'people'],
    subject: recordAbout,
  },
  IncidentPerson: {
    fields: ['person', 'role'],
    subject: recordAbout,
  },
  Location: {
    // Addresses identify people; the kind of place and its area do not.
    fields: ['description', 'uprn', 'latitude', 'longitude'],
    subject: recordAbout,
  },
  JointVisit: {
    fields: ['id', 'visitedAt', 'location', 'purpose', 'outcome', 'attendees', 'peopleVisited'],
    subject: recordAbout,
  },
  SupportOffer: {
    fields: ['id', 'offeredBy', 'person', 'kind', 'details', 'offeredAt', 'response'],
    subject: recordAbout,
  },
  Intervention: {
    fields: [
      'subject',
      'premises',
      'terms',
      'signedOffBy',
      'convictionDate',
      'youthOffendingTeamConsultedOn',
      'subjectConsented',
      'otherPartyConsented',
      'skippedStepReason',
      'possibleBreaches',
    ],
    exempt: Object.fromEntries(
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
        'precededBy',
        'extendsOrder',
        'fixedPenalties',
        'prosecutions',
      ].map((field) => [field, ANALYSTS_SEE]),
    ),
    subject: recordAbout,
  },
  CaseReviewDecision: {
    fields: ['victim', 'reasons'],
    subject: recordAbout,
  },
  CaseReviewAlert: {
    fields: ['victim', 'dismissedReason'],
    subject: recordAbout,
  },
  CaseReviewApplication: {
    fields: [
      'victim',
      'applicantName',
      'applicantRelationship',
      'applicantContact',
      'responseSummary',
      'appealGrounds',
      'closingNotes',
    ],
    subject: recordAbout,
  },
  // That someone asked for their data, and when.
  SubjectAccessRequest: {
    fields: ['personId', 'receivedOn', 'extensionReason'],
    subject: (request) =>
      request?.id ? { id: request.id, personId: request.person?.id ?? null } : undefined,
  },
  // Meeting packs (src/meetings/): what they show of people and partner records, and free text.
  Meeting: {
    fields: ['minutes'],
    subject: (meeting) => (meeting?.id ? { id: meeting.id } : undefined),
  },
  MeetingPackItem: {
    fields: ['summary', 'people'],
    exempt: Object.fromEntries(
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
        'chart',
        'withheld',
      ].map((field) => [field, ANALYSTS_SEE]),
    ),
    subject: (item) => (item?.caseId ? { id: item.caseId, caseId: item.caseId } : undefined),
  },
  MeetingPackEntry: {
    fields: ['detail'],
    subject: (entry) => (entry?.id ? { id: entry.id, caseId: entry.caseId } : undefined),
  },
  MeetingPackPerson: {
    fields: ['role', 'name', 'records'],
    subject: (person) =>
      person?.personId
        ? { id: person.personId, personId: person.personId, caseId: person.caseId }
        : undefined,
  },
  MeetingPackRecord: {
    fields: ['kind', 'owner', 'fields'],
    subject: (record) =>
      record?.id ? { id: record.id, personId: record.personId, caseId: record.caseId } : undefined,
  },
  MeetingPackField: {
    fields: ['name', 'value'],
    subject: (field) =>
      field?.recordId
        ? { id: field.recordId, personId: field.personId, caseId: field.caseId }
        : undefined,
  },
  MeetingPackAction: {
    fields: ['title'],
    exempt: { dueDate: ANALYSTS_SEE, overdue: ANALYSTS_SEE, source: ANALYSTS_SEE },
    subject: (action) => (action?.id ? { id: action.id, caseId: action.caseId } : undefined),
  },
  // Reading the audit is itself audited: it says who read what about whom.
  AuditEntry: {
    fields: [
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
    subject: (entry) =>
      entry?.id ? { id: entry.id, personId: entry.personId, caseId: entry.caseId } : undefined,
  },
};

/** Every audited field as a `Type.field` coordinate, for docs and tests. */
export const PERSONAL_DATA_FIELDS: readonly string[] = Object.entries(PERSONAL_DATA).flatMap(
  ([type, entry]) => entry.fields.map((field) => `${type}.${field}`),
);

/** The subject paths the coverage test walks: every case-reader field must be listed or exempt. */
export const SUBJECT_TYPES: readonly string[] = [
  'Person',
  'PoliceRecord',
  'HousingRecord',
  'MentalHealthRecord',
  'DrugAlcoholRecord',
  'CasePerson',
  'IncidentPerson',
  'SupportOffer',
  'JointVisit',
  'Intervention',
  'MeetingPackPerson',
  'MeetingPackRecord',
  'MeetingPackField',
];
