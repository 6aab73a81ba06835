import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('PartnerRecordImportRejection', { description: 'A row that was not written, and why.' })
export class PartnerRecordImportRejectionType {
  @Field(() => Int, { description: 'The physical line of the file (the header is line 1).' })
  line!: number;

  @Field(() => [String])
  reasons!: string[];
}

@ObjectType('PartnerRecordImport', {
  description: 'What an import of your partner\u2019s own records did: counts, and rejected lines.',
})
export class PartnerRecordImportType {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int, { description: 'Rows that matched the record as it was: nothing written.' })
  unchanged!: number;

  @Field(() => [PartnerRecordImportRejectionType])
  rejected!: PartnerRecordImportRejectionType[];
}
