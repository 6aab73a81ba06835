import { clock } from '../common/clock';
import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { OsaraStage } from '../cases/case-enums';
import { Case } from '../cases/case.entity';
import { User } from '../users/user.entity';
import { OsaraStageChangeKind } from './osara-enums';

/** The history of a case's OSARA stage: who moved it, when, and why an earlier stage was reopened. */
@Entity({ tableName: 'osara_stage_change' })
export class OsaraStageChange {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  @Enum({ items: () => OsaraStage, type: 'text' })
  fromStage!: OsaraStage;

  @Enum({ items: () => OsaraStage, type: 'text' })
  toStage!: OsaraStage;

  @Enum({ items: () => OsaraStageChangeKind, type: 'text' })
  kind!: OsaraStageChangeKind;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  changedAt: Date & Opt = clock.now();

  @ManyToOne(() => User)
  changedBy!: User;

  /** Required when an earlier stage is reopened: what made the partners revisit it. */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
