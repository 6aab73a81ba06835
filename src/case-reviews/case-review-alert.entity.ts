import { clock } from '../common/clock';
import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Action } from '../actions/action.entity';
import { Case } from '../cases/case.entity';
import { Incident } from '../incidents/incident.entity';
import { Location } from '../locations/location.entity';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import { CaseReviewAlertStatus, CaseReviewRoute } from './case-review-workflow.enum';

/**
 * The hub noticed that an ASB case review route is met: partners should tell the victim and
 * consider a review. One open alert per case, route and victim (or location); later qualifying
 * complaints are added to its evidence.
 */
@Entity({ tableName: 'case_review_alert' })
@Index({ properties: ['case', 'route', 'status'] })
// "One open alert" enforced by PostgreSQL: two complaints crossing the threshold at once cannot
// raise two (issue 14; docs/rules.md "Concurrency").
@Index({
  name: 'case_review_alert_one_open_index',
  expression: `create unique index "case_review_alert_one_open_index" on "case_review_alert" ("case_id", "route", coalesce("victim_id", '00000000-0000-0000-0000-000000000000'::uuid), coalesce("location_id", '00000000-0000-0000-0000-000000000000'::uuid)) where "status" = 'OPEN'`,
})
export class CaseReviewAlert {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Case)
  case!: Case;

  @Enum({ items: () => CaseReviewRoute, type: 'text' })
  route!: CaseReviewRoute;

  /** The victim whose complaints met the route (victim and hate incident routes). */
  @ManyToOne(() => Person, { nullable: true })
  victim?: Person | null;

  /** The place reported (location route; hate incident with no victim named). */
  @ManyToOne(() => Location, { nullable: true })
  location?: Location | null;

  /** The window the counted complaints were made in, when the route was met. */
  @Property({ type: 'datetime' })
  windowStart!: Date;

  @Property({ type: 'datetime' })
  windowEnd!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  raisedAt: Date & Opt = clock.now();

  @Enum({ items: () => CaseReviewAlertStatus, type: 'text', default: CaseReviewAlertStatus.OPEN })
  status: CaseReviewAlertStatus & Opt = CaseReviewAlertStatus.OPEN;

  /** Why the partners dismissed it (free text: may name people). */
  @Property({ type: 'text', nullable: true })
  dismissedReason?: string | null;

  @ManyToOne(() => User, { nullable: true })
  closedBy?: User | null;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;
}

/** A qualifying complaint counted as evidence for an alert. */
@Entity({ tableName: 'case_review_alert_incident' })
@Unique({ properties: ['alert', 'incident'] })
export class CaseReviewAlertIncident {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => CaseReviewAlert)
  alert!: CaseReviewAlert;

  @ManyToOne(() => Incident)
  incident!: Incident;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  addedAt: Date & Opt = clock.now();
}

/**
 * 2025 statutory guidance: on a victim's second qualifying report in the window the victim must
 * be told about the case review. One notice per victim per window; the action is the task.
 */
@Entity({ tableName: 'case_review_victim_notice' })
@Index({ properties: ['case', 'victim'] })
export class CaseReviewVictimNotice {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Case)
  case!: Case;

  @ManyToOne(() => Person)
  victim!: Person;

  /** When the second complaint was made: the next notice is due only after a fresh window. */
  @Property({ type: 'datetime' })
  triggeredAt!: Date;

  @ManyToOne(() => Action)
  action!: Action;
}
