import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../users/user.entity';
import { Intervention } from './intervention.entity';

/** Proceedings for failing to comply with a CPN (2014 Act s.48), begun on `commencedAt`. */
@Entity({ tableName: 'prosecution' })
export class Prosecution {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Intervention)
  intervention!: Intervention;

  @Property({ type: 'datetime' })
  commencedAt!: Date;

  @ManyToOne(() => User)
  recordedBy!: User;
}
