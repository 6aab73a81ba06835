import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CaseReviewDecisionType } from '../case-reviews/case-review-decision.type';
import { selectionOf } from '../common/selection';
import { requireId } from '../common/validate';
import type { HubContext } from '../context';
import { notFound } from '../errors';
import { IncidentType } from '../incidents/incident.type';
import { InterventionType } from '../interventions/intervention.type';
import { JointVisitType } from '../joint-visits/joint-visit.type';
import { LocationType } from '../locations/location.type';
import { PartnerType } from '../partners/partner.type';
import { SupportOfferType } from '../support/support-offer.type';
import { OfficerType } from '../users/officer.type';
import { CaseFilter, CaseOrder } from './case.input';
import { type CasePage, listCases } from './case-list';
import { loadCaseGraph } from './case-graph';
import { CasePersonType } from './case-person.type';
import type { Case } from './case.entity';
import { CaseConnectionType, CaseType } from './case.type';

@ArgsType()
export class CaseListArgs {
  @Field(() => Int, {
    defaultValue: 20,
    description: 'Page size; refused above the hub\u2019s cap.',
  })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => CaseFilter, { nullable: true })
  filter?: CaseFilter | null;

  @Field(() => CaseOrder, { defaultValue: CaseOrder.OPENED_AT_DESC })
  orderBy!: CaseOrder;
}

@Resolver(() => CaseType)
export class CaseResolver {
  @Query(() => CaseType, {
    nullable: true,
    description:
      'The shared case view. A case your partner is not part of answers NOT_FOUND, like one that does not exist.',
  })
  async case(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Case> {
    const found = await loadCaseGraph(ctx, requireId(id, 'case'), selectionOf(info));
    if (!found) throw notFound('case', id);
    return found;
  }

  @Query(() => CaseConnectionType, {
    nullable: true,
    description: 'Cases your partner leads or takes part in.',
  })
  cases(@Args() args: CaseListArgs, @Ctx() ctx: HubContext) {
    return listCases(ctx.em, ctx.viewer, args, ctx.config.maxPageSize);
  }

  @FieldResolver(() => PartnerType)
  leadPartner(@Root() c: Case, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(c.leadPartner.id);
  }

  @FieldResolver(() => OfficerType, { nullable: true })
  leadOfficer(@Root() c: Case, @Ctx() ctx: HubContext) {
    return c.leadOfficer ? ctx.loaders.userById.load(c.leadOfficer.id) : null;
  }

  @FieldResolver(() => LocationType, {
    nullable: true,
    description: 'The place the case centres on, if any.',
  })
  location(@Root() c: Case, @Ctx() ctx: HubContext) {
    return c.location ? ctx.loaders.locationById.load(c.location.id) : null;
  }

  @FieldResolver(() => [PartnerType], { description: 'Partners taking part, the lead first.' })
  async partners(@Root() c: Case, @Ctx() ctx: HubContext) {
    const rows = await ctx.loaders.partnersByCase.load(c.id);
    const partners = rows.map((row) => row.partner);
    return [
      ...partners.filter((p) => p.id === c.leadPartner.id),
      ...partners.filter((p) => p.id !== c.leadPartner.id),
    ];
  }

  @FieldResolver(() => [CasePersonType], { nullable: true })
  people(@Root() c: Case, @Ctx() ctx: HubContext) {
    return ctx.loaders.peopleByCase.load(c.id);
  }

  @FieldResolver(() => [IncidentType], { description: 'In the order they happened.' })
  async incidents(@Root() c: Case, @Ctx() ctx: HubContext) {
    return (await ctx.loaders.incidentsByCase.load(c.id)).map((link) => link.incident);
  }

  @FieldResolver(() => [JointVisitType], { nullable: true })
  jointVisits(@Root() c: Case, @Ctx() ctx: HubContext) {
    return ctx.loaders.visitsByCase.load(c.id);
  }

  @FieldResolver(() => [SupportOfferType], { nullable: true })
  supportOffers(@Root() c: Case, @Ctx() ctx: HubContext) {
    return ctx.loaders.offersByCase.load(c.id);
  }

  @FieldResolver(() => [InterventionType])
  interventions(@Root() c: Case, @Ctx() ctx: HubContext) {
    return ctx.loaders.interventionsByCase.load(c.id);
  }

  @FieldResolver(() => [CaseReviewDecisionType])
  caseReviewDecisions(@Root() c: Case, @Ctx() ctx: HubContext) {
    return ctx.loaders.decisionsByCase.load(c.id);
  }
}

@Resolver(() => CaseConnectionType)
export class CaseConnectionResolver {
  @FieldResolver(() => Int, { description: 'All cases matching the filter that you can see.' })
  totalCount(@Root() page: CasePage) {
    return page.countTotal();
  }
}
