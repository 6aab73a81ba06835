import { Field, ID, InputType } from 'type-graphql';
import { CaseReviewOutcome } from './case-review-decision.enum';
import { CaseReviewConsideration } from './case-review-workflow.enum';

@InputType({
  description:
    'An ASB case review decision: the qualifying complaints counted, and what the partners decided and why.',
})
export class RecordCaseReviewDecisionInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID, { description: 'The victim in the case the application was made by or for.' })
  victimId!: string;

  @Field(() => [ID], { description: 'Incidents on this case counted as qualifying complaints.' })
  incidentIds!: string[];

  @Field(() => CaseReviewOutcome)
  outcome!: CaseReviewOutcome;

  @Field({
    description:
      'Why: for a discretionary review, persistence, harm or potential harm, adequacy of response.',
  })
  reasons!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'Defaults to now; the 6-month window ends here.',
  })
  decidedAt?: Date | null;

  @Field(() => [CaseReviewConsideration], {
    nullable: true,
    description:
      'What the partners weighed (2014 Act s.104(5)); required for a discretionary review of an application.',
  })
  considerations?: CaseReviewConsideration[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The application this decides: acknowledged, for the same victim on the same case, not yet decided.',
  })
  applicationId?: string | null;
}
