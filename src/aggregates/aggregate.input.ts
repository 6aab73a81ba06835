import { Field, InputType } from 'type-graphql';
import { LocalDate } from '../common/scalars';
import { IncidentCategory } from '../incidents/incident-category.enum';
import { InterventionKind } from '../interventions/intervention-enums';

@InputType({
  description:
    'A period of whole days in UK time: from the start of `from` (inclusive) to the start of `to` (exclusive), at most 10 years.',
})
export class PeriodFilter {
  @Field(() => LocalDate)
  from!: string;

  @Field(() => LocalDate)
  to!: string;
}

@InputType({
  description:
    'Which incidents an aggregate counts: those that happened in the period (an incident known only to the month counts when its month starts in the period), optionally only in some LSOAs (codes the hub knows), one local authority, some categories, police force areas or reporting forces.',
})
export class AggregateFilter extends PeriodFilter {
  @Field(() => [String], { nullable: true, description: 'ONS LSOA codes, at most 1000.' })
  lsoaCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A local authority district name.' })
  localAuthority?: string | null;

  @Field(() => [IncidentCategory], { nullable: true })
  categories?: IncidentCategory[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Police force areas the incidents fall within, as data.police.uk names them ("Avon and Somerset Constabulary"), at most 50.',
  })
  policeForces?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Who reported the incidents to the police, as data.police.uk names them, at most 50.',
  })
  reportedBy?: string[] | null;
}

@InputType({
  description: 'Which interventions: issued in the period, optionally only of some kinds.',
})
export class InterventionFilter extends PeriodFilter {
  @Field(() => [InterventionKind], { nullable: true })
  kinds?: InterventionKind[] | null;
}
