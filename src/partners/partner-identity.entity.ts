import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { clock } from '../common/clock';
import { Partner } from './partner.entity';

/**
 * How an identity provider says someone belongs to a partner: a token from `issuer` whose claim
 * `claim` has the value `value` (a tenant or organisation id) is a member of `partner`. One such
 * triple names one partner only.
 */
@Entity({ tableName: 'partner_identity' })
@Unique({
  properties: ['issuer', 'claim', 'value'],
  name: 'partner_identity_issuer_claim_value_unique',
})
export class PartnerIdentity {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Partner, { deleteRule: 'cascade' })
  partner!: Partner;

  /** The token's `iss`, exactly as AUTH_TRUSTED_ISSUERS names the issuer. */
  @Property({ type: 'text' })
  issuer!: string;

  /** The claim naming the organisation (`tid`, `org_id`, ...). */
  @Property({ type: 'text' })
  claim!: string;

  @Property({ type: 'text' })
  value!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = clock.now();
}
