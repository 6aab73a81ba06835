import { clock } from '../common/clock';
import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Partner } from '../partners/partner.entity';
import { User } from '../users/user.entity';

/**
 * A problem-solving group meeting: partners meet about a list of cases; each case gets a meeting
 * pack and leaves with actions assigned to partners.
 */
@Entity({ tableName: 'meeting' })
export class Meeting {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** When the group meets (or met). */
  @Index()
  @Property({ type: 'datetime' })
  heldAt!: Date;

  /** Who chairs it: often the council's ASB coordinator. Their partner always attends. */
  @ManyToOne(() => User)
  chair!: User;

  @ManyToOne(() => User)
  scheduledBy!: User;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  scheduledAt: Date & Opt = clock.now();

  /** When attendance was taken at the meeting; until then the partners listed are those expected. */
  @Property({ type: 'datetime', nullable: true })
  attendanceRecordedAt?: Date | null;

  /** The minutes: free text that names people, read only by case readers. */
  @Property({ type: 'text', nullable: true })
  minutes?: string | null;

  @Property({ type: 'datetime', nullable: true })
  minutesRecordedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  minutesRecordedBy?: User | null;
}

/** A partner attending a meeting (expected, until attendance is recorded). Only they see it. */
@Entity({ tableName: 'meeting_partner' })
@Unique({ properties: ['meeting', 'partner'] })
export class MeetingPartner {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Meeting)
  meeting!: Meeting;

  @Index()
  @ManyToOne(() => Partner)
  partner!: Partner;
}

/** A case on a meeting's agenda, in the order it is discussed. */
@Entity({ tableName: 'meeting_agenda_item' })
@Unique({ properties: ['meeting', 'case'] })
export class MeetingAgendaItem {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Meeting)
  meeting!: Meeting;

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  /** 1 for the first case discussed. */
  @Property({ type: 'integer' })
  position!: number;

  @ManyToOne(() => User)
  addedBy!: User;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  addedAt: Date & Opt = clock.now();
}
