import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../common/scalars';

@ObjectType('RetentionReviewCase', {
  description:
    'A closed case past the area\u2019s retention period (retentionYears from closure), due for a deletion review.',
})
export class RetentionReviewCaseType {
  @Field(() => ID)
  caseId!: string;

  @Field()
  reference!: string;

  @Field()
  closedAt!: Date;

  @Field(() => LocalDate, { description: 'The day the retention period ended.' })
  reviewDueOn!: string;
}

@ObjectType('IncidentCount', { description: 'Incidents of one category in one month.' })
export class IncidentCountType {
  @Field()
  category!: string;

  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('InterventionCount', { description: 'Interventions of one kind.' })
export class InterventionCountType {
  @Field()
  kind!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('DeletedCase', {
  description:
    'The tombstone of a case deleted after a retention review: its reference and counts for statistics, no personal data.',
})
export class DeletedCaseType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  caseId!: string;

  @Field()
  reference!: string;

  @Field()
  openedAt!: Date;

  @Field()
  closedAt!: Date;

  @Field()
  deletedAt!: Date;

  @Field()
  reason!: string;

  @Field(() => Int)
  peopleCount!: number;

  @Field(() => Int, { description: 'People in no other case, whose data was deleted.' })
  peopleDeleted!: number;

  @Field(() => [IncidentCountType])
  incidentCounts!: IncidentCountType[];

  @Field(() => [InterventionCountType])
  interventionCounts!: InterventionCountType[];
}

@InputType({ description: 'Approve the deletion of a closed case past its retention period.' })
export class ApproveCaseDeletionInput {
  @Field(() => ID)
  caseId!: string;

  @Field({ description: 'Why: the review\u2019s conclusion, kept on the tombstone.' })
  reason!: string;
}
