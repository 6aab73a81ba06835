import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The PostgreSQL channel on which a change to a user's membership (deactivated, another role) is
 * announced. Every hub process LISTENs (src/notifications/notification-dispatcher.ts) and checks
 * that user's live subscriptions again at once, closing those no longer allowed (4403).
 */
export const MEMBERSHIP_CHANNEL = 'hub_membership_changed';

/** Announces inside the write's transaction: NOTIFY is sent when, and only if, it commits. */
export async function announceMembershipChange(em: EntityManager, userId: string): Promise<void> {
  await em.execute('select pg_notify(?, ?)', [MEMBERSHIP_CHANNEL, userId]);
}
