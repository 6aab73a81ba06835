import { clock } from '../common/clock';
import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from '../partners/partner.entity';
import { User } from '../users/user.entity';
import { PersonLinkMethod, PersonLinkStatus } from './person-link-enums';
import { Person } from './person.entity';

/**
 * Two person records the hub believes (LINKED) or suspects (REVIEW) are one individual. Linked
 * records form an identity cluster (the connected pairs); the ladder treats it as one person.
 */
@Entity({ tableName: 'person_link' })
@Unique({ properties: ['person', 'matchedPerson'] })
export class PersonLink {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** The record just created. */
  @Index()
  @ManyToOne(() => Person)
  person!: Person;

  /** The earlier record it was matched to. */
  @Index()
  @ManyToOne(() => Person)
  matchedPerson!: Person;

  @Enum({ items: () => PersonLinkMethod, type: 'text' })
  method!: PersonLinkMethod;

  @Enum({ items: () => PersonLinkStatus, type: 'text' })
  status!: PersonLinkStatus;

  /** The Fellegi–Sunter match weight (log2 of the likelihood ratio); null for an identifier. */
  @Property({ type: 'double', nullable: true })
  score?: number | null;

  /** Which evidence decided, e.g. NHS_NUMBER, PNC_ID, PARTNER_REFERENCE, NAME_AND_BIRTH_DATE. */
  @Property({ type: 'text' })
  evidence!: string;

  /** The partner whose recording found the pair. */
  @ManyToOne(() => Partner)
  recordedBy!: Partner;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = clock.now();

  @ManyToOne(() => User, { nullable: true })
  decidedBy?: User | null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;
}
