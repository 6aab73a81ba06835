import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../common/scalars';
import { CaseReviewApplicationChannel, CaseReviewStep } from './case-review-workflow.enum';

@InputType({
  description:
    'An ASB case review application, by the victim or on their behalf, received by your partner by any route.',
})
export class RecordCaseReviewApplicationInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID, { description: 'The victim in the case the application is by or for.' })
  victimId!: string;

  @Field(() => Date, { nullable: true, description: 'When it was made; defaults to now.' })
  appliedAt?: Date | null;

  @Field(() => CaseReviewApplicationChannel)
  channel!: CaseReviewApplicationChannel;

  @Field({ description: 'False when someone applied on the victim\u2019s behalf.' })
  madeByVictim!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when made on their behalf.' })
  applicantName?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The applicant\u2019s relationship to the victim (relative, councillor, advocate).',
  })
  applicantRelationship?: string | null;

  @Field(() => String, { nullable: true })
  applicantContact?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The open alert on this case that the application answers; it becomes ACTIONED.',
  })
  alertId?: string | null;
}

@InputType({
  description:
    'A dated step of an ASB case review. The decision and the recommendations have their own mutations.',
})
export class RecordCaseReviewStepInput {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => CaseReviewStep, {
    description: 'ACKNOWLEDGEMENT, REVIEW_MEETING, RESPONSE, APPEAL or CLOSURE.',
  })
  step!: CaseReviewStep;

  @Field(() => Date, { nullable: true, description: 'When it happened; defaults to now.' })
  at?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What the victim was told (RESPONSE, required), the grounds (APPEAL, required), closing notes (CLOSURE).',
  })
  notes?: string | null;
}

@InputType()
export class CaseReviewRecommendationInput {
  @Field(() => ID, { description: 'A partner taking part in the case.' })
  partnerId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => LocalDate)
  dueDate!: string;
}

@InputType({
  description:
    'The review meeting\u2019s recommendations, each an action for a partner on the case.',
})
export class RecordCaseReviewRecommendationsInput {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  recordedAt?: Date | null;

  @Field(() => [CaseReviewRecommendationInput])
  recommendations!: CaseReviewRecommendationInput[];
}

@InputType({ description: 'Dismiss an open case review alert, saying why.' })
export class DismissCaseReviewAlertInput {
  @Field(() => ID)
  alertId!: string;

  @Field()
  reason!: string;
}
