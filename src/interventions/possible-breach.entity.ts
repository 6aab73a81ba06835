import { clock } from '../common/clock';
import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Incident } from '../incidents/incident.entity';
import { Partner } from '../partners/partner.entity';
import { PersonLink } from '../people/person-link.entity';
import { Intervention } from './intervention.entity';

/**
 * An incident recorded against someone with an active CPW or CPN, flagged on the case that issued
 * it: a warning follows the person, not the place. The issuing case's partners see when and on
 * which case it was recorded, and by whom, so they can ask; not the incident itself, which stays
 * with the partners on the case it was recorded on.
 */
@Entity({ tableName: 'possible_breach' })
@Unique({ properties: ['intervention', 'incident'] })
export class PossibleBreach {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Intervention)
  intervention!: Intervention;

  @ManyToOne(() => Incident)
  incident!: Incident;

  /** The case the incident was recorded on (maybe one the issuing partners do not take part in). */
  @ManyToOne(() => Case)
  recordedOnCase!: Case;

  /** The partner that recorded it: whom to ask. */
  @ManyToOne(() => Partner)
  recordedBy!: Partner;

  /**
   * The link by which the incident's perpetrator is the CPW's subject, when they are two linked
   * records of one individual. Undoing the link keeps the flag (the partners were told) and
   * shows it as coming from a link since undone.
   */
  @ManyToOne(() => PersonLink, { nullable: true })
  viaPersonLink?: PersonLink | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  flaggedAt: Date & Opt = clock.now();
}
