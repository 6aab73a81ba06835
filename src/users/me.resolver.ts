import { Args, Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { listCases } from '../cases/case-list';
import { CaseListArgs } from '../cases/case.resolver';
import { CaseConnectionType } from '../cases/case.type';
import type { HubContext } from '../context';
import { PartnerType } from '../partners/partner.type';
import { MeType } from './me.type';

@Resolver(() => MeType)
export class MeResolver {
  @Query(() => MeType, { description: 'Who you are signed in as.' })
  me(@Ctx() ctx: HubContext) {
    const { userId, username, displayName, role } = ctx.viewer;
    return { id: userId, username, displayName, role };
  }

  @FieldResolver(() => PartnerType)
  partner(@Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(ctx.viewer.partnerId);
  }

  @FieldResolver(() => CaseConnectionType, {
    nullable: true,
    description: 'Cases your partner leads or takes part in.',
  })
  cases(@Args() args: CaseListArgs, @Ctx() ctx: HubContext) {
    return listCases(ctx.em, ctx.viewer, args, ctx.config.maxPageSize);
  }
}
