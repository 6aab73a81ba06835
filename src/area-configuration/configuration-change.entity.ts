import { clock } from '../common/clock';
import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../users/user.entity';

/** One changed setting: who, when, from what to what, and why. Never updated or deleted. */
@Entity({ tableName: 'configuration_change' })
export class ConfigurationChange {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  changedAt: Date & Opt = clock.now();

  @ManyToOne(() => User)
  changedBy!: User;

  /** The setting's GraphQL name (caseReviewThreshold) or a bank holiday ("bankHoliday"). */
  @Property({ type: 'text' })
  setting!: string;

  @Property({ type: 'text', nullable: true })
  oldValue?: string | null;

  @Property({ type: 'text', nullable: true })
  newValue?: string | null;

  @Property({ type: 'text' })
  reason!: string;
}
