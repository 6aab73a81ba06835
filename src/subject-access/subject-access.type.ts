import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../common/scalars';

@ObjectType('SubjectAccessRequest', {
  description:
    'A subject access request and its deadlines. The export: GET /subject-access/{id}.json or .html with the DPO\u2019s bearer token.',
})
export class SubjectAccessRequestType {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalDate)
  receivedOn!: string;

  @Field(() => LocalDate, { description: 'One calendar month from receipt.' })
  deadline!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Three calendar months from receipt, once extended.',
  })
  extendedDeadline?: string | null;

  @Field(() => String, { nullable: true })
  extensionReason?: string | null;

  @Field(() => Date, { nullable: true })
  completedAt?: Date | null;

  @Field()
  recordedAt!: Date;
}
