import { Field, ID, ObjectType } from 'type-graphql';
import { CorrectedRecord } from './corrected-record.enum';

@ObjectType('Correction', {
  description:
    'One corrected field: what it said before, what it says now, why, by whom and when. Values of a field the reader may not read are null.',
})
export class CorrectionType {
  @Field(() => ID)
  id!: string;

  @Field(() => CorrectedRecord)
  record!: CorrectedRecord;

  @Field(() => ID)
  recordId!: string;

  @Field({
    description:
      'The field corrected, or `removed` when a person (CASE_PERSON) or a partner (CASE_PARTNER) was taken off the case.',
  })
  field!: string;

  @Field(() => String, { nullable: true })
  previousValue?: string | null;

  @Field(() => String, { nullable: true })
  newValue?: string | null;

  @Field(() => String, { nullable: true, description: 'Why: free text.' })
  reason?: string | null;

  @Field()
  correctedAt!: Date;

  @Field({ description: 'True when a risk assessment made the change.' })
  fromRiskAssessment!: boolean;
}
