import { Field, ID, ObjectType } from 'type-graphql';
import { PartnerType } from '../partners/partner.type';
import { Role } from './role.enum';

@ObjectType('UserAccount', {
  description:
    'A user of the hub as its administrators manage them: who signs in, for which partner, in which role.',
})
export class UserAccountType {
  @Field(() => ID)
  id!: string;

  /** The user entity's `username`, under the name identity providers give it. */
  @Field({ name: 'subject', description: 'The subject (`sub`) of their tokens.' })
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => Role)
  role!: Role;

  @Field({ description: 'False: every token of theirs is refused.' })
  active!: boolean;

  @Field(() => PartnerType)
  partner!: PartnerType;

  @Field()
  createdAt!: Date;
}
