import { Field, ID, ObjectType } from 'type-graphql';
import { PartnerRecordKind } from './partner-record-kind.enum';
import { LocalDate } from '../common/scalars';

/*
 * Each partner's record type. Every content field is nullable: what a viewer reads depends on
 * whether their partner owns the record or holds a sharing basis for it (see permissions/policy.ts).
 */

@ObjectType('PoliceRecord', { description: 'The police force\u2019s record about a person.' })
export class PoliceRecordType {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The owner\u2019s own reference for the record: the owner only.',
  })
  sourceReference?: string | null;

  @Field(() => String, { nullable: true })
  nominalReference?: string | null;

  @Field(() => String, { nullable: true, description: 'Police National Computer reference.' })
  pncReference?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Warning markers (codes such as VIOLENT, WEAPONS): shared with partners on the case.',
  })
  warningMarkers?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Warnings issued and arrests, as shared with partners.',
  })
  warningsSummary?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Police intelligence: never leaves the force.',
  })
  intelligence?: string | null;
}

@ObjectType('HousingRecord', { description: 'A housing provider\u2019s tenancy record.' })
export class HousingRecordType {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The owner\u2019s own reference for the record: the owner only.',
  })
  sourceReference?: string | null;

  @Field(() => String, { nullable: true })
  tenancyReference?: string | null;

  @Field(() => String, { nullable: true })
  tenancyType?: string | null;

  @Field(() => LocalDate, { nullable: true })
  tenancyStartDate?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Conditions of the tenancy relevant to the case.',
  })
  tenancyConditions?: string | null;

  @Field(() => String, { nullable: true })
  tenancyBreaches?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The housing officer\u2019s notes: stay with the provider.',
  })
  officerNotes?: string | null;
}

@ObjectType('MentalHealthRecord', { description: 'An NHS mental health service\u2019s record.' })
export class MentalHealthRecordType {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The owner\u2019s own reference for the record: the owner only.',
  })
  sourceReference?: string | null;

  @Field(() => Boolean, { nullable: true })
  knownToServices?: boolean;

  @Field(() => String, { nullable: true })
  careContact?: string | null;

  @Field(() => String, { nullable: true })
  riskSummary?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Clinical detail: never leaves the service.',
  })
  clinicalNotes?: string | null;
}

@ObjectType('DrugAlcoholRecord', { description: 'A drug and alcohol service\u2019s record.' })
export class DrugAlcoholRecordType {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The owner\u2019s own reference for the record: the owner only.',
  })
  sourceReference?: string | null;

  @Field(() => Boolean, { nullable: true })
  engagedInTreatment?: boolean;

  @Field(() => String, { nullable: true })
  keyWorkerContact?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Treatment detail: never leaves the service.',
  })
  treatmentDetail?: string | null;
}

@ObjectType('PartnerRecordRevision', {
  description: 'One write to a partner record: who, when, which fields and their earlier values.',
})
export class PartnerRecordRevisionType {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => PartnerRecordKind, { nullable: true })
  recordKind?: PartnerRecordKind;

  @Field(() => Date, { nullable: true })
  changedAt?: Date;

  @Field(() => [String], { nullable: true, description: 'The fields this write changed.' })
  changedFields?: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'The changed fields\u2019 values before this write, as a JSON object (null on creation).',
  })
  earlierValues?: string;
}
