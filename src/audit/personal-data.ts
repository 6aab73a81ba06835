import { CASE_READERS, type FieldPolicy } from '../permissions/grant';
import { policy } from '../permissions/policy';
import { Role } from '../users/role.enum';

/**
 * What counts as a read of personal data, for the audit: for each GraphQL type, the fields whose
 * reading is audited, and how to tell from the object read which record it is, whom it is about
 * and which case it belongs to.
 *
 * The fields are not listed here: they follow from the sharing policy (`src/permissions/policy.ts`).
 * A field is personal data when the policy releases it to case readers but withholds it from
 * analysts, because it identifies or describes someone; every field of a person and of a partner
 * record is therefore personal data, `id` included (the existence of a record about someone can
 * itself be sensitive). A new field the policy keeps from analysts is audited without anyone
 * remembering to list it. Each type below states only its exceptions, with the reason.
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
  /** The audited fields: derived from the policy, with the exceptions below applied. */
  fields: readonly string[];
  /** Fields the policy keeps from analysts that are nevertheless not personal data, and why. */
  exempt?: Readonly<Record<string, string>>;
  subject(parent: any): AuditSubject | undefined;
}

interface PersonalDataRule {
  subject(parent: any): AuditSubject | undefined;
  exempt?: Readonly<Record<string, string>>;
  /** Fields audited although the rule would not pick them (types read by neither), and why. */
  alsoPersonal?: Readonly<Record<string, string>>;
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

const each = (fields: string[], reason: string) =>
  Object.fromEntries(fields.map((field) => [field, reason]));

const AUDITED_ON_ITS_OWN = 'a record of its own type, audited when its own fields are read';
const NAMES_NOBODY = 'facts about the case that name nobody';

const RULES: Readonly<Record<string, PersonalDataRule>> = {
  Person: {
    subject: (person) => (person?.id ? { id: person.id, personId: person.id } : undefined),
  },
  PoliceRecord: { subject: recordAbout },
  HousingRecord: { subject: recordAbout },
  MentalHealthRecord: { subject: recordAbout },
  DrugAlcoholRecord: { subject: recordAbout },
  // A record's history: who changed it (staff) and its earlier content, the owner's only.
  PartnerRecordRevision: { subject: recordAbout },
  SharingBasis: { subject: recordAbout },
  // Free text on case data (`freeText` in the policy): audited wherever it is read.
  Osara: {
    subject: (osara) => (osara?.caseId ? { id: osara.caseId, caseId: osara.caseId } : undefined),
  },
  OsaraStageChange: { subject: recordAbout },
  // An answer's note: about the person its basis is about, on the request's case.
  OsaraSharedNote: {
    subject: recordAbout,
    exempt: { sharingBasis: AUDITED_ON_ITS_OWN },
  },
  Action: { subject: recordAbout },
  InterventionBreach: { subject: recordAbout },
  CaseReviewRecommendation: { subject: recordAbout },
  StatementReview: { subject: recordAbout },
  SentLetter: {
    subject: (letter) =>
      letter?.id
        ? {
            id: letter.id,
            personId: idOf(letter.intervention?.subject),
            caseId: idOf(letter.intervention?.case),
          }
        : undefined,
  },
  Case: {
    subject: (c) => (c?.id ? { id: c.id, caseId: c.id } : undefined),
    exempt: each(['location', 'jointVisits', 'supportOffers'], AUDITED_ON_ITS_OWN),
  },
  CasePerson: {
    subject: recordAbout,
    exempt: { corrections: AUDITED_ON_ITS_OWN, riskAssessments: AUDITED_ON_ITS_OWN },
  },
  // Corrections (src/corrections/): the values and the reason are free text.
  Correction: {
    subject: (row) =>
      row?.id
        ? { id: String(row.id), personId: idOf(row.person), caseId: idOf(row.case) }
        : undefined,
  },
  RiskAssessment: { subject: recordAbout },
  Incident: { subject: recordAbout },
  IncidentPerson: { subject: recordAbout },
  Location: { subject: recordAbout },
  JointVisit: { subject: recordAbout },
  SupportOffer: { subject: recordAbout },
  Intervention: { subject: recordAbout },
  CaseReviewDecision: {
    subject: recordAbout,
    exempt: {
      decidedBy: 'a member of staff, not a person in the case',
      countedIncidents: AUDITED_ON_ITS_OWN,
    },
  },
  CaseReviewAlert: { subject: recordAbout },
  CaseReviewApplication: { subject: recordAbout },
  // That someone asked for their data, and when: read by the data protection officer only.
  SubjectAccessRequest: {
    subject: (request) =>
      request?.id ? { id: request.id, personId: request.person?.id ?? null } : undefined,
    alsoPersonal: each(
      ['personId', 'receivedOn', 'extensionReason'],
      'that someone asked for their data',
    ),
  },
  // Meeting packs (src/meetings/): what they show of people and partner records, and free text.
  Meeting: { subject: (meeting) => (meeting?.id ? { id: meeting.id } : undefined) },
  MeetingPackItem: {
    subject: (item) => (item?.caseId ? { id: item.caseId, caseId: item.caseId } : undefined),
    exempt: {
      ...each(
        [
          'position',
          'caseId',
          'reference',
          'title',
          'status',
          'riskLevel',
          'osaraStage',
          'chronologySince',
          'caseReview',
          'chart',
          'withheld',
        ],
        NAMES_NOBODY,
      ),
      ...each(['chronology', 'actionsByPartner'], AUDITED_ON_ITS_OWN),
    },
  },
  MeetingPackEntry: {
    subject: (entry) => (entry?.id ? { id: entry.id, caseId: entry.caseId } : undefined),
    exempt: each(['occurredAt', 'kind', 'label', 'partner', 'deadline', 'answer'], NAMES_NOBODY),
  },
  MeetingPackPerson: {
    subject: (person) =>
      person?.personId
        ? { id: person.personId, personId: person.personId, caseId: person.caseId }
        : undefined,
  },
  MeetingPackRecord: {
    subject: (record) =>
      record?.id ? { id: record.id, personId: record.personId, caseId: record.caseId } : undefined,
  },
  MeetingPackField: {
    subject: (field) =>
      field?.recordId
        ? { id: field.recordId, personId: field.personId, caseId: field.caseId }
        : undefined,
  },
  MeetingPackAction: {
    subject: (action) => (action?.id ? { id: action.id, caseId: action.caseId } : undefined),
    exempt: each(['dueDate', 'overdue', 'source'], NAMES_NOBODY),
  },
  // Reading the audit is itself audited: it says who read what about whom.
  AuditEntry: {
    subject: (entry) =>
      entry?.id ? { id: entry.id, personId: entry.personId, caseId: entry.caseId } : undefined,
  },
  // So is the administrators' part of it, the staff directory's changes: read by neither case
  // readers nor analysts, so every field is named here.
  OnboardingChange: {
    subject: (change) => (change?.id ? { id: change.id } : undefined),
    alsoPersonal: each(
      Object.keys(policy.OnboardingChange.fields),
      'reading the audit is audited: who changed which partner or user, when',
    ),
  },
};

const ANALYSTS_SEE = 'shared with analysts too: the policy treats it as naming nobody';

const caseReadersRead = (grants: FieldPolicy) =>
  grants.some((grant) => grant.roles.some((role) => CASE_READERS.includes(role)));
const analystsRead = (grants: FieldPolicy) =>
  grants.some((grant) => grant.roles.includes(Role.ANALYST));

/**
 * One type's audited fields and exemptions: the policy's own answer (released to case readers,
 * withheld from analysts), less the rule's exemptions, plus what the rule adds. Every field case
 * readers get is thus either audited or exempt with a reason.
 */
function personalDataOf(typeName: string, rule: PersonalDataRule): PersonalDataType {
  const granted = Object.entries(policy[typeName]?.fields ?? {}).filter(([, grants]) =>
    caseReadersRead(grants),
  );
  const sharedWithAnalysts = granted.filter(([, grants]) => analystsRead(grants));
  return {
    fields: [
      ...granted
        .filter(
          ([field, grants]) => (grants.freeText || !analystsRead(grants)) && !rule.exempt?.[field],
        )
        .map(([field]) => field),
      ...Object.keys(rule.alsoPersonal ?? {}),
    ],
    exempt: {
      ...each(
        sharedWithAnalysts.map(([field]) => field),
        ANALYSTS_SEE,
      ),
      ...rule.exempt,
    },
    subject: rule.subject,
  };
}

export const PERSONAL_DATA: Readonly<Record<string, PersonalDataType>> = Object.fromEntries(
  Object.entries(RULES).map(([typeName, rule]) => [typeName, personalDataOf(typeName, rule)]),
);

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
  'OsaraSharedNote',
];
