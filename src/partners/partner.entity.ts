import { clock } from '../common/clock';
import { Entity, Enum, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { PartnerKind } from './partner-kind.enum';

/** An organisation that signs the sharing agreement: each owns its own records. */
@Entity({ tableName: 'partner' })
export class Partner {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'text', unique: true })
  name!: string;

  @Enum({ items: () => PartnerKind, type: 'text' })
  kind!: PartnerKind;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = clock.now();
}
