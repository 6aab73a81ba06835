import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RiskLevel } from '../cases/case-enums';
import { PersonRole } from '../people/person-role.enum';

@ObjectType('RiskAssessment', {
  description:
    'A dated, attributed risk assessment of a victim or perpetrator on a case; the latest sets the case\u2019s risk level.',
})
export class RiskAssessmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => PersonRole)
  role!: PersonRole;

  @Field(() => Int, { nullable: true })
  repeatVictimisation?: number | null;

  @Field(() => Int)
  vulnerability!: number;

  @Field(() => Int, { nullable: true })
  impact?: number | null;

  @Field(() => Int, { nullable: true })
  escalation?: number | null;

  @Field(() => Int, { nullable: true })
  riskOfHarm?: number | null;

  @Field(() => Int)
  score!: number;

  @Field(() => RiskLevel)
  riskLevel!: RiskLevel;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field()
  assessedAt!: Date;
}
