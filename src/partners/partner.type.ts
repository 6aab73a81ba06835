import { Field, ID, ObjectType } from 'type-graphql';
import { PartnerKind } from './partner-kind.enum';

@ObjectType('PartnerIdentity', {
  description:
    'An identity-provider claim that maps a token\u2019s holder to a partner: administrators only.',
})
export class PartnerIdentityType {
  @Field()
  issuer!: string;

  @Field()
  claim!: string;

  @Field()
  value!: string;
}

@ObjectType('Partner', { description: 'An organisation in the sharing agreement.' })
export class PartnerType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => PartnerKind)
  kind!: PartnerKind;
}
