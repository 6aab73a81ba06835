import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../context';
import type { Case } from './case.entity';
import { checkWindowDays } from '../aggregates/intervention-impact.service';
import { DEFAULT_CASE_DEMAND_DAYS } from './case-demand.service';
import { InterventionDemandType } from './case-demand.type';
import { CaseType } from './case.type';

@Resolver(() => CaseType)
export class CaseDemandResolver {
  @FieldResolver(() => [InterventionDemandType], {
    nullable: true,
    description:
      'The case\u2019s own call demand before and after each of its interventions, oldest first: its incidents at its premises and for its people, by the kind of partner they were reported to. Exact counts for the case\u2019s readers (the readers of Case.incidents), not a statistical release.',
  })
  demand(
    @Root() c: Case,
    @Ctx() ctx: HubContext,
    @Arg('windowDays', () => Int, {
      defaultValue: DEFAULT_CASE_DEMAND_DAYS,
      description: 'Days in each window either side of the intervention, 1 to 365.',
    })
    windowDays: number,
  ) {
    // The case was reached through row scoping (case view or case list): its readers only. The
    // window is checked here, so a bad one is this field's error, not its batch's.
    return ctx.loaders.demandByCase.load(`${checkWindowDays(windowDays)}:${c.id}`);
  }
}
