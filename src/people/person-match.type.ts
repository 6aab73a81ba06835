import { Field, Float, ID, ObjectType } from 'type-graphql';
import { PersonLinkMethod, PersonLinkStatus } from './person-link-enums';

@ObjectType('PersonMatch', {
  description:
    'Two person records the hub linked as one individual, or put to review. Seen by supervisors of a partner with a case holding either record; each sees only the records it could see anyway.',
})
export class PersonMatchType {
  @Field(() => ID)
  id!: string;

  @Field(() => PersonLinkStatus)
  status!: PersonLinkStatus;

  @Field(() => PersonLinkMethod)
  method!: PersonLinkMethod;

  @Field(() => Float, {
    nullable: true,
    description: 'Fellegi–Sunter match weight (log2 likelihood ratio); none for an identifier.',
  })
  score?: number | null;

  @Field({ description: 'NHS_NUMBER, PNC_ID, PARTNER_REFERENCE or NAME_AND_BIRTH_DATE.' })
  evidence!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt?: Date | null;
}
