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

  /**
   * Whether a partner recording someone this partner already knows may be told "known to another
   * partner: ask the lead of case X" (docs/rules.md "One person across partners"). Off by default.
   */
  @Property({ type: 'boolean', default: false })
  revealsPersonMatches: boolean & Opt = false;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = clock.now();
}
