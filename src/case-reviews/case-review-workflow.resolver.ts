import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { inTransaction } from '../common/transaction';
import { LocalDate } from '../common/scalars';
import { requireId } from '../common/validate';
import type { HubContext } from '../context';
import { notFound } from '../errors';
import { CaseType } from '../cases/case.type';
import { IncidentType } from '../incidents/incident.type';
import { LocationType } from '../locations/location.type';
import { PartnerType } from '../partners/partner.type';
import { PersonType } from '../people/person.type';
import { CaseReviewDecisionType } from './case-review-decision.type';
import type { CaseReviewAlert } from './case-review-alert.entity';
import type { CaseReviewApplication } from './case-review-application.entity';
import {
  appealDeadline,
  deadlines,
  dismissCaseReviewAlert,
  recordCaseReviewApplication,
  recordCaseReviewRecommendations,
  recordCaseReviewStep,
} from './case-review-workflow.service';
import { CaseReviewAlertStatus } from './case-review-workflow.enum';
import {
  DismissCaseReviewAlertInput,
  RecordCaseReviewApplicationInput,
  RecordCaseReviewRecommendationsInput,
  RecordCaseReviewStepInput,
} from './case-review-workflow.input';
import {
  CaseReviewAlertType,
  CaseReviewApplicationType,
  CaseReviewDeadlineType,
  CaseReviewRecommendationType,
} from './case-review-workflow.type';
import {
  listAlerts,
  listApplications,
  overdueApplications,
  visibleApplication,
} from './case-review-workflow.queries';

@Resolver(() => CaseReviewAlertType)
export class CaseReviewAlertResolver {
  @Query(() => [CaseReviewAlertType], {
    nullable: true,
    description:
      'ASB case review alerts on cases your partner takes part in (open ones unless asked), with their evidence.',
  })
  caseReviewAlerts(
    @Arg('status', () => CaseReviewAlertStatus, { defaultValue: CaseReviewAlertStatus.OPEN })
    status: CaseReviewAlertStatus,
    @Arg('caseId', () => ID, { nullable: true }) caseId: string | null,
    @Ctx() ctx: HubContext,
  ) {
    return listAlerts(ctx.em, ctx.viewer, status, caseId);
  }

  @Mutation(() => CaseReviewAlertType, {
    nullable: true,
    description: 'Dismiss an open case review alert, saying why.',
  })
  dismissCaseReviewAlert(@Arg('input') input: DismissCaseReviewAlertInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => dismissCaseReviewAlert(em, ctx.viewer, input));
  }

  @FieldResolver(() => CaseType, { nullable: true })
  async case(@Root() alert: CaseReviewAlert, @Ctx() ctx: HubContext) {
    return (await ctx.loaders.visibleCaseById.load(alert.case.id)) ?? null;
  }

  @FieldResolver(() => PersonType, {
    nullable: true,
    description: 'The victim whose complaints met the route.',
  })
  victim(@Root() alert: CaseReviewAlert, @Ctx() ctx: HubContext) {
    return alert.victim ? ctx.loaders.personById.load(alert.victim.id) : null;
  }

  @FieldResolver(() => LocationType, { nullable: true, description: 'The place reported.' })
  location(@Root() alert: CaseReviewAlert, @Ctx() ctx: HubContext) {
    return alert.location ? ctx.loaders.locationById.load(alert.location.id) : null;
  }

  @FieldResolver(() => [IncidentType], {
    description: 'The qualifying complaints counted, each once however many partners were told.',
  })
  async countedIncidents(@Root() alert: CaseReviewAlert, @Ctx() ctx: HubContext) {
    return (await ctx.loaders.evidenceByAlert.load(alert.id)).map((row) => row.incident);
  }

  @FieldResolver(() => Int)
  async incidentCount(@Root() alert: CaseReviewAlert, @Ctx() ctx: HubContext) {
    return (await ctx.loaders.evidenceByAlert.load(alert.id)).length;
  }
}

@Resolver(() => CaseReviewApplicationType)
export class CaseReviewApplicationResolver {
  @Query(() => CaseReviewApplicationType, {
    nullable: true,
    description: 'An ASB case review application on a case your partner takes part in.',
  })
  async caseReviewApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    const found = await visibleApplication(
      ctx.em,
      ctx.viewer,
      requireId(id, 'case review application'),
    );
    if (!found) throw notFound('case review application', id);
    return found;
  }

  @Query(() => [CaseReviewApplicationType], {
    nullable: true,
    description: 'The ASB case review applications on a case, oldest first.',
  })
  async caseReviewApplications(@Arg('caseId', () => ID) caseId: string, @Ctx() ctx: HubContext) {
    const found = await ctx.loaders.visibleCaseById.load(requireId(caseId, 'case'));
    if (!found) throw notFound('case', caseId);
    return listApplications(ctx.em, found.id);
  }

  @Query(() => [CaseReviewApplicationType], {
    nullable: true,
    description:
      'For the case review coordinator: open applications on your partner\u2019s cases with a step past its working-day deadline.',
  })
  async overdueCaseReviewApplications(@Ctx() ctx: HubContext) {
    const { configuration, calendar } = await ctx.loaders.areaRules();
    return overdueApplications(ctx.em, ctx.viewer, (application) =>
      deadlines(application, configuration, calendar).some((d) => d.overdue),
    );
  }

  @Mutation(() => CaseReviewApplicationType, {
    nullable: true,
    description: 'Record an ASB case review application received by your partner.',
  })
  recordCaseReviewApplication(
    @Arg('input') input: RecordCaseReviewApplicationInput,
    @Ctx() ctx: HubContext,
  ) {
    return inTransaction(ctx, (em) => recordCaseReviewApplication(em, ctx.viewer, input));
  }

  @Mutation(() => CaseReviewApplicationType, {
    nullable: true,
    description:
      'Record a dated step of an ASB case review: acknowledgement, review meeting, response, appeal or closure, in that order.',
  })
  recordCaseReviewStep(@Arg('input') input: RecordCaseReviewStepInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => recordCaseReviewStep(em, ctx.viewer, input));
  }

  @Mutation(() => CaseReviewApplicationType, {
    nullable: true,
    description:
      'Record the review meeting\u2019s recommendations as actions for partners on the case.',
  })
  recordCaseReviewRecommendations(
    @Arg('input') input: RecordCaseReviewRecommendationsInput,
    @Ctx() ctx: HubContext,
  ) {
    return inTransaction(ctx, (em) => recordCaseReviewRecommendations(em, ctx.viewer, input));
  }

  @FieldResolver(() => CaseType, { nullable: true })
  async case(@Root() application: CaseReviewApplication, @Ctx() ctx: HubContext) {
    return (await ctx.loaders.visibleCaseById.load(application.case.id)) ?? null;
  }

  @FieldResolver(() => PersonType, {
    nullable: true,
    description: 'The victim the application is by or for.',
  })
  victim(@Root() application: CaseReviewApplication, @Ctx() ctx: HubContext) {
    return ctx.loaders.personById.load(application.victim.id);
  }

  @FieldResolver(() => PartnerType, { description: 'The partner that received it.' })
  receivedBy(@Root() application: CaseReviewApplication, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(application.receivedBy.id);
  }

  @FieldResolver(() => CaseReviewDecisionType, { nullable: true })
  decision(@Root() application: CaseReviewApplication, @Ctx() ctx: HubContext) {
    return application.decision ? ctx.loaders.decisionById.load(application.decision.id) : null;
  }

  @FieldResolver(() => [CaseReviewRecommendationType])
  async recommendations(@Root() application: CaseReviewApplication, @Ctx() ctx: HubContext) {
    return (await ctx.loaders.recommendationsByApplication.load(application.id)).map((row) => ({
      id: row.id,
      title: row.action.title,
      details: row.action.details,
      dueDate: row.action.dueDate,
      status: row.action.status,
      recordedAt: row.recordedAt,
      assignedPartnerId: row.action.assignedPartner.id,
    }));
  }

  @FieldResolver(() => [CaseReviewDeadlineType], {
    description:
      'Working-day deadlines from the area configuration: acknowledge, decide and meet from the application; respond from the meeting.',
  })
  async deadlines(@Root() application: CaseReviewApplication, @Ctx() ctx: HubContext) {
    const { configuration, calendar } = await ctx.loaders.areaRules();
    return deadlines(application, configuration, calendar);
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description: 'The last day to appeal, once the victim has had the response.',
  })
  async appealDeadline(@Root() application: CaseReviewApplication, @Ctx() ctx: HubContext) {
    const { configuration, calendar } = await ctx.loaders.areaRules();
    return appealDeadline(application, configuration, calendar);
  }
}

@Resolver(() => CaseReviewRecommendationType)
export class CaseReviewRecommendationResolver {
  @FieldResolver(() => PartnerType, { description: 'The partner the action is for.' })
  assignedPartner(@Root() row: { assignedPartnerId: string }, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(row.assignedPartnerId);
  }
}
