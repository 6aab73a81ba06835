import { clock } from '../common/clock';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { every, type Periodic } from '../common/periodic';
import { errorFields, log } from '../log';
import type { HubEventKind } from './hub-event-kind.enum';
import { MEMBERSHIP_CHANNEL } from '../users/membership-changes';
import type { NotificationFeed, PublishedEvent } from './notification-feed';

/** The PostgreSQL channel on which a dispatcher announces the events it has just published. */
export const PUBLISHED_CHANNEL = 'hub_event_published';

/** Events claimed per poll: their ids must fit in one NOTIFY payload (8000 bytes). */
const BATCH = 100;

/**
 * Delivers the outbox, on a PostgreSQL connection of its own (so its polling never mixes with
 * requests' statements or waits for a pooled connection). Every `pollMs` one hub process claims the committed, unpublished events
 * (`for update skip locked`, so two processes never claim the same one), marks them published
 * and announces their ids with NOTIFY, all in one transaction: the announcement goes out exactly
 * when the claim commits. Every hub process LISTENs, and hands each announced event, in order,
 * to its own live subscribers. So each event reaches each subscriber once, whichever process
 * holds the subscriber's connection.
 */
export class NotificationDispatcher {
  private poller?: Periodic;
  private listener?: Client;
  private delivering: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly feed: NotificationFeed,
    private readonly pollMs: number,
    /** A user's membership changed in some hub process (src/users/membership-changes.ts). */
    private readonly onMembershipChanged: (userId: string) => Promise<void> = async () => {},
  ) {}

  async start() {
    await this.listen();
    this.poller = every('notification dispatch', this.pollMs, async () => {
      if (!this.listener) await this.listen();
      const connection = this.listener;
      if (!connection) return;
      while ((await this.claimAndAnnounce(connection)) === BATCH && !this.stopped);
    });
  }

  async stop() {
    this.stopped = true;
    await this.poller?.stop();
    await this.delivering;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    this.feed.close();
  }

  /** One batch: claim, mark published, announce. Returns how many events were claimed. */
  private async claimAndAnnounce(connection: Client): Promise<number> {
    // One statement, so one implicit transaction: claim, mark and announce commit together.
    const { rows } = await connection.query<{ ids: string[] | null }>(
      `with claimed as (
         select id from hub_event where published_at is null
          order by occurred_at, id limit ${BATCH} for update skip locked),
       marked as (
         update hub_event e set published_at = $2 from claimed
          where e.id = claimed.id returning e.id)
       select array_agg(id::text) as ids,
              pg_notify($1, coalesce(json_agg(id)::text, '[]')) as announced
         from marked having count(*) > 0`,
      [PUBLISHED_CHANNEL, clock.now()],
    );
    return rows[0]?.ids?.length ?? 0;
  }

  private async listen() {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.orm.config.get('clientUrl') });
    client.on('error', (error) => {
      // Reconnected at the next poll; events announced meanwhile are still in `notifications`.
      log.warn('notification listener lost its connection', errorFields(error));
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
    });
    client.on('notification', (message) => {
      if (message.channel === MEMBERSHIP_CHANNEL && message.payload) {
        this.onMembershipChanged(message.payload).catch((error) =>
          log.error('membership recheck failed', errorFields(error)),
        );
        return;
      }
      if (message.channel !== PUBLISHED_CHANNEL || !message.payload) return;
      const ids = JSON.parse(message.payload) as string[];
      if (ids.length === 0) return;
      this.delivering = this.delivering
        .then(() => this.deliver(ids))
        .catch((error) => log.error('notification delivery failed', errorFields(error)));
    });
    await client.connect();
    await client.query(`listen ${PUBLISHED_CHANNEL}`);
    // On the same connection: the listener of each process hears both channels.
    await client.query(`listen ${MEMBERSHIP_CHANNEL}`);
    this.listener = client;
  }

  /** Reads the announced events and their recipients now, and hands them to live subscribers. */
  private async deliver(ids: string[]) {
    if (this.feed.size === 0 || ids.length === 0) return;
    const connection = this.listener;
    if (!connection) return;
    const { rows } = await connection.query<{
      id: string;
      kind: HubEventKind;
      occurred_at: Date | string;
      case_id: string;
      audience_partner_id: string | null;
      summary: string;
      subject_ids: Record<string, string | string[]> | string;
      partner_ids: string[] | null;
    }>(
      `select e.id, e.kind, e.occurred_at, e.case_id, e.audience_partner_id, e.summary,
              e.subject_ids,
              (select array_agg(cp.partner_id::text) from case_partner cp
                where cp.case_id = e.case_id) as partner_ids
         from hub_event e where e.id = any($1::uuid[])
        order by e.occurred_at, e.id`,
      [ids],
    );
    const events: PublishedEvent[] = rows.map((row) => {
      const onCase = row.partner_ids ?? [];
      return {
        id: row.id,
        kind: row.kind,
        occurredAt: new Date(row.occurred_at),
        caseId: row.case_id,
        audiencePartnerId: row.audience_partner_id,
        summary: row.summary,
        subjectIds:
          typeof row.subject_ids === 'string' ? JSON.parse(row.subject_ids) : row.subject_ids,
        recipientPartnerIds: row.audience_partner_id
          ? onCase.filter((id) => id === row.audience_partner_id)
          : onCase,
      };
    });
    this.feed.publish(events);
  }
}
