import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../common/scalars';
import { ClosureSignOff, InterventionKind, InterventionStatus } from './intervention-enums';

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

  @Field(() => Date, { nullable: true, description: 'Closure notice: when it was served.' })
  servedAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Closure notice or order: when it stops having effect.',
  })
  endsAt?: Date | null;

  @Field(() => ClosureSignOff, {
    nullable: true,
    description: 'Closure notice over 24 hours: who authorised it (s.77).',
  })
  signOff?: ClosureSignOff | null;

  @Field(() => String, { nullable: true, description: 'The officer who signed it off.' })
  signedOffBy?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Closure order: when the magistrates heard the application.',
  })
  hearingAt?: Date | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Criminal behaviour order: the date of the conviction it was made on.',
  })
  convictionDate?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Civil injunction against someone under 18: when the youth offending team was consulted.',
  })
  youthOffendingTeamConsultedOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Mediation: the subject consented.' })
  subjectConsented?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Mediation: the other party consented.' })
  otherPartyConsented?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why a step the area\u2019s procedure expects first was skipped.',
  })
  skippedStepReason?: string | null;
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

@ObjectType('FixedPenalty', {
  description: 'A fixed penalty notice for failing to comply with a CPN (2014 Act s.52).',
})
export class FixedPenaltyType {
  @Field(() => ID)
  id!: string;

  @Field()
  issuedAt!: Date;

  @Field(() => Int, { description: 'In pence; at most 10000 (\u00a3100).' })
  amountPence!: number;
}

@ObjectType('Prosecution', {
  description: 'Proceedings for failing to comply with a CPN (2014 Act s.48).',
})
export class ProsecutionType {
  @Field(() => ID)
  id!: string;

  @Field()
  commencedAt!: Date;
}

@ObjectType('PossibleBreach', {
  description:
    'An incident recorded, maybe on another case, against the subject of a CPW or CPN in force. Says when, where it was recorded and by whom, not what happened.',
})
export class PossibleBreachType {
  @Field(() => ID)
  id!: string;

  @Field()
  flaggedAt!: Date;
}
