import { Field, ID, InputType } from 'type-graphql';
import { SharingBasisKind } from './sharing-basis-kind.enum';

@InputType({
  description:
    "Record the basis on which your partner releases its fields about a person: the person's consent, or a lawful basis.",
})
export class RecordSharingBasisInput {
  @Field(() => ID, { description: 'Someone in a case your partner takes part in.' })
  personId!: string;

  @Field(() => SharingBasisKind)
  kind!: SharingBasisKind;

  @Field({ description: 'Who consented and when, or the safeguarding concern and who decided.' })
  reason!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Release to this partner only; omit for every partner on the person\u2019s cases.',
  })
  recipientPartnerId?: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;
}
