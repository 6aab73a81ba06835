import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import { PartnerRecordKind } from './partner-record-kind.enum';

/**
 * One write to a partner record: who (officer and partner), when, which fields changed and what
 * they held before. Append-only; read by the owner partner only, since earlier values are the
 * record's own content (clinical notes, intelligence).
 */
@Entity({ tableName: 'partner_record_revision' })
@Index({ properties: ['recordKind', 'recordId'] })
export class PartnerRecordRevision {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Enum({ items: () => PartnerRecordKind, type: 'text' })
  recordKind!: PartnerRecordKind;

  /** The record written (police_record, housing_record, ... by `recordKind`). */
  @Property({ type: 'uuid' })
  recordId!: string;

  /** The owner partner: the only partner that wrote it and the only one that reads it. */
  @ManyToOne(() => Partner)
  ownerPartner!: Partner;

  @ManyToOne(() => Person)
  person!: Person;

  @ManyToOne(() => User)
  changedBy!: User;

  @Property({ type: 'datetime' })
  changedAt!: Date;

  @Property({ type: 'text[]' })
  changedFields!: string[];

  /** Field name to its value before this write (null when the record was created). */
  @Property({ type: 'json' })
  earlierValues!: Record<string, unknown>;
}
