import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { inTransaction } from '../common/transaction';
import { LocalDate } from '../common/scalars';
import type { HubContext } from '../context';
import { badInput } from '../errors';
import { AddBankHolidayInput, UpdateAreaConfigurationInput } from './area-configuration.input';
import { addBankHoliday, updateAreaConfiguration } from './area-configuration.service';
import {
  AreaConfigurationType,
  BankHolidayType,
  ConfigurationChangeType,
} from './area-configuration.type';
import { AreaConfiguration } from './area-configuration.entity';
import { BankHoliday } from './bank-holiday.entity';
import { ConfigurationChange } from './configuration-change.entity';

@Resolver(() => AreaConfigurationType)
export class AreaConfigurationResolver {
  @Query(() => AreaConfigurationType, {
    nullable: true,
    description: 'The area\u2019s rules and timescales.',
  })
  areaConfiguration(@Ctx() ctx: HubContext) {
    return ctx.em.findOneOrFail(AreaConfiguration, { id: 1 });
  }

  @Query(() => [BankHolidayType], {
    nullable: true,
    description: 'Bank holidays between two dates (inclusive).',
  })
  bankHolidays(
    @Arg('from', () => LocalDate) from: string,
    @Arg('to', () => LocalDate) to: string,
    @Ctx() ctx: HubContext,
  ) {
    if (to < from) throw badInput('to is before from', 'to');
    return ctx.em.find(
      BankHoliday,
      { date: { $gte: from, $lte: to } },
      { orderBy: { date: 'asc' } },
    );
  }

  @Query(() => [ConfigurationChangeType], {
    nullable: true,
    description: 'Audited configuration changes, newest first.',
  })
  configurationChanges(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: HubContext,
  ) {
    if (first < 1 || first > ctx.config.maxPageSize) {
      throw badInput(`first must be from 1 to ${ctx.config.maxPageSize}`, 'first');
    }
    return ctx.em.find(
      ConfigurationChange,
      {},
      { orderBy: { changedAt: 'desc', id: 'asc' }, limit: first },
    );
  }

  @Mutation(() => AreaConfigurationType, {
    nullable: true,
    description: 'Change the area\u2019s rules; each change is audited.',
  })
  updateAreaConfiguration(
    @Arg('input') input: UpdateAreaConfigurationInput,
    @Ctx() ctx: HubContext,
  ) {
    return inTransaction(ctx, (em) => updateAreaConfiguration(em, ctx.viewer, input));
  }

  @Mutation(() => BankHolidayType, {
    nullable: true,
    description: 'Add a bank holiday (an extra one, or a future year\u2019s).',
  })
  addBankHoliday(@Arg('input') input: AddBankHolidayInput, @Ctx() ctx: HubContext) {
    return inTransaction(ctx, (em) => addBankHoliday(em, ctx.viewer, input));
  }
}

@Resolver(() => ConfigurationChangeType)
export class ConfigurationChangeResolver {
  @FieldResolver(() => String, { description: 'Who made the change.' })
  async changedByName(@Root() change: ConfigurationChange, @Ctx() ctx: HubContext) {
    return (await ctx.loaders.userById.load(change.changedBy.id))?.displayName ?? 'unknown';
  }
}
