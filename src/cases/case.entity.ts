import {
  Embedded,
  Entity,
  Enum,
  Index,
  ManyToOne,
  Opt,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Location } from '../locations/location.entity';
import { Partner } from '../partners/partner.entity';
import { User } from '../users/user.entity';
import { CaseCentre, CaseStatus, RiskLevel } from './case-enums';
import { Osara } from './osara.embeddable';

/** The problem being solved. The table is `asb_case` because CASE is reserved in SQL. */
@Entity({ tableName: 'asb_case' })
export class Case {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** Human reference quoted in meetings and letters, e.g. ASB-2026-0001. */
  @Property({ type: 'text', unique: true })
  reference!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  summary?: string | null;

  @Enum({ items: () => CaseCentre, type: 'text' })
  centredOn!: CaseCentre;

  /** The place the case centres on, when it does. */
  @ManyToOne(() => Location, { nullable: true })
  location?: Location | null;

  /** Always also a participant (case_partner), so row scoping needs one check. */
  @ManyToOne(() => Partner)
  leadPartner!: Partner;

  @ManyToOne(() => User, { nullable: true })
  leadOfficer?: User | null;

  @Enum({ items: () => RiskLevel, type: 'text' })
  riskLevel!: RiskLevel;

  @Index()
  @Enum({ items: () => CaseStatus, type: 'text', default: CaseStatus.OPEN })
  status: CaseStatus & Opt = CaseStatus.OPEN;

  @Index()
  @Property({ type: 'datetime' })
  openedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Embedded(() => Osara, { prefix: 'osara_' })
  osara: Osara & Opt = new Osara();
}
