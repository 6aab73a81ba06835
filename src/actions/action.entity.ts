import { clock } from '../common/clock';
import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Partner } from '../partners/partner.entity';
import { Meeting } from '../meetings/meeting.entity';
import { User } from '../users/user.entity';
import { ActionSource, ActionStatus } from './action-enums';

/** A task for a partner on a case, with a due date. */
@Entity({ tableName: 'action' })
@Index({ properties: ['assignedPartner', 'status', 'dueDate'] })
export class Action {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  @ManyToOne(() => Partner)
  assignedPartner!: Partner;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  details?: string | null;

  /** ISO date. */
  @Property({ type: 'date' })
  dueDate!: string;

  @Enum({ items: () => ActionStatus, type: 'text', default: ActionStatus.OPEN })
  status: ActionStatus & Opt = ActionStatus.OPEN;

  @Enum({ items: () => ActionSource, type: 'text', default: ActionSource.MANUAL })
  source: ActionSource & Opt = ActionSource.MANUAL;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = clock.now();

  /** Null when a rule of the hub raised it. */
  @ManyToOne(() => User, { nullable: true })
  createdBy?: User | null;

  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt?: Date | null;

  /** Why the action was cancelled: free text, read only by case readers. */
  @Property({ type: 'text', nullable: true })
  cancelReason?: string | null;

  /** Who completed or cancelled it: the assigned partner or the case's lead partner. */
  @ManyToOne(() => User, { nullable: true })
  closedBy?: User | null;

  /** The problem-solving group meeting that agreed it (source MEETING). */
  @Index()
  @ManyToOne(() => Meeting, { nullable: true })
  meeting?: Meeting | null;

  /** When the overdue sweep raised ACTION_OVERDUE for it: at most once per action. */
  @Property({ type: 'datetime', nullable: true })
  overdueRaisedAt?: Date | null;
}
