import { Check, Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import { SharingBasisKind } from './sharing-basis-kind.enum';

/**
 * A recorded basis on which the owner partner releases its basis-gated fields about a person,
 * for one case and to the partners it names: a field is released only to a named partner, and
 * only when the person is seen through that case. A partner added to the case later is not
 * covered; the owner decides afresh (see `addPartnerToCase`).
 */
@Entity({ tableName: 'sharing_basis' })
@Index({ properties: ['person', 'ownerPartner'] })
// Only consent may stand without a documented override: any other basis (DPA 2018 sch.1 para 10
// or 18) is a supervisor's override naming its decision maker and lawful basis (issue 13). The
// service refuses it with BAD_USER_INPUT; this check keeps every other path (seed, SQL) honest.
@Check({
  name: 'sharing_basis_override_documented',
  expression: `((kind = 'CONSENT'::text) OR (override AND (btrim(COALESCE(decision_maker, ''::text)) <> ''::text) AND (btrim(COALESCE(lawful_basis, ''::text)) <> ''::text)))`,
})
export class SharingBasis {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Person)
  person!: Person;

  @ManyToOne(() => Partner)
  ownerPartner!: Partner;

  /** The case it was recorded for: it releases nothing on the person's other cases. */
  @ManyToOne(() => Case)
  case!: Case;

  /**
   * The partners it releases to, fixed when it was recorded (partners on the case then, never
   * the owner). Ids, checked against partners when written.
   */
  @Property({ type: 'uuid[]' })
  recipientPartnerIds!: string[];

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

  /**
   * Who withdrew it (a member of the owner partner), and why: consent withdrawn, risk passed. Or
   * whoever took the last partner it named off the case (`removePartnerFromCase`).
   */
  @ManyToOne(() => User, { nullable: true })
  withdrawnBy?: User | null;

  @Property({ type: 'text', nullable: true })
  withdrawalReason?: string | null;

  /**
   * An override: shared without the person's consent, on an article 9 condition (DPA 2018
   * schedule 1 paragraph 18 safeguarding, or paragraph 10 preventing or detecting unlawful acts),
   * recorded by a supervisor of the owner partner.
   */
  @Property({ type: 'boolean', default: false })
  override: boolean & Opt = false;

  /** Override: the named person who took the decision (a safeguarding lead, a Caldicott guardian). */
  @Property({ type: 'text', nullable: true })
  decisionMaker?: string | null;

  /** Override: the lawful basis relied on, in the decision maker's words. */
  @Property({ type: 'text', nullable: true })
  lawfulBasis?: string | null;
}
