import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { badInput } from '../errors';
import { PartnerType } from '../partners/partner.type';
import { requireOptionalRow, requireRow } from '../permissions/row-access';
import { User } from './user.entity';
import { CreateUserInput, DeactivateUserInput, UpdateUserInput } from './user.input';
import { createUser, deactivateUser, updateUser } from './user.service';
import { UserAccountType } from './user-account.type';

@Resolver(() => UserAccountType)
export class UserAccountResolver {
  @Query(() => [UserAccountType], {
    nullable: true,
    description:
      'The hub\u2019s users, by partner then name (administrators); inactive ones too unless asked.',
  })
  async users(
    @Arg('partnerId', () => ID, { nullable: true }) partnerId: string | null,
    @Arg('activeOnly', { defaultValue: false }) activeOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: HubContext,
  ) {
    if (!Number.isInteger(first) || first < 1 || first > ctx.config.maxPageSize) {
      throw badInput(`first must be from 1 to ${ctx.config.maxPageSize}`, 'first');
    }
    const partner = await requireOptionalRow(ctx, 'partner', partnerId);
    return ctx.em.find(
      User,
      { ...(partner ? { partner } : {}), ...(activeOnly ? { active: true } : {}) },
      { orderBy: { partner: { name: 'asc' }, displayName: 'asc', id: 'asc' }, limit: first },
    );
  }

  @FieldResolver(() => PartnerType)
  partner(@Root() user: User, @Ctx() ctx: HubContext) {
    return ctx.loaders.partnerById.load(user.partner.id);
  }

  @Mutation(() => UserAccountType, {
    nullable: true,
    description:
      'Add a member of a partner\u2019s staff who may sign in (administrators); audited.',
  })
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, async (em) => {
      const partnerId = await requireRow({ em, viewer: ctx.viewer }, 'partner', input.partnerId);
      return createUser(em, partnerId, input);
    });
  }

  @Mutation(() => UserAccountType, {
    nullable: true,
    description:
      'Change a user\u2019s role, name, email or whether they may sign in; takes effect on their next request. Audited.',
  })
  updateUser(@Arg('input') input: UpdateUserInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, async (em) => {
      const id = await requireRow({ em, viewer: ctx.viewer }, 'user', input.id);
      return updateUser(em, ctx.viewer, id, input);
    });
  }

  @Mutation(() => UserAccountType, {
    nullable: true,
    description:
      'Stop a user signing in, at once: their next request is refused and their live subscriptions close. Audited.',
  })
  deactivateUser(@Arg('input') input: DeactivateUserInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, async (em) => {
      const id = await requireRow({ em, viewer: ctx.viewer }, 'user', input.id);
      return deactivateUser(em, ctx.viewer, id);
    });
  }
}
