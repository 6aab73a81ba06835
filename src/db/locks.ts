import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { runStatement } from './prepared';

/*
 * The locks a read-then-write decision takes so that two hub processes on one database cannot
 * both decide on the same stale reading (docs/rules.md "Concurrency"). Each is held until the
 * write's transaction ends, commits or rolls back, so nothing here is ever released by hand.
 * Under READ COMMITTED every statement after the lock sees what the previous holder committed.
 */

/** What an advisory lock serialises: one name per kind of decision, fixed for ever. */
export type DecisionTopic =
  /** Same-episode matching and the ASB case review routes of one case's incidents. */
  | 'case-incidents'
  /** One open ASB case review application per victim and case. */
  | 'case-review-application'
  /** The escalation ladder of one person (a warning follows the person) or one premises. */
  | 'ladder'
  /** One strong identifier or family name of a person: matching links, never two clusters. */
  | 'person-identity'
  /** One partner's source reference: a report is recorded once however often it is sent. */
  | 'source-reference'
  /** One partner record per owner partner, person and kind (src/partner-records/). */
  | 'partner-record';

/**
 * An advisory lock on (topic, id), for a decision about rows that may not exist yet (a second
 * incident of an episode, the first alert of a route): there is no row to lock, only the thing
 * the decision is about. Re-entrant within the transaction: taking it again does not wait.
 */
export async function lockDecision(
  em: EntityManager,
  topic: DecisionTopic,
  id: string,
): Promise<void> {
  requireTransaction(em, topic);
  await runStatement(em, 'select pg_advisory_xact_lock(hashtext(?::text), hashtext(?::text))', [
    topic,
    id,
  ]);
}

/** Tables whose rows a decision locks: a fixed list, as the name goes into the SQL text. */
export type LockedTable =
  | 'asb_case'
  | 'case_review_application'
  | 'case_review_alert'
  | 'intervention'
  | 'person_link'
  | 'sharing_basis'
  | 'subject_access_request';

/**
 * `SELECT ... FOR UPDATE` on one row: a second writer of the same row waits for the first to
 * commit and then reads what it wrote. Returns false when there is no such row (the caller's own
 * lookup answers NOT_FOUND as usual).
 */
export async function lockRow(em: EntityManager, table: LockedTable, id: string): Promise<boolean> {
  requireTransaction(em, table);
  const rows = await runStatement<{ id: string }>(
    em,
    `select id from ${table} where id = ? for update`,
    [id],
  );
  return rows.length > 0;
}

function requireTransaction(em: EntityManager, what: string) {
  // Outside a transaction the lock would be let go at once: a bug, never a refusal to a client.
  if (!em.getTransactionContext()) throw new Error(`lock on ${what} taken outside a transaction`);
}

/**
 * A session-level advisory lock on a connection of its own, for work that spans several
 * transactions of the pool: start-up (every migration runs in its own transaction) and the
 * periodic sweeps. `wait: false` gives up at once when another process holds it, and answers
 * `undefined`: a sweep another process is running now need not run twice.
 */
export async function withSessionLock<T>(
  url: string,
  name: string,
  work: () => Promise<T>,
  options: { wait: boolean },
): Promise<T | undefined> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    if (options.wait) {
      await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    } else {
      const { rows } = await client.query<{ held: boolean }>(
        'select pg_try_advisory_lock(hashtext($1)) as held',
        [name],
      );
      if (!rows[0].held) return undefined;
    }
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  } finally {
    await client.end();
  }
}
