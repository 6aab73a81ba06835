import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CaseReviewOutcome } from './case-review-decision.enum';
import { CaseReviewConsideration } from './case-review-workflow.enum';

@ObjectType('CaseReviewDecision', {
  description: 'An ASB case review (community trigger) decision.',
})
export class CaseReviewDecisionType {
  @Field(() => ID)
  id!: string;

  @Field()
  windowStart!: Date;

  @Field()
  windowEnd!: Date;

  @Field(() => Int, {
    description: 'N qualifying complaints in force (2014 Act s.104(4): at most 3)',
  })
  threshold!: number;

  @Field()
  thresholdMet!: boolean;

  @Field(() => CaseReviewOutcome)
  outcome!: CaseReviewOutcome;

  @Field(() => String, { nullable: true })
  reasons?: string | null;

  @Field()
  decidedAt!: Date;

  @Field(() => [CaseReviewConsideration], {
    description: 'What a discretionary review weighed (2014 Act s.104(5)).',
  })
  considerations!: CaseReviewConsideration[];
}
