import { Field, ID, InputType } from 'type-graphql';
import { SupportKind, SupportResponse } from './support-enums';

@InputType({ description: 'Support offered to someone in the case, and their answer.' })
export class RecordSupportOfferInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID, { description: 'Someone in the case.' })
  personId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The partner that offered it; defaults to yours. Must be on the case.',
  })
  offeredByPartnerId?: string | null;

  @Field(() => SupportKind)
  kind!: SupportKind;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field()
  offeredAt!: Date;

  @Field(() => SupportResponse)
  response!: SupportResponse;
}
