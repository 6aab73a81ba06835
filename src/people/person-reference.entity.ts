import { clock } from '../common/clock';
import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from '../partners/partner.entity';
import { Person } from './person.entity';

/**
 * A partner's own reference for a person (its case management system's id). Shown only to that
 * partner; the same partner giving the same reference twice means the same individual.
 */
@Entity({ tableName: 'person_reference' })
@Index({ properties: ['partner', 'reference'] })
export class PersonReference {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Person)
  person!: Person;

  @ManyToOne(() => Partner)
  partner!: Partner;

  @Property({ type: 'text' })
  reference!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = clock.now();
}
