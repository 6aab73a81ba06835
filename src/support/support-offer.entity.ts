import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import { SupportKind, SupportResponse } from './support-enums';

/** Support a partner offered someone in a case, and whether they took it up. */
@Entity({ tableName: 'support_offer' })
export class SupportOffer {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  @ManyToOne(() => Partner)
  offeredBy!: Partner;

  @ManyToOne(() => Person)
  person!: Person;

  @Enum({ items: () => SupportKind, type: 'text' })
  kind!: SupportKind;

  @Property({ type: 'text', nullable: true })
  details?: string | null;

  @Property({ type: 'datetime' })
  offeredAt!: Date;

  @Enum({ items: () => SupportResponse, type: 'text' })
  response!: SupportResponse;

  @ManyToOne(() => User, { nullable: true })
  recordedBy?: User | null;
}
