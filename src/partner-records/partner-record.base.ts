import { clock } from '../common/clock';
import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';

/** What every partner record shares: it is about one person and owned by one partner. */
@Entity({ abstract: true })
export abstract class PartnerRecordBase {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** The partner whose record this is; only it decides what leaves it. */
  @ManyToOne(() => Partner)
  ownerPartner!: Partner;

  @Index()
  @ManyToOne(() => Person)
  person!: Person;

  /** The owner's own reference for the record in its system: what a bulk import is keyed on. */
  @Property({ type: 'text', nullable: true })
  sourceReference?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = clock.now();
}
