import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Location } from '../locations/location.entity';
import { IncidentCategory } from './incident-category.enum';

/**
 * One episode of ASB. The same episode reported to two partners is one incident with two reports,
 * so that it counts once towards the ASB case review threshold.
 */
@Entity({ tableName: 'incident' })
export class Incident {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** When the behaviour happened (not when it was reported). */
  @Index()
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Enum({ items: () => IncidentCategory, type: 'text' })
  category!: IncidentCategory;

  /** Free text: may name people, so it is personal data. */
  @Property({ type: 'text' })
  description!: string;

  @ManyToOne(() => Location, { nullable: true })
  location?: Location | null;

  /** Recorded as a hate incident: an area may make one such incident a case review route. */
  @Property({ type: 'boolean', default: false })
  hateIncident: boolean & Opt = false;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
