import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../context';
import { PartnerType } from '../partners/partner.type';
import { requireOptionalRow } from '../permissions/row-access';
import { UserAccountType } from '../users/user-account.type';
import { OnboardingChangeConnectionType, OnboardingChangeType } from './onboarding-change.type';
import { listOnboardingChanges } from './onboarding-changes';

@Resolver(() => OnboardingChangeType)
export class OnboardingChangeResolver {
  @Query(() => OnboardingChangeConnectionType, {
    nullable: true,
    description:
      'The audited changes to the staff directory (partners, their identity claims, users), newest first: administrators only. partnerId: changes to that partner, its claims and its users; userId: changes to that user. Reading it is audited.',
  })
  async onboardingChanges(
    @Arg('partnerId', () => ID, { nullable: true }) partnerId: string | null,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: HubContext,
  ) {
    return listOnboardingChanges(
      ctx.em,
      ctx.viewer,
      {
        partnerId: await requireOptionalRow(ctx, 'partner', partnerId),
        userId: await requireOptionalRow(ctx, 'user', userId),
        first,
        after,
      },
      ctx.config.maxPageSize,
    );
  }

  @FieldResolver(() => PartnerType, { nullable: true })
  partner(@Root() change: OnboardingChangeType, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(change.partnerId);
  }

  @FieldResolver(() => UserAccountType, {
    nullable: true,
    description: 'The user changed, for a USER change.',
  })
  user(@Root() change: OnboardingChangeType, @Ctx() ctx: HubContext) {
    return change.userId ? ctx.loaders.userById.load(change.userId) : null;
  }

  @FieldResolver(() => UserAccountType, {
    nullable: true,
    description: 'Who made it; null for the command line.',
  })
  actor(@Root() change: OnboardingChangeType, @Ctx() ctx: HubContext) {
    return ctx.loaders.userById.load(change.actorUserId);
  }
}
