import { clock } from '../common/clock';
import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';

/**
 * A person's request for everything held about them (UK GDPR art. 15), recorded and answered by
 * the data protection officer: due one calendar month from receipt, extendable once by two further
 * months with a reason (art. 12(3)).
 */
@Entity({ tableName: 'subject_access_request' })
export class SubjectAccessRequest {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** Null once the person's data has been deleted after a retention review. */
  @Index()
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  person?: Person | null;

  /** The day the request reached any partner: the month runs from here. */
  @Property({ type: 'date' })
  receivedOn!: string;

  /** One calendar month from receipt (31 January gives 28 February). */
  @Property({ type: 'date' })
  deadline!: string;

  /** Three calendar months from receipt, once extended (art. 12(3): two further months). */
  @Property({ type: 'date', nullable: true })
  extendedDeadline?: string | null;

  @Property({ type: 'text', nullable: true })
  extensionReason?: string | null;

  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;

  @ManyToOne(() => User)
  recordedBy!: User;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date & Opt = clock.now();
}
