import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';

/** A bank holiday in England and Wales: not a working day for case review timescales. */
@Entity({ tableName: 'bank_holiday' })
export class BankHoliday {
  /** ISO date. */
  @PrimaryKey({ type: 'date' })
  date!: string;

  @Property({ type: 'text' })
  name!: string;

  /** Null for the holidays the hub ships with; the administrator who added any other. */
  @ManyToOne(() => User, { nullable: true })
  addedBy?: User | null;
}
