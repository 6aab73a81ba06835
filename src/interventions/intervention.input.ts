import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../common/scalars';
import { ClosureSignOff, InterventionKind } from './intervention-enums';

@InputType({
  description:
    'A step on the escalation ladder. Fields marked for one kind are refused on any other; the ladder\u2019s rules (docs/rules.md) decide whether it may be issued.',
})
export class IssueInterventionInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => InterventionKind)
  kind!: InterventionKind;

  @Field(() => ID, {
    nullable: true,
    description:
      'The person it is issued to: someone in the case. Required except for closure powers.',
  })
  subjectPersonId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The premises, for closure powers: the case\u2019s location or that of an incident on the case.',
  })
  premisesLocationId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The partners issuing it, jointly or alone; defaults to yours. All must be on the case.',
  })
  issuingPartnerIds?: string[] | null;

  @Field({ description: 'When it was issued; not in the future.' })
  issuedAt!: Date;

  @Field({ description: 'The conduct named and what must stop.' })
  terms!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The date by which the conduct must stop. Required for a CPW.',
  })
  complianceDate?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why a step the area\u2019s procedure expects first (a warning letter before a CPW) was skipped. Statutory steps cannot be skipped.',
  })
  skippedStepReason?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Closure notice: when it was served on the premises.',
  })
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

  @Field(() => String, {
    nullable: true,
    description: 'Closure notice: the name of the officer who signed it off.',
  })
  signedOffBy?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Closure order: the closure notice on this case it was applied for under.',
  })
  closureNoticeId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Closure order: when the magistrates heard the application.',
  })
  hearingAt?: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Closure order: the earlier closure order on this case that this extends (s.82).',
  })
  extendsOrderId?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Criminal behaviour order: the date of the conviction it is made on.',
  })
  convictionDate?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Civil injunction against someone under 18: when the youth offending team was consulted.',
  })
  youthOffendingTeamConsultedOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Mediation: the subject consents.' })
  subjectConsented?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Mediation: the other party consents.' })
  otherPartyConsented?: boolean | null;
}

@InputType({ description: 'A breach of an intervention\u2019s terms.' })
export class RecordInterventionBreachInput {
  @Field(() => ID)
  interventionId!: string;

  @Field({ description: 'When the breach happened; not in the future, nor before the issue.' })
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The incident on the same case that shows it.' })
  incidentId?: string | null;

  @Field()
  details!: string;
}

@InputType({ description: 'A fixed penalty notice for failing to comply with a CPN (s.52).' })
export class RecordFixedPenaltyInput {
  @Field(() => ID, { description: 'The community protection notice.' })
  interventionId!: string;

  @Field()
  issuedAt!: Date;

  @Field(() => Int, { description: 'In pence: at most 10000 (\u00a3100).' })
  amountPence!: number;
}

@InputType({ description: 'Proceedings begun for failing to comply with a CPN (s.48).' })
export class RecordProsecutionInput {
  @Field(() => ID, { description: 'The community protection notice.' })
  interventionId!: string;

  @Field()
  commencedAt!: Date;
}
