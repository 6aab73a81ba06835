import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, groupedLoader } from '../common/batch-loader';
import { CaseReviewDecision } from './case-review-decision.entity';
import { CaseReviewIncident } from './case-review-incident.entity';

export const caseReviewLoaders = (em: EntityManager, waves: BatchWaves) => ({
  decisionsByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(
        CaseReviewDecision,
        { case: { $in: ids } },
        { orderBy: { decidedAt: 'asc', id: 'asc' } },
      ),
    (row) => row.case.id,
  ),
  countedIncidentsByDecision: groupedLoader(
    waves,
    (ids) =>
      em.find(
        CaseReviewIncident,
        { decision: { $in: ids } },
        { populate: ['incident'], orderBy: { incident: { occurredAt: 'asc', id: 'asc' } } },
      ),
    (row) => row.decision.id,
  ),
});
