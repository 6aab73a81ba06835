import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Incident } from '../incidents/incident.entity';
import { Intervention } from './intervention.entity';

/** A recorded breach of an intervention's terms; a CPN needs one after the CPW (s.43). */
@Entity({ tableName: 'intervention_breach' })
export class InterventionBreach {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Intervention)
  intervention!: Intervention;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @ManyToOne(() => Incident, { nullable: true })
  incident?: Incident | null;

  @Property({ type: 'text' })
  details!: string;
}
