import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { inTransaction } from '../common/transaction';
import type { HubContext } from '../context';
import { IncidentType } from '../incidents/incident.type';
import { PersonType } from '../people/person.type';
import { OfficerType } from '../users/officer.type';
import { CaseReviewDecisionType } from './case-review-decision.type';
import type { CaseReviewDecision } from './case-review-decision.entity';
import { RecordCaseReviewDecisionInput } from './case-review.input';
import { recordCaseReviewDecision } from './case-review.service';

@Resolver(() => CaseReviewDecisionType)
export class CaseReviewResolver {
  @Mutation(() => CaseReviewDecisionType, {
    nullable: true,
    description:
      'Record an ASB case review (community trigger) decision; the hub checks the threshold.',
  })
  recordCaseReviewDecision(
    @Arg('input') input: RecordCaseReviewDecisionInput,
    @Ctx() ctx: HubContext,
  ) {
    return inTransaction(ctx, (em) => recordCaseReviewDecision(em, ctx.viewer, input));
  }

  @FieldResolver(() => PersonType, { nullable: true })
  victim(@Root() decision: CaseReviewDecision, @Ctx() ctx: HubContext) {
    return ctx.loaders.personById.load(decision.victim.id);
  }

  @FieldResolver(() => OfficerType, { nullable: true })
  decidedBy(@Root() decision: CaseReviewDecision, @Ctx() ctx: HubContext) {
    return ctx.loaders.userById.load(decision.decidedBy.id);
  }

  @FieldResolver(() => [IncidentType], {
    nullable: true,
    description: 'The qualifying complaints counted.',
  })
  async countedIncidents(@Root() decision: CaseReviewDecision, @Ctx() ctx: HubContext) {
    return (await ctx.loaders.countedIncidentsByDecision.load(decision.id)).map(
      (row) => row.incident,
    );
  }
}
