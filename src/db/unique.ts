import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubError } from '../errors';

/**
 * Flushes, answering a broken unique constraint with the refusal named for it. The constraint is
 * what holds the rule when two writes race (each finds the name free, one commits first), so it
 * is the one place the rule is checked; a constraint not named is a fault, re-thrown as it is.
 */
export async function flushUnique(
  em: EntityManager,
  refusals: Record<string, () => HubError>,
): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    const constraint = (error as { constraint?: string }).constraint;
    if (error instanceof UniqueConstraintViolationException && constraint && refusals[constraint]) {
      throw refusals[constraint]();
    }
    throw error;
  }
}
