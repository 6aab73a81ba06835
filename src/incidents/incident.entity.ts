import { clock } from '../common/clock';
import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ImportRun } from '../imports/import-run.entity';
import { Location } from '../locations/location.entity';
import { Partner } from '../partners/partner.entity';
import { OccurredPrecision } from './occurred-precision.enum';
import { IncidentCategory } from './incident-category.enum';
import { RecordKey } from '../db/record-key';

/**
 * One episode of ASB. The same episode reported to two partners is one incident with two reports,
 * so that it counts once towards the ASB case review threshold.
 */
@Entity({ tableName: 'incident' })
// Aggregates (src/aggregates/) group incidents by period, category, partner and area: this index
// answers them from the index alone (an index-only scan once the table is vacuumed), and serves
// every other search by when incidents happened.
@Index({
  name: 'incident_occurred_at_covering_index',
  expression:
    'create index "incident_occurred_at_covering_index" on "incident" ("occurred_at") include ("occurred_precision", "category", "recorded_by_partner_id", "area_code", "record_key", "police_force", "reported_by")',
})
// Repeat locations and demand before and after a closure order: incidents at one place, by time.
@Index({ properties: ['location', 'occurredAt'] })
export class Incident {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** When the behaviour happened (not when it was reported). */
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

  /** How exactly the source knew occurredAt: data.police.uk gives the month only. */
  @Enum({ items: () => OccurredPrecision, type: 'text', default: OccurredPrecision.EXACT })
  occurredPrecision: OccurredPrecision & Opt = OccurredPrecision.EXACT;

  /**
   * The partner that recorded it first. Aggregates count an incident once, under this partner,
   * so that counts by partner add up to the total.
   */
  @ManyToOne(() => Partner, { nullable: true })
  recordedByPartner?: Partner | null;

  /** The LSOA it happened in, copied from the location so counts by area need no join. */
  @Property({ type: 'text', nullable: true })
  areaCode?: string | null;

  /**
   * The police force area it falls within, as data.police.uk names it ("Falls within"); null when
   * a partner recorded it in the hub or the source did not say.
   */
  @Property({ type: 'text', nullable: true })
  policeForce?: string | null;

  /** Who reported it to the police, as data.police.uk names it ("Reported by"): a force, or BTP. */
  @Property({ type: 'text', nullable: true })
  reportedBy?: string | null;

  /** The record key of the cell key method: never shown (src/db/record-key.ts). */
  @RecordKey()
  recordKey?: number & Opt;

  /** The bulk import that brought it in; null when a partner recorded it in the hub. */
  @ManyToOne(() => ImportRun, { nullable: true })
  importRun?: ImportRun | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = clock.now();
}
