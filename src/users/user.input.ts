import { Field, ID, InputType } from 'type-graphql';
import { Role } from './role.enum';

@InputType({ description: 'A new member of a partner\u2019s staff who signs in to the hub.' })
export class CreateUserInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => Role)
  role!: Role;

  @Field({
    description:
      'The subject (`sub`) their identity provider puts in their tokens; unique in the hub.',
  })
  subject!: string;

  @Field({ description: 'Their name as other partners see it on cases.' })
  displayName!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType({ description: 'Changes to a user; what is left out is kept.' })
export class UpdateUserInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False deactivates them at once, as `deactivateUser` does.',
  })
  active?: boolean | null;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string removes it.' })
  email?: string | null;
}

@InputType()
export class DeactivateUserInput {
  @Field(() => ID)
  id!: string;
}
