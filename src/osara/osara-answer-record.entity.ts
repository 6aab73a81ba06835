import { Entity, Enum, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { PartnerRecordKind } from '../partner-records/partner-record-kind.enum';
import { OsaraPartnerRequest } from './osara-partner-request.entity';

/**
 * One of the answering partner's own records given in answer to an OSARA data request: a record
 * about someone on the request's case. Who reads which of its fields is the record type's own
 * policy, read through the request's case.
 */
@Entity({ tableName: 'osara_answer_record' })
@Unique({ properties: ['request', 'recordId'] })
export class OsaraAnswerRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => OsaraPartnerRequest, { deleteRule: 'cascade' })
  request!: OsaraPartnerRequest;

  @Enum({ items: () => PartnerRecordKind, type: 'text' })
  recordKind!: PartnerRecordKind;

  /** The record given (police_record, housing_record, ... by `recordKind`). */
  @Property({ type: 'uuid' })
  recordId!: string;
}
