import { Check, Entity, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../users/user.entity';
import { Intervention } from './intervention.entity';

/**
 * A fixed penalty notice for failing to comply with a CPN (2014 Act s.52): at most £100, and no
 * prosecution for the offence within 14 days of it.
 */
@Entity({ tableName: 'fixed_penalty' })
@Check({
  name: 'fixed_penalty_at_most_100_pounds',
  expression: '(amount_pence >= 1) AND (amount_pence <= 10000)',
})
export class FixedPenalty {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Intervention)
  intervention!: Intervention;

  @Property({ type: 'datetime' })
  issuedAt!: Date;

  /** In pence, so £75.50 is 7550. */
  @Property({ type: 'integer' })
  amountPence!: number;

  @ManyToOne(() => User)
  recordedBy!: User;
}
