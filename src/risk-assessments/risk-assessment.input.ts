import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({
  description:
    'A risk assessment of a victim (repeatVictimisation, vulnerability, impact) or a perpetrator (escalation, riskOfHarm, vulnerability) on a case: each factor 0 (none) to 3 (high).',
})
export class RecordRiskAssessmentInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID, { description: 'A victim or perpetrator on the case.' })
  personId!: string;

  @Field(() => Date, { nullable: true, description: 'Defaults to now; cannot be in the future.' })
  assessedAt?: Date | null;

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

  @Field(() => String, { nullable: true, description: 'Free text.' })
  notes?: string | null;
}
