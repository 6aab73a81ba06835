import { Action } from '../actions/action.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Meeting, MeetingAgendaItem, MeetingPartner } from '../meetings/meeting.entity';
import { HubEvent } from '../notifications/hub-event.entity';
import { OsaraAnswerRecord } from '../osara/osara-answer-record.entity';
import { OsaraPartnerRequest } from '../osara/osara-partner-request.entity';
import { OsaraStageChange } from '../osara/osara-stage-change.entity';
import { AreaConfiguration } from '../area-configuration/area-configuration.entity';
import { BankHoliday } from '../area-configuration/bank-holiday.entity';
import { ConfigurationChange } from '../area-configuration/configuration-change.entity';
import { CaseReviewDecision } from '../case-reviews/case-review-decision.entity';
import {
  CaseReviewAlert,
  CaseReviewAlertIncident,
  CaseReviewVictimNotice,
} from '../case-reviews/case-review-alert.entity';
import {
  CaseReviewApplication,
  CaseReviewRecommendation,
} from '../case-reviews/case-review-application.entity';
import { CaseReviewIncident } from '../case-reviews/case-review-incident.entity';
import {
  LetterTemplate,
  LetterTemplateChange,
  SentLetter,
} from '../documents/letter-template.entity';
import { StatementReview } from '../documents/statement-review.entity';
import { CaseIncident } from '../cases/case-incident.entity';
import { Correction } from '../corrections/correction.entity';
import { RiskAssessment } from '../risk-assessments/risk-assessment.entity';
import { CasePartner } from '../cases/case-partner.entity';
import { CasePerson } from '../cases/case-person.entity';
import { Case } from '../cases/case.entity';
import { Osara } from '../cases/osara.embeddable';
import { IncidentPerson } from '../incidents/incident-person.entity';
import { IncidentReport } from '../incidents/incident-report.entity';
import { Incident } from '../incidents/incident.entity';
import { FixedPenalty } from '../interventions/fixed-penalty.entity';
import { InterventionBreach } from '../interventions/intervention-breach.entity';
import { InterventionPartner } from '../interventions/intervention-partner.entity';
import { Intervention } from '../interventions/intervention.entity';
import { PossibleBreach } from '../interventions/possible-breach.entity';
import { Prosecution } from '../interventions/prosecution.entity';
import { JointVisitAttendee } from '../joint-visits/joint-visit-attendee.entity';
import { JointVisitPerson } from '../joint-visits/joint-visit-person.entity';
import { JointVisit } from '../joint-visits/joint-visit.entity';
import { Location } from '../locations/location.entity';
import { Lsoa } from '../areas/lsoa.entity';
import { ImportRun, ImportUploadChunk } from '../imports/import-run.entity';
import { DrugAlcoholRecord } from '../partner-records/drug-alcohol-record.entity';
import { HousingRecord } from '../partner-records/housing-record.entity';
import { MentalHealthRecord } from '../partner-records/mental-health-record.entity';
import { PartnerRecordBase } from '../partner-records/partner-record.base';
import { PartnerRecordRevision } from '../partner-records/partner-record-revision.entity';
import { PoliceRecord } from '../partner-records/police-record.entity';
import { PartnerIdentity } from '../partners/partner-identity.entity';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { PersonLink } from '../people/person-link.entity';
import { PersonReference } from '../people/person-reference.entity';
import { DeletedCase } from '../retention/deleted-case.entity';
import { SharingBasis } from '../sharing/sharing-basis.entity';
import { SubjectAccessRequest } from '../subject-access/subject-access-request.entity';
import { SupportOffer } from '../support/support-offer.entity';
import { User } from '../users/user.entity';
import { IdempotentRequest } from '../http/idempotent-request.entity';

/** Every entity, listed once: discovery by folder globbing can silently miss one. */
export const entities = [
  Partner,
  PartnerIdentity,
  User,
  Person,
  PersonReference,
  PersonLink,
  Location,
  Lsoa,
  ImportRun,
  ImportUploadChunk,
  Incident,
  IncidentReport,
  IncidentPerson,
  Osara,
  Case,
  CasePartner,
  CasePerson,
  CaseIncident,
  Correction,
  RiskAssessment,
  PartnerRecordBase,
  PoliceRecord,
  HousingRecord,
  MentalHealthRecord,
  DrugAlcoholRecord,
  PartnerRecordRevision,
  JointVisit,
  JointVisitAttendee,
  JointVisitPerson,
  SupportOffer,
  Intervention,
  InterventionPartner,
  InterventionBreach,
  FixedPenalty,
  Prosecution,
  PossibleBreach,
  CaseReviewDecision,
  CaseReviewIncident,
  CaseReviewAlert,
  CaseReviewAlertIncident,
  CaseReviewVictimNotice,
  CaseReviewApplication,
  CaseReviewRecommendation,
  SharingBasis,
  AreaConfiguration,
  ConfigurationChange,
  BankHoliday,
  Action,
  HubEvent,
  OsaraPartnerRequest,
  OsaraAnswerRecord,
  OsaraStageChange,
  AuditEntry,
  SubjectAccessRequest,
  DeletedCase,
  Meeting,
  MeetingPartner,
  MeetingAgendaItem,
  StatementReview,
  LetterTemplate,
  LetterTemplateChange,
  SentLetter,
  IdempotentRequest,
];
