import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Location } from '../locations/location.entity';
import { Person } from '../people/person.entity';
import { InterventionKind, InterventionStatus } from './intervention-enums';

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
}
