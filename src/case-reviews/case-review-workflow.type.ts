import { Field, ID, ObjectType } from 'type-graphql';
import { ActionStatus } from '../actions/action-enums';
import { LocalDate } from '../common/scalars';
import {
  CaseReviewAlertStatus,
  CaseReviewApplicationChannel,
  CaseReviewRoute,
  CaseReviewStep,
} from './case-review-workflow.enum';

@ObjectType('CaseReviewAlert', {
  description:
    'An ASB case review route met on a case: the victim should be told and a review considered.',
})
export class CaseReviewAlertType {
  @Field(() => ID)
  id!: string;

  @Field(() => CaseReviewRoute)
  route!: CaseReviewRoute;

  @Field(() => CaseReviewAlertStatus)
  status!: CaseReviewAlertStatus;

  @Field()
  raisedAt!: Date;

  @Field({ description: 'The window the counted complaints were made in, when the route was met.' })
  windowStart!: Date;

  @Field()
  windowEnd!: Date;

  @Field(() => String, { nullable: true, description: 'Free text; may name people.' })
  dismissedReason?: string | null;
}

@ObjectType('CaseReviewDeadline', {
  description: 'A step of an ASB case review and the day it is due, in working days.',
})
export class CaseReviewDeadlineType {
  @Field(() => CaseReviewStep)
  step!: CaseReviewStep;

  @Field(() => LocalDate, { description: 'The last working day to record the step on.' })
  dueDate!: string;

  @Field(() => Date, { nullable: true })
  completedAt?: Date | null;

  @Field({ description: 'Not recorded and its due day has passed.' })
  overdue!: boolean;
}

@ObjectType('CaseReviewRecommendation', {
  description: 'A recommendation of the review meeting: an action for a partner on the case.',
})
export class CaseReviewRecommendationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => LocalDate)
  dueDate!: string;

  @Field(() => ActionStatus)
  status!: ActionStatus;

  @Field()
  recordedAt!: Date;
}

@ObjectType('CaseReviewApplication', {
  description:
    'An ASB case review application and its steps, each dated, with working-day deadlines.',
})
export class CaseReviewApplicationType {
  @Field(() => ID)
  id!: string;

  @Field()
  madeByVictim!: boolean;

  @Field(() => String, { nullable: true })
  applicantName?: string | null;

  @Field(() => String, { nullable: true })
  applicantRelationship?: string | null;

  @Field(() => String, { nullable: true })
  applicantContact?: string | null;

  @Field(() => CaseReviewApplicationChannel)
  channel!: CaseReviewApplicationChannel;

  @Field()
  appliedAt!: Date;

  @Field(() => Date, { nullable: true })
  acknowledgedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  meetingHeldAt?: Date | null;

  @Field(() => Date, { nullable: true })
  respondedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'What the victim was told.' })
  responseSummary?: string | null;

  @Field(() => Date, { nullable: true })
  appealedAt?: Date | null;

  @Field(() => String, { nullable: true })
  appealGrounds?: string | null;

  @Field(() => String, { nullable: true })
  appealHeardBy?: string | null;

  @Field(() => Date, { nullable: true })
  closedAt?: Date | null;

  @Field(() => String, { nullable: true })
  closingNotes?: string | null;
}
