import { Field, ID, Int, ObjectType } from 'type-graphql';
import { InterventionKind } from '../interventions/intervention-enums';
import { PartnerKind } from '../partners/partner-kind.enum';

@ObjectType('PartnerDemand', {
  description:
    'Calls to one kind of partner: the case\u2019s incidents first reported to a partner of this kind in each window.',
})
export class PartnerDemandType {
  @Field(() => PartnerKind)
  partnerKind!: PartnerKind;

  @Field(() => Int)
  before!: number;

  @Field(() => Int)
  after!: number;
}

@ObjectType('DemandCounts', {
  description:
    'The case\u2019s incidents in the window before and the window after an intervention, exact (case data, not a statistical release); the totals count each incident once however many partners it was reported to.',
})
export class DemandCountsType {
  @Field(() => Int)
  before!: number;

  @Field(() => Int)
  after!: number;

  @Field(() => [PartnerDemandType], {
    description:
      'By the kind of partner the incidents were reported to; kinds with no calls left out.',
  })
  byPartner!: PartnerDemandType[];
}

@ObjectType('InterventionDemand', {
  description:
    'The case\u2019s own call demand before and after one of its interventions: at its premises and for its people.',
})
export class InterventionDemandType {
  @Field(() => ID)
  interventionId!: string;

  @Field(() => InterventionKind)
  kind!: InterventionKind;

  @Field()
  issuedAt!: Date;

  @Field(() => Int, { description: 'Days in each window, either side of issuedAt.' })
  windowDays!: number;

  @Field({ description: 'The before-window starts here (included).' })
  beforeFrom!: Date;

  @Field({ description: 'The after-window ends here (excluded).' })
  afterUntil!: Date;

  @Field({ description: 'False while the after-window is still running: its counts may grow.' })
  afterWindowEnded!: boolean;

  @Field(() => DemandCountsType, {
    description: 'Incidents at the intervention\u2019s premises or the place the case centres on.',
  })
  atPremises!: DemandCountsType;

  @Field(() => DemandCountsType, {
    description:
      'Incidents involving anyone in the case (any role) or the intervention\u2019s subject: counts only, never who.',
  })
  forPeople!: DemandCountsType;
}
