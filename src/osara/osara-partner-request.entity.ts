import { clock } from '../common/clock';
import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Partner } from '../partners/partner.entity';
import { User } from '../users/user.entity';

/**
 * OSARA scanning: a partner on the case asked for the data it holds about the problem, and when
 * it answered. Scanning is complete only once at least one partner has been asked.
 */
@Entity({ tableName: 'osara_partner_request' })
@Unique({ properties: ['case', 'partner'] })
export class OsaraPartnerRequest {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  /** The partner asked for its data. */
  @ManyToOne(() => Partner)
  partner!: Partner;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  askedAt: Date & Opt = clock.now();

  @ManyToOne(() => User)
  askedBy!: User;

  /** When the partner said it had shared what it holds. */
  @Property({ type: 'datetime', nullable: true })
  answeredAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  answeredBy?: User | null;
}
