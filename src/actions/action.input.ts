import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../common/scalars';

@InputType({ description: 'A task for a partner taking part in the case.' })
export class AssignActionInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID, { description: 'A partner taking part in the case.' })
  partnerId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => LocalDate, { description: 'Today or later.' })
  dueDate!: string;

  @Field({
    defaultValue: false,
    description:
      'Part of the case\u2019s OSARA response (what this partner will do); only while the case is at Response.',
  })
  osaraResponse!: boolean;
}

@InputType()
export class CompleteActionInput {
  @Field(() => ID)
  actionId!: string;
}

@InputType()
export class CancelActionInput {
  @Field(() => ID)
  actionId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}
