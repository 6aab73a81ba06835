import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../context';
import { AggregateDimension, RepeatSubject } from './aggregate-enums';
import { AggregateFilter, InterventionFilter, PeriodFilter } from './aggregate.input';
import { AggregateTableType } from './aggregate.type';
import { caseReviewStatistics } from './case-review-statistics.service';
import { incidentCounts } from './incident-counts.service';
import { DEFAULT_WINDOW_DAYS, interventionImpact } from './intervention-impact.service';
import { interventionStatistics } from './intervention-statistics.service';
import { repeatDemand } from './repeat-demand.service';

/**
 * Aggregates for analysts and BI service accounts: the area's statistics over every incident in
 * the hub, not only the cases the viewer's partner takes part in, with small numbers suppressed.
 * Counts only: no answer names, or gives the id of, a person, an address or a case.
 */
@Resolver()
export class AggregateResolver {
  @Query(() => AggregateTableType, {
    nullable: true,
    description:
      'Incidents counted by one or two dimensions (periods, days of week and hours in UK time). Incidents whose time is known less exactly than a dimension needs are left out and counted in excludedForPrecision.',
  })
  incidentCounts(
    @Arg('filter', () => AggregateFilter) filter: AggregateFilter,
    @Arg('groupBy', () => [AggregateDimension]) groupBy: AggregateDimension[],
    @Ctx() ctx: HubContext,
  ) {
    return incidentCounts(ctx.em, filter, groupBy);
  }

  @Query(() => AggregateTableType, {
    nullable: true,
    description:
      'Repeat victims, perpetrators or places among the filtered incidents: how many had exactly 2, 3, 4, 5 to 9 and 10 or more incidents (SUBJECTS), and how many incidents those were (INCIDENTS).',
  })
  repeatDemand(
    @Arg('filter', () => AggregateFilter) filter: AggregateFilter,
    @Arg('subject', () => RepeatSubject) subject: RepeatSubject,
    @Ctx() ctx: HubContext,
  ) {
    return repeatDemand(ctx.em, filter, subject);
  }

  @Query(() => AggregateTableType, {
    nullable: true,
    description:
      'Demand before and after interventions issued in the period, per kind: incidents in the windowDays before each was issued and the windowDays from then on, at its premises when it has premises (closure powers), otherwise involving its subject in any role. Only interventions whose after-window has ended; the others are counted in excludedWindowNotEnded.',
  })
  interventionImpact(
    @Arg('filter', () => InterventionFilter) filter: InterventionFilter,
    @Arg('windowDays', () => Int, {
      defaultValue: DEFAULT_WINDOW_DAYS,
      description: '1 to 365 days.',
    })
    windowDays: number,
    @Arg('interventionId', () => ID, {
      nullable: true,
      description:
        'One intervention, for a viewer who may read its case; anyone else gets NOT_FOUND.',
    })
    interventionId: string | null | undefined,
    @Ctx() ctx: HubContext,
  ) {
    return interventionImpact(ctx.em, ctx.viewer, filter, windowDays, interventionId);
  }

  @Query(() => AggregateTableType, {
    nullable: true,
    description:
      'ASB case review statistics an area publishes (2014 Act s.104(10)): applications, decisions (threshold met, not met, and of those a discretionary review or none), reviews held and those with recommendations, appeals; each counted by the date of its own step.',
  })
  caseReviewStatistics(
    @Arg('filter', () => PeriodFilter) filter: PeriodFilter,
    @Ctx() ctx: HubContext,
  ) {
    return caseReviewStatistics(ctx.em, filter);
  }

  @Query(() => AggregateTableType, {
    nullable: true,
    description:
      'Interventions issued in the period per kind (and PERIOD_MONTH of issue if asked), and how many of them have a recorded breach.',
  })
  interventionStatistics(
    @Arg('filter', () => InterventionFilter) filter: InterventionFilter,
    @Arg('groupBy', () => [AggregateDimension], {
      defaultValue: [],
      description: 'Nothing, or PERIOD_MONTH.',
    })
    groupBy: AggregateDimension[],
    @Ctx() ctx: HubContext,
  ) {
    return interventionStatistics(ctx.em, filter, groupBy);
  }
}
