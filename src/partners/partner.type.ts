import { Field, ID, ObjectType } from 'type-graphql';
import { PartnerKind } from './partner-kind.enum';

@ObjectType('Partner', { description: 'An organisation in the sharing agreement.' })
export class PartnerType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => PartnerKind)
  kind!: PartnerKind;
}
