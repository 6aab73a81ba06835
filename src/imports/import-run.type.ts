import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PartnerType } from '../partners/partner.type';
import { ImportFormat, ImportStatus } from './import-enums';

@ObjectType('ImportRun', {
  description:
    'A bulk import of a partner\u2019s incidents, or of its own records about people, from a file, and how far it has got. Counts and status only: no row of the file.',
})
export class ImportRunType {
  @Field(() => ID)
  id!: string;

  @Field(() => PartnerType, { description: 'The partner whose records the file holds.' })
  partner!: PartnerType;

  @Field(() => ImportFormat)
  format!: ImportFormat;

  @Field({ description: 'The file\u2019s name as given, without folders.' })
  fileName!: string;

  @Field(() => ImportStatus)
  status!: ImportStatus;

  @Field(() => Float, {
    description: 'How much of the file has been committed, from 0 to 1 (by bytes of the file).',
  })
  progress!: number;

  @Field(() => Int, {
    description: 'Lines of the file committed so far, the header (line 1) included.',
  })
  linesRead!: number;

  @Field(() => Int, { description: 'Rows added as new incidents, or new partner records.' })
  rowsImported!: number;

  @Field(() => Int, {
    description:
      'Rows that changed a partner record already in the hub (found by the partner\u2019s own reference), each with a revision; 0 for incidents.',
  })
  rowsUpdated!: number;

  @Field(() => Int, {
    description:
      'Rows already in the hub as they are (the same partner\u2019s same incident, or a record the row would not change): counted, nothing written.',
  })
  rowsAlreadyPresent!: number;

  @Field(() => Int, { description: 'Rows refused, each in the rejected rows report.' })
  rowsRejected!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Where the rejected rows report can be downloaded (same bearer token), when rows were rejected.',
  })
  rejectedReportUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the run stopped, when it failed: importing the same file again resumes it.',
  })
  failure?: string | null;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt?: Date | null;
}
