import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../common/scalars';
import { InterventionKind, InterventionStatus } from './intervention-enums';

@ObjectType('Intervention', { description: 'A step on the escalation ladder.' })
export class InterventionType {
  @Field(() => ID)
  id!: string;

  @Field(() => InterventionKind)
  kind!: InterventionKind;

  @Field()
  issuedAt!: Date;

  @Field(() => String, { nullable: true, description: 'The conduct named and what must stop.' })
  terms?: string | null;

  @Field(() => LocalDate, { nullable: true })
  complianceDate?: string | null;

  @Field(() => InterventionStatus)
  status!: InterventionStatus;
}

@ObjectType('InterventionBreach')
export class InterventionBreachType {
  @Field(() => ID)
  id!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => String, { nullable: true })
  details?: string | null;
}
