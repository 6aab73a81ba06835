import { clock } from '../common/clock';
import { Entity, Enum, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from '../partners/partner.entity';
import { Role } from './role.enum';

/** A person who signs in: a member of exactly one partner, with one role. */
@Entity({ tableName: 'app_user' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** The token's subject (`sub`). */
  @Property({ type: 'text', unique: true })
  username!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @ManyToOne(() => Partner)
  partner!: Partner;

  @Enum({ items: () => Role, type: 'text' })
  role!: Role;

  /** Where the hub's administrators reach them; not shown to anyone else. */
  @Property({ type: 'text', nullable: true })
  email?: string | null;

  /** Off: every token of theirs is refused, and their live subscriptions are closed. */
  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = clock.now();
}
