import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CorrespondenceLanguage } from '../people/correspondence-language.enum';
import { LocalDate } from '../common/scalars';

@ObjectType('AreaConfiguration', {
  description: 'The area\u2019s own rules and timescales, set by its administrator.',
})
export class AreaConfigurationType {
  @Field(() => Int, {
    description:
      'N qualifying complaints in the window meet the case review threshold; at most 3 (2014 Act s.104(4)).',
  })
  caseReviewThreshold!: number;

  @Field(() => Int, {
    description: 'Months in which qualifying complaints are counted (s.104(11)).',
  })
  caseReviewWindowMonths!: number;

  @Field(() => Int, {
    description:
      'A complaint qualifies only if made within this many months of the behaviour (s.104(11)).',
  })
  qualifyingComplaintMonths!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Local route: reports about one location in the window (null: off).',
  })
  locationRouteReports?: number | null;

  @Field(() => Int, { description: 'Local route: from at least this many different victims.' })
  locationRouteVictims!: number;

  @Field({ description: 'Local route: a single hate incident meets the threshold.' })
  hateIncidentRoute!: boolean;

  @Field(() => Int)
  acknowledgeWorkingDays!: number;

  @Field(() => Int)
  decideWorkingDays!: number;

  @Field(() => Int)
  meetWorkingDays!: number;

  @Field(() => Int)
  respondWorkingDays!: number;

  @Field(() => Int)
  appealWindowWorkingDays!: number;

  @Field()
  appealHeardBy!: string;

  @Field(() => Int, {
    description:
      'Youngest age for a community protection notice (16 under s.43; 10 where the law has changed).',
  })
  cpnMinimumAge!: number;

  @Field(() => Int, { description: 'Aggregate cells below this count are suppressed.' })
  smallNumberThreshold!: number;

  @Field(() => Int, {
    description:
      'The cell key method: the most an aggregate count is moved up or down (0: exact counts, suppression alone).',
  })
  perturbationMaxNoise!: number;

  @Field(() => Float, {
    description:
      'The cell key method: the variance of that move, for counts far enough above the threshold to take it.',
  })
  perturbationVariance!: number;

  @Field(() => Int, {
    description:
      'Closed cases are listed for a deletion review this many years after closure (default 6).',
  })
  retentionYears!: number;

  @Field(() => CorrespondenceLanguage, {
    description:
      'The language of letters to someone whose choice is not recorded (BOTH puts Welsh first).',
  })
  defaultCorrespondenceLanguage!: CorrespondenceLanguage;

  @Field()
  updatedAt!: Date;
}

@ObjectType('ConfigurationChange', { description: 'One audited change to the area configuration.' })
export class ConfigurationChangeType {
  @Field()
  changedAt!: Date;

  @Field()
  setting!: string;

  @Field(() => String, { nullable: true })
  oldValue?: string | null;

  @Field(() => String, { nullable: true })
  newValue?: string | null;

  @Field()
  reason!: string;
}

@ObjectType('BankHoliday', {
  description: 'A bank holiday in England and Wales: not a working day.',
})
export class BankHolidayType {
  @Field(() => LocalDate)
  date!: string;

  @Field()
  name!: string;
}
