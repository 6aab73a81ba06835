import { clock } from '../common/clock';
import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Partner } from '../partners/partner.entity';
import { HubEventKind } from './hub-event-kind.enum';

/**
 * The outbox: an event is written in the same transaction as its cause, so it exists exactly when
 * the cause committed. It is delivered later to each partner that may see it: the partners on its
 * case, or only `audiencePartner` when one is named.
 */
@Entity({ tableName: 'hub_event' })
export class HubEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt: Date & Opt = clock.now();

  @Enum({ items: () => HubEventKind, type: 'text' })
  kind!: HubEventKind;

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  @ManyToOne(() => Partner, { nullable: true })
  audiencePartner?: Partner | null;

  /**
   * What happened, in words fit for every partner on the case: references and dates, never
   * names or free text from a partner's record.
   */
  @Property({ type: 'text' })
  summary!: string;

  /** Ids of what the event is about (incidents, intervention, action), for the client to fetch. */
  @Property({ type: 'json', default: '{}' })
  subjectIds: Record<string, string | string[]> & Opt = {};

  /** Set when the dispatcher has handed the event to live subscribers. */
  @Index()
  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;
}
