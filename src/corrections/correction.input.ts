import { Field, ID, InputType } from 'type-graphql';
import { RiskLevel } from '../cases/case-enums';
import { IncidentCategory } from '../incidents/incident-category.enum';
import { PersonRole } from '../people/person-role.enum';
import { Vulnerability } from '../people/vulnerability.enum';

@InputType({
  description:
    'Correct an incident your partner recorded: give the fields that were wrong, and why. The earlier values are kept.',
})
export class CorrectIncidentInput {
  @Field(() => ID)
  incidentId!: string;

  @Field({ description: 'Why the record was wrong: free text.' })
  reason!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => IncidentCategory, { nullable: true })
  category?: IncidentCategory | null;

  @Field(() => Date, { nullable: true })
  occurredAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'A place you can already see.' })
  locationId?: string | null;
}

@InputType({ description: 'Correct a case your partner leads. The earlier values are kept.' })
export class CorrectCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field()
  reason!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => RiskLevel, {
    nullable: true,
    description: 'A judgement by hand; a later risk assessment sets it again.',
  })
  riskLevel?: RiskLevel | null;
}

@InputType({
  description:
    'Correct someone\u2019s part in a case: the lead partner, or the partner that added them.',
})
export class CorrectCasePersonInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID)
  personId!: string;

  @Field()
  reason!: string;

  @Field(() => PersonRole, { nullable: true })
  role?: PersonRole | null;

  @Field(() => [Vulnerability], { nullable: true, description: 'The whole list, as it should be.' })
  vulnerabilities?: Vulnerability[] | null;
}

@InputType({ description: 'Take a person added by mistake off a case.' })
export class RemovePersonFromCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID)
  personId!: string;

  @Field()
  reason!: string;
}

@InputType({
  description:
    'Take a partner off a case it should not be on: the lead partner, or the partner itself. Its open actions pass to the lead partner and sharing bases stop releasing to it.',
})
export class RemovePartnerFromCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field({ description: 'Why the partner should not be on the case: free text.' })
  reason!: string;
}
