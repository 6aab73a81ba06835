import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Location } from '../locations/location.entity';
import { User } from '../users/user.entity';

/** A visit made by officers of two or more partners together. */
@Entity({ tableName: 'joint_visit' })
export class JointVisit {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  @Property({ type: 'datetime' })
  visitedAt!: Date;

  @ManyToOne(() => Location, { nullable: true })
  location?: Location | null;

  @Property({ type: 'text' })
  purpose!: string;

  @Property({ type: 'text' })
  outcome!: string;

  @ManyToOne(() => User, { nullable: true })
  recordedBy?: User | null;
}
