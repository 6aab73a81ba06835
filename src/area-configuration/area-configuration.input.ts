import { Field, Float, InputType, Int } from 'type-graphql';
import { LocalDate } from '../common/scalars';
import { CorrespondenceLanguage } from '../people/correspondence-language.enum';

@InputType({
  description:
    'Settings to change; those left out keep their value. Every change is audited with the reason.',
})
export class UpdateAreaConfigurationInput {
  @Field({ description: 'Why: quoted in the audit of configuration changes.' })
  reason!: string;

  @Field(() => Int, { nullable: true })
  caseReviewThreshold?: number | null;

  @Field(() => Int, { nullable: true })
  caseReviewWindowMonths?: number | null;

  @Field(() => Int, { nullable: true })
  qualifyingComplaintMonths?: number | null;

  @Field(() => Int, { nullable: true, description: 'Set 0 to turn the location route off.' })
  locationRouteReports?: number | null;

  @Field(() => Int, { nullable: true })
  locationRouteVictims?: number | null;

  @Field(() => Boolean, { nullable: true })
  hateIncidentRoute?: boolean | null;

  @Field(() => Int, { nullable: true })
  acknowledgeWorkingDays?: number | null;

  @Field(() => Int, { nullable: true })
  decideWorkingDays?: number | null;

  @Field(() => Int, { nullable: true })
  meetWorkingDays?: number | null;

  @Field(() => Int, { nullable: true })
  respondWorkingDays?: number | null;

  @Field(() => Int, { nullable: true })
  appealWindowWorkingDays?: number | null;

  @Field(() => String, { nullable: true })
  appealHeardBy?: string | null;

  @Field(() => Int, { nullable: true })
  cpnMinimumAge?: number | null;

  @Field(() => Int, { nullable: true })
  smallNumberThreshold?: number | null;

  @Field(() => Int, { nullable: true })
  perturbationMaxNoise?: number | null;

  @Field(() => Float, { nullable: true })
  perturbationVariance?: number | null;

  @Field(() => Int, { nullable: true })
  retentionYears?: number | null;

  @Field(() => CorrespondenceLanguage, {
    nullable: true,
    description: 'The language of letters to someone whose choice is not recorded.',
  })
  defaultCorrespondenceLanguage?: CorrespondenceLanguage | null;
}

@InputType()
export class AddBankHolidayInput {
  @Field(() => LocalDate)
  date!: string;

  @Field()
  name!: string;

  @Field({ description: 'Why: quoted in the audit of configuration changes.' })
  reason!: string;
}
