import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchemaSync, type NonEmptyArray } from 'type-graphql';
import { ActionResolver, CaseActionsResolver } from './actions/action.resolver';
import { AggregateResolver } from './aggregates/aggregate.resolver';
import { auditReads } from './audit/audit-reads.middleware';
import { AuditResolver } from './audit/audit.resolver';
import { OnboardingChangeResolver } from './audit/onboarding-change.resolver';
import {
  AreaConfigurationResolver,
  ConfigurationChangeResolver,
} from './area-configuration/area-configuration.resolver';
import { CaseReviewResolver } from './case-reviews/case-review.resolver';
import {
  CaseReviewAlertResolver,
  CaseReviewApplicationResolver,
  CaseReviewRecommendationResolver,
} from './case-reviews/case-review-workflow.resolver';
import { DocumentResolver } from './documents/document.resolver';
import { ImportRunResolver } from './imports/import-run.resolver';
import { CaseMembershipResolver } from './cases/case-membership.resolver';
import { CorrespondenceLanguageResolver } from './people/correspondence-language.resolver';
import {
  CaseCorrectionsResolver,
  CasePersonCorrectionsResolver,
  CorrectionMutationResolver,
  CorrectionResolver,
  IncidentCorrectionsResolver,
} from './corrections/correction.resolver';
import {
  CasePersonRiskAssessmentsResolver,
  RiskAssessmentResolver,
} from './risk-assessments/risk-assessment.resolver';
import { CasePersonResolver } from './cases/case-person.resolver';
import { CaseConnectionResolver, CaseResolver } from './cases/case.resolver';
import { CaseDemandResolver } from './cases/case-demand.resolver';
import {
  IncidentPersonResolver,
  IncidentReportResolver,
  IncidentResolver,
} from './incidents/incident.resolver';
import {
  FixedPenaltyResolver,
  InterventionResolver,
  PersonInterventionsResolver,
  PossibleBreachResolver,
} from './interventions/intervention.resolver';
import {
  JointVisitAttendeeResolver,
  JointVisitResolver,
} from './joint-visits/joint-visit.resolver';
import {
  DrugAlcoholRecordResolver,
  PartnerRecordRevisionResolver,
  PartnerRecordWriteResolver,
  HousingRecordOwnerResolver,
  HousingRecordResolver,
  MentalHealthRecordResolver,
  PoliceRecordResolver,
} from './partner-records/partner-record.resolver';
import { MeetingAgendaItemResolver, MeetingResolver } from './meetings/meeting.resolver';
import { NotificationResolver } from './notifications/notification.resolver';
import {
  CaseOsaraResolver,
  OsaraPartnerRequestResolver,
  OsaraSharedNoteResolver,
  OsaraResolver,
  OsaraStageChangeResolver,
  OsaraWorkResolver,
} from './osara/osara.resolver';
import { PartnerResolver } from './partners/partner.resolver';
import { PersonResolver } from './people/person.resolver';
import { PersonMatchResolver } from './people/person-match.resolver';
import { PersonReferenceResolver } from './people/person-reference.resolver';
import { permissionWrappers } from './permissions/shield';
import { RetentionResolver } from './retention/retention.resolver';
import { SharingBasisResolver } from './sharing/sharing-basis.resolver';
import { SubjectAccessResolver } from './subject-access/subject-access.resolver';
import { SupportOfferResolver } from './support/support-offer.resolver';
import { MeResolver } from './users/me.resolver';
import { OfficerResolver } from './users/officer.resolver';
import { UserAccountResolver } from './users/user.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  MeResolver,
  PartnerResolver,
  AreaConfigurationResolver,
  ConfigurationChangeResolver,
  OfficerResolver,
  UserAccountResolver,
  CaseResolver,
  CaseConnectionResolver,
  CaseDemandResolver,
  CaseMembershipResolver,
  CorrespondenceLanguageResolver,
  CasePersonResolver,
  CorrectionMutationResolver,
  CorrectionResolver,
  IncidentCorrectionsResolver,
  CaseCorrectionsResolver,
  CasePersonCorrectionsResolver,
  RiskAssessmentResolver,
  CasePersonRiskAssessmentsResolver,
  PersonResolver,
  PersonMatchResolver,
  PersonReferenceResolver,
  IncidentResolver,
  IncidentReportResolver,
  IncidentPersonResolver,
  JointVisitResolver,
  JointVisitAttendeeResolver,
  SupportOfferResolver,
  InterventionResolver,
  FixedPenaltyResolver,
  PossibleBreachResolver,
  PersonInterventionsResolver,
  CaseReviewResolver,
  CaseReviewAlertResolver,
  CaseReviewApplicationResolver,
  CaseReviewRecommendationResolver,
  SharingBasisResolver,
  PoliceRecordResolver,
  HousingRecordOwnerResolver,
  HousingRecordResolver,
  MentalHealthRecordResolver,
  DrugAlcoholRecordResolver,
  PartnerRecordRevisionResolver,
  PartnerRecordWriteResolver,
  CaseOsaraResolver,
  OsaraResolver,
  OsaraStageChangeResolver,
  OsaraPartnerRequestResolver,
  OsaraSharedNoteResolver,
  OsaraWorkResolver,
  CaseActionsResolver,
  ActionResolver,
  NotificationResolver,
  AuditResolver,
  OnboardingChangeResolver,
  SubjectAccessResolver,
  RetentionResolver,
  MeetingResolver,
  MeetingAgendaItemResolver,
  DocumentResolver,
  AggregateResolver,
  ImportRunResolver,
];

/**
 * type-graphql wants a PubSub once a schema has a subscription, but the hub's only subscription
 * brings its own `subscribe` (the notification feed, reached through the context).
 */
const NO_PUBSUB = {
  publish: () => {
    throw new Error('The hub publishes through its notification dispatcher');
  },
  subscribe: () => {
    throw new Error('The hub subscribes through its notification feed');
  },
};

/** The schema as the code defines it, before permissions are applied. */
export function buildBareSchema(): GraphQLSchema {
  return buildSchemaSync({ resolvers, validate: false, pubSub: NO_PUBSUB });
}

/**
 * The schema the hub serves: every field behind the policy, and reads of personal data noted for
 * the audit once the policy has let them through (a refused field is never audited as read).
 * `permissions: false` is for the load benchmark only (`BENCH_UNSAFE_NO_PERMISSIONS`).
 */
export function buildHubSchema({ permissions: applyPolicy = true } = {}): GraphQLSchema {
  const bare = buildBareSchema();
  if (!applyPolicy) return applyMiddleware(bare, auditReads());
  return applyMiddleware(bare, permissionWrappers(bare), auditReads());
}

/** The SDL checked in at schema/schema.graphql. */
export function printHubSchema(schema: GraphQLSchema = buildBareSchema()): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
