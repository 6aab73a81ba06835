import { Field, ID, ObjectType } from 'type-graphql';
import { SupportKind, SupportResponse } from './support-enums';

@ObjectType('SupportOffer', { description: 'Support a partner offered someone, and their answer.' })
export class SupportOfferType {
  @Field(() => ID)
  id!: string;

  @Field(() => SupportKind)
  kind!: SupportKind;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field()
  offeredAt!: Date;

  @Field(() => SupportResponse)
  response!: SupportResponse;
}
