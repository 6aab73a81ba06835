import { Field, ID, ObjectType } from 'type-graphql';
import { PartnerType } from '../partners/partner.type';

@ObjectType('Officer', { description: 'A member of a partner\u2019s staff named on a case.' })
export class OfficerType {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => PartnerType)
  partner!: PartnerType;
}
