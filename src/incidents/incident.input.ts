import { Field, ID, InputType } from 'type-graphql';
import { NewLocationInput } from '../locations/location.input';
import { PersonRole } from '../people/person-role.enum';
import { IncidentCategory } from './incident-category.enum';

@InputType()
export class IncidentPersonInput {
  @Field(() => ID, { description: 'Someone already in the case.' })
  personId!: string;

  @Field(() => PersonRole)
  role!: PersonRole;
}

@InputType({
  description:
    'An incident as your partner received it. If another partner already recorded the same episode, your report is attached to it instead of creating a second incident.',
})
export class RecordIncidentInput {
  @Field(() => ID)
  caseId!: string;

  @Field({ description: 'When the behaviour happened.' })
  occurredAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When your partner was told; defaults to now.',
  })
  reportedAt?: Date | null;

  @Field(() => IncidentCategory)
  category!: IncidentCategory;

  @Field()
  description!: string;

  @Field(() => ID, { nullable: true })
  locationId?: string | null;

  @Field(() => NewLocationInput, { nullable: true })
  newLocation?: NewLocationInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'Your system\u2019s own reference, e.g. a police log number.',
  })
  sourceReference?: string | null;

  @Field({
    defaultValue: false,
    description:
      'A hate incident (perceived as motivated by hostility to a protected characteristic); one can meet the area\u2019s case review route.',
  })
  hateIncident!: boolean;

  @Field(() => [IncidentPersonInput], { defaultValue: [] })
  people!: IncidentPersonInput[];

  @Field(() => ID, {
    nullable: true,
    description: 'The incident, already on this case, that this report is another account of.',
  })
  sameEpisodeAsIncidentId?: string | null;
}
