import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { requireId } from '../common/validate';
import { notFound } from '../errors';
import { PARTICIPATES } from '../permissions/row-access';
import { Case } from './case.entity';

/**
 * The case a write is about, if the writer's partner takes part in it. Anyone else gets the
 * same NOT_FOUND as for a case that does not exist: only partners on a case may write to it.
 */
export async function caseForWrite(
  em: EntityManager,
  viewer: Viewer,
  caseId: string,
): Promise<Case> {
  const id = requireId(caseId, 'case');
  const found = await em
    .createQueryBuilder(Case, 'c')
    .select('*')
    .where({ id })
    .andWhere(PARTICIPATES('c'), [viewer.partnerId])
    .getSingleResult();
  if (!found) throw notFound('case', caseId);
  return found;
}
