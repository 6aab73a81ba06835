import { clock } from '../common/clock';
import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from '../partners/partner.entity';
import { Case } from './case.entity';

/** A partner taking part in a case. This row is what lets the partner see the case at all. */
@Entity({ tableName: 'case_partner' })
@Unique({ properties: ['partner', 'case'] })
export class CasePartner {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  @ManyToOne(() => Partner)
  partner!: Partner;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  joinedAt: Date & Opt = clock.now();
}
