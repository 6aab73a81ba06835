import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { requireId } from '../common/validate';
import { ON_VISIBLE_CASE } from '../permissions/row-access';
import { CaseReviewAlert } from './case-review-alert.entity';
import { CaseReviewApplication } from './case-review-application.entity';
import type { CaseReviewAlertStatus } from './case-review-workflow.enum';

/** Alerts on cases the viewer's partner takes part in, newest first. */
export function listAlerts(
  em: EntityManager,
  viewer: Viewer,
  status: CaseReviewAlertStatus,
  caseId: string | null,
) {
  const query = em
    .createQueryBuilder(CaseReviewAlert, 'a')
    .select('*')
    .where({ status, ...(caseId ? { case: requireId(caseId, 'case') } : {}) })
    .andWhere(ON_VISIBLE_CASE('a'), [viewer.partnerId])
    .orderBy({ raisedAt: 'desc', id: 'asc' });
  return query.getResultList();
}

export async function visibleApplication(em: EntityManager, viewer: Viewer, id: string) {
  const found = await em
    .createQueryBuilder(CaseReviewApplication, 'a')
    .select('*')
    .where({ id })
    .andWhere(ON_VISIBLE_CASE('a'), [viewer.partnerId])
    .getSingleResult();
  if (found) await em.populate(found, ['decision']);
  return found;
}

/** A visible case's applications (the caller has checked the case), oldest first. */
export function listApplications(em: EntityManager, caseId: string) {
  return em.find(
    CaseReviewApplication,
    { case: caseId },
    { populate: ['decision'], orderBy: { appliedAt: 'asc', id: 'asc' } },
  );
}

/** Open applications on the viewer's cases that `isOverdue` picks, oldest first. */
export async function overdueApplications(
  em: EntityManager,
  viewer: Viewer,
  isOverdue: (application: CaseReviewApplication) => boolean,
) {
  const open = await em
    .createQueryBuilder(CaseReviewApplication, 'a')
    .select('*')
    .where({ closedAt: null })
    .andWhere(ON_VISIBLE_CASE('a'), [viewer.partnerId])
    .orderBy({ appliedAt: 'asc', id: 'asc' })
    .getResultList();
  await em.populate(open, ['decision']);
  return open.filter(isOverdue);
}
