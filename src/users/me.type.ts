import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './role.enum';

@ObjectType('Me', { description: 'You: your partner, your role, and your partner\u2019s cases.' })
export class MeType {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => Role)
  role!: Role;
}
