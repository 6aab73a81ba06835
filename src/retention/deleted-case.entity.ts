import { clock } from '../common/clock';
import { Entity, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../users/user.entity';

/** Incidents of a deleted case in one category and calendar month (YYYY-MM). */
export interface IncidentCount {
  category: string;
  month: string;
  count: number;
}

/** Interventions of a deleted case of one kind. */
export interface InterventionCount {
  kind: string;
  count: number;
}

/**
 * What remains of a closed case whose personal data was deleted after a retention review: its
 * reference and counts for statistics, never a name, an address or free text.
 */
@Entity({ tableName: 'deleted_case' })
export class DeletedCase {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** The deleted case's id, so the audit's entries about it can still be joined to this row. */
  @Property({ type: 'uuid', unique: true })
  caseId!: string;

  @Property({ type: 'text', unique: true })
  reference!: string;

  @Property({ type: 'datetime' })
  openedAt!: Date;

  @Property({ type: 'datetime' })
  closedAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  deletedAt: Date & Opt = clock.now();

  /** The data protection officer who approved the deletion. */
  @ManyToOne(() => User)
  approvedBy!: User;

  @Property({ type: 'text' })
  reason!: string;

  /** People who were in the case. */
  @Property({ type: 'integer' })
  peopleCount!: number;

  /** Of those, deleted: in no other case. The rest remain with their other cases. */
  @Property({ type: 'integer' })
  peopleDeleted!: number;

  @Property({ type: 'json' })
  incidentCounts!: IncidentCount[];

  @Property({ type: 'json' })
  interventionCounts!: InterventionCount[];
}
