import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import { SharingBasisKind } from './sharing-basis-kind.enum';

/**
 * A recorded basis on which the owner partner releases its basis-gated fields about a person:
 * to one named partner, or to every partner on the person's cases when no recipient is named.
 */
@Entity({ tableName: 'sharing_basis' })
@Index({ properties: ['person', 'ownerPartner'] })
export class SharingBasis {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Person)
  person!: Person;

  @ManyToOne(() => Partner)
  ownerPartner!: Partner;

  @ManyToOne(() => Partner, { nullable: true })
  recipientPartner?: Partner | null;

  @Enum({ items: () => SharingBasisKind, type: 'text' })
  kind!: SharingBasisKind;

  /** Who decided and why: the person consented on a date, or the safeguarding concern. */
  @Property({ type: 'text' })
  reason!: string;

  @ManyToOne(() => User)
  decidedBy!: User;

  @Property({ type: 'datetime' })
  recordedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  withdrawnAt?: Date | null;
}
