import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubContext } from '../context';

/**
 * Every write runs in one transaction: it all lands, or (on any error, including a refused
 * input found half-way) none of it does.
 */
export function inTransaction<T>(
  ctx: HubContext,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  return ctx.em.transactional((em) => work(em as EntityManager));
}
