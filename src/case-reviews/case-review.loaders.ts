import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '../common/batch-loader';
import { CaseReviewDecision } from './case-review-decision.entity';
import { CaseReviewIncident } from './case-review-incident.entity';

export const caseReviewLoaders = (em: EntityManager) => ({
  decisionsByCase: groupedLoader(
    (ids) =>
      em.find(
        CaseReviewDecision,
        { case: { $in: ids } },
        { orderBy: { decidedAt: 'asc', id: 'asc' } },
      ),
    (row) => row.case.id,
  ),
  countedIncidentsByDecision: groupedLoader(
    (ids) =>
      em.find(
        CaseReviewIncident,
        { decision: { $in: ids } },
        { populate: ['incident'], orderBy: { incident: { occurredAt: 'asc', id: 'asc' } } },
      ),
    (row) => row.decision.id,
  ),
});
