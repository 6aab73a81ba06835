import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../common/scalars';

@InputType({ description: 'A subject access request as received (UK GDPR art. 15).' })
export class RecordSubjectAccessRequestInput {
  @Field(() => ID, { description: 'The person asking, as held in the hub.' })
  personId!: string;

  @Field(() => LocalDate, { description: 'The day any partner received the request.' })
  receivedOn!: string;
}

@InputType({
  description:
    'Extend the deadline once, by two further months, where the request is complex or numerous (UK GDPR art. 12(3)).',
})
export class ExtendSubjectAccessRequestInput {
  @Field(() => ID)
  requestId!: string;

  @Field({ description: 'Why: the person must be told within the first month.' })
  reason!: string;
}
