import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Location } from '../locations/location.entity';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import { ClosureSignOff, InterventionKind, InterventionStatus } from './intervention-enums';
import { RecordKey } from '../db/record-key';

/** A step on the escalation ladder, issued to a person or for premises. */
@Entity({ tableName: 'intervention' })
export class Intervention {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  @Enum({ items: () => InterventionKind, type: 'text' })
  kind!: InterventionKind;

  /** A warning follows the person, not the place. */
  @ManyToOne(() => Person, { nullable: true })
  subject?: Person | null;

  @ManyToOne(() => Location, { nullable: true })
  premises?: Location | null;

  /** Intervention statistics and impact select by when interventions were issued. */
  @Index()
  @Property({ type: 'datetime' })
  issuedAt!: Date;

  /** The conduct named and what must stop. */
  @Property({ type: 'text' })
  terms!: string;

  /** The date by which the conduct must stop (CPW) or the order's end. */
  @Property({ type: 'date', nullable: true })
  complianceDate?: string | null;

  @Enum({ items: () => InterventionStatus, type: 'text', default: InterventionStatus.ACTIVE })
  status: InterventionStatus & Opt = InterventionStatus.ACTIVE;

  /** Closure notice: when it was served on the premises (the 48 hours to the hearing run from here, s.80(3)). */
  @Property({ type: 'datetime', nullable: true })
  servedAt?: Date | null;

  /** Closure notice or order: when it stops having effect (ss.77, 80(6), 82). */
  @Property({ type: 'datetime', nullable: true })
  endsAt?: Date | null;

  /** Closure notice over 24 hours: who authorised it (s.77). */
  @Enum({ items: () => ClosureSignOff, type: 'text', nullable: true })
  signOff?: ClosureSignOff | null;

  /** The name of the officer who signed it off. */
  @Property({ type: 'text', nullable: true })
  signedOffBy?: string | null;

  /**
   * The earlier step this one rests on: the CPW a CPN follows (s.43(5)), the warning letter a CPW
   * follows (area procedure), the closure notice a closure order was applied for under (s.80(1)).
   * It may be on another case: a warning follows the person.
   */
  @ManyToOne(() => Intervention, { nullable: true })
  precededBy?: Intervention | null;

  /** Closure order: when the magistrates heard the application (s.80(3)). */
  @Property({ type: 'datetime', nullable: true })
  hearingAt?: Date | null;

  /** Closure order: the earlier order this one extends (s.82). */
  @ManyToOne(() => Intervention, { nullable: true })
  extendsOrder?: Intervention | null;

  /** Criminal behaviour order: the date of the conviction it was made on (s.22). */
  @Property({ type: 'date', nullable: true })
  convictionDate?: string | null;

  /** Civil injunction against someone under 18: when the youth offending team was consulted (s.14). */
  @Property({ type: 'date', nullable: true })
  youthOffendingTeamConsultedOn?: string | null;

  /** Mediation: the subject's consent is recorded. */
  @Property({ type: 'boolean', nullable: true })
  subjectConsented?: boolean | null;

  /** Mediation: the other party's consent is recorded. */
  @Property({ type: 'boolean', nullable: true })
  otherPartyConsented?: boolean | null;

  /** Why a step the area's procedure expects first was skipped (statutory steps cannot be). */
  @Property({ type: 'text', nullable: true })
  skippedStepReason?: string | null;

  /** Who recorded it in the hub; null for interventions recorded before the ladder was enforced. */
  @ManyToOne(() => User, { nullable: true })
  recordedBy?: User | null;

  /** The record key of the cell key method: never shown (src/db/record-key.ts). */
  @RecordKey()
  recordKey?: number & Opt;
}
