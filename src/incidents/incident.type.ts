import { Field, ID, ObjectType } from 'type-graphql';
import { PersonRole } from '../people/person-role.enum';
import { IncidentCategory } from './incident-category.enum';

@ObjectType('Incident', {
  description: 'A reported episode of ASB, with one report per partner that received it.',
})
export class IncidentType {
  @Field(() => ID)
  id!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => IncidentCategory)
  category!: IncidentCategory;

  @Field(() => String, { nullable: true, description: 'Free text; may name people.' })
  description?: string | null;

  @Field({ description: 'Recorded as a hate incident.' })
  hateIncident!: boolean;
}

@ObjectType('IncidentReport', {
  description: 'The report of an incident as one partner received it.',
})
export class IncidentReportType {
  @Field(() => ID)
  id!: string;

  @Field()
  reportedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The receiving partner system\u2019s own reference',
  })
  sourceReference?: string | null;
}

@ObjectType('IncidentPerson', { description: 'Someone involved in an incident, and how.' })
export class IncidentPersonType {
  @Field(() => PersonRole)
  role!: PersonRole;
}

@ObjectType('RecordIncidentPayload')
export class RecordIncidentPayload {
  @Field(() => IncidentType)
  incident!: IncidentType;

  @Field({
    description:
      'True when this report was attached to an incident already reported to another partner (the same episode counts once).',
  })
  attachedToExistingIncident!: boolean;
}
