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

  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;
}
