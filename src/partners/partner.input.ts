import { Field, ID, InputType } from 'type-graphql';
import { PartnerKind } from './partner-kind.enum';

@InputType({
  description:
    'A claim an identity provider puts in its tokens that says the holder belongs to a partner: a token from `issuer` whose claim `claim` has the value `value`.',
})
export class PartnerIdentityInput {
  @Field({ description: 'The token\u2019s `iss`, one of the hub\u2019s trusted issuers.' })
  issuer!: string;

  @Field({ description: 'The claim that names the organisation, such as `tid` or `org_id`.' })
  claim!: string;

  @Field({ description: 'The organisation\u2019s value of that claim.' })
  value!: string;
}

@InputType({ description: 'A new partner in the sharing agreement.' })
export class CreatePartnerInput {
  @Field(() => PartnerKind)
  kind!: PartnerKind;

  @Field()
  name!: string;

  @Field(() => [PartnerIdentityInput], {
    nullable: true,
    description: 'The identity-provider claims that map a token\u2019s holder to this partner.',
  })
  identities?: PartnerIdentityInput[] | null;
}

@InputType({ description: 'Changes to a partner; what is left out is kept.' })
export class UpdatePartnerInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [PartnerIdentityInput], {
    nullable: true,
    description: 'Replaces every identity-provider claim of the partner (an empty list: none).',
  })
  identities?: PartnerIdentityInput[] | null;
}
