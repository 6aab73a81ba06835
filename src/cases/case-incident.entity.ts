import { clock } from '../common/clock';
import { Entity, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Incident } from '../incidents/incident.entity';
import { Case } from './case.entity';

/** An incident linked to a case; one incident can matter to several cases. */
@Entity({ tableName: 'case_incident' })
@Unique({ properties: ['case', 'incident'] })
export class CaseIncident {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Case)
  case!: Case;

  @ManyToOne(() => Incident)
  incident!: Incident;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  linkedAt: Date & Opt = clock.now();
}
