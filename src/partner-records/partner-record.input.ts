import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../common/scalars';

/*
 * Writing a partner record: the owner partner records what it holds about someone in a case it
 * takes part in. A field left out stays as it was; null clears it; a blank text is refused.
 */

@InputType()
abstract class PartnerRecordScopeInput {
  @Field(() => ID, { description: 'Someone in the case.' })
  personId!: string;

  @Field(() => ID, { description: 'A case your partner takes part in that the person is in.' })
  caseId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Your own system\u2019s reference for the record; a bulk import finds the record by it.',
  })
  sourceReference?: string | null;
}

@InputType({ description: 'Your police force\u2019s record about a person.' })
export class RecordPoliceRecordInput extends PartnerRecordScopeInput {
  @Field(() => String, { nullable: true })
  nominalReference?: string | null;

  @Field(() => String, { nullable: true })
  pncReference?: string | null;

  @Field(() => [String], { nullable: true, description: 'Marker codes, e.g. VIOLENT, WEAPONS.' })
  warningMarkers?: string[] | null;

  @Field(() => String, { nullable: true })
  warningsSummary?: string | null;

  @Field(() => String, { nullable: true, description: 'Never leaves the force.' })
  intelligence?: string | null;
}

@InputType({ description: 'Your housing provider\u2019s tenancy record about a person.' })
export class RecordHousingRecordInput extends PartnerRecordScopeInput {
  @Field(() => String, { nullable: true })
  tenancyReference?: string | null;

  @Field(() => String, { nullable: true })
  tenancyType?: string | null;

  @Field(() => LocalDate, { nullable: true })
  tenancyStartDate?: string | null;

  @Field(() => String, { nullable: true })
  tenancyConditions?: string | null;

  @Field(() => String, { nullable: true })
  tenancyBreaches?: string | null;

  @Field(() => String, { nullable: true, description: 'Stays with the provider.' })
  officerNotes?: string | null;
}

@InputType({ description: 'Your mental health service\u2019s record about a person.' })
export class RecordMentalHealthRecordInput extends PartnerRecordScopeInput {
  @Field(() => Boolean, { nullable: true })
  knownToServices?: boolean | null;

  @Field(() => String, { nullable: true })
  careContact?: string | null;

  @Field(() => String, { nullable: true })
  riskSummary?: string | null;

  @Field(() => String, { nullable: true, description: 'Never leaves the service.' })
  clinicalNotes?: string | null;
}

@InputType({ description: 'Your drug and alcohol service\u2019s record about a person.' })
export class RecordDrugAlcoholRecordInput extends PartnerRecordScopeInput {
  @Field(() => Boolean, { nullable: true })
  engagedInTreatment?: boolean | null;

  @Field(() => String, { nullable: true })
  keyWorkerContact?: string | null;

  @Field(() => String, { nullable: true, description: 'Never leaves the service.' })
  treatmentDetail?: string | null;
}
