import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedWrite } from '../audit/write-audit';
import type { HubContext } from '../context';

/**
 * Every write runs in one transaction: it all lands, or (on any error, including a refused
 * input found half-way) none of it does. The write's audit rows are part of the same transaction.
 */
export async function inTransaction<T>(
  ctx: HubContext,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const result = await ctx.em.transactional((em) =>
    auditedWrite(em as EntityManager, ctx.audit, work),
  );
  // Counted once committed: an Idempotency-Key (src/http/idempotency.plugin.ts) then keeps its
  // answer, whatever errors follow, so a retry never writes twice.
  ctx.committedWrites = (ctx.committedWrites ?? 0) + 1;
  return result;
}
