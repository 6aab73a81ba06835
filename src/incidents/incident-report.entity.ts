import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from '../partners/partner.entity';
import { User } from '../users/user.entity';
import { Incident } from './incident.entity';

/** The report of an incident as one partner received it: at most one per partner. */
@Entity({ tableName: 'incident_report' })
@Unique({ properties: ['incident', 'partner'] })
// A partner's own reference names one report: a client retrying after a timeout is answered the
// first report, never given a second (issue 14).
@Index({
  name: 'incident_report_partner_source_reference_unique',
  expression:
    'create unique index "incident_report_partner_source_reference_unique" on "incident_report" ("partner_id", "source_reference") where "source_reference" is not null',
})
export class IncidentReport {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Incident)
  incident!: Incident;

  @ManyToOne(() => Partner)
  partner!: Partner;

  /** When this partner was told; more than a month after the behaviour and it does not qualify for a case review. */
  @Property({ type: 'datetime' })
  reportedAt!: Date;

  /** The partner system's own reference (a police log number, a housing case number). */
  @Property({ type: 'text', nullable: true })
  sourceReference?: string | null;

  @ManyToOne(() => User, { nullable: true })
  recordedBy?: User | null;
}
