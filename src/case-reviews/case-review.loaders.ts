import type { EntityManager } from '@mikro-orm/postgresql';
import { loadAreaRules, type AreaRules } from '../area-configuration/area-rules';
import { BatchWaves, byIdLoader, groupedLoader } from '../common/batch-loader';
import { CaseReviewAlertIncident } from './case-review-alert.entity';
import { CaseReviewRecommendation } from './case-review-application.entity';
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
  decisionById: byIdLoader(waves, (ids) => em.find(CaseReviewDecision, { id: { $in: ids } })),
  evidenceByAlert: groupedLoader(
    waves,
    (ids) =>
      em.find(
        CaseReviewAlertIncident,
        { alert: { $in: ids } },
        { populate: ['incident'], orderBy: { incident: { occurredAt: 'asc', id: 'asc' } } },
      ),
    (row) => row.alert.id,
  ),
  recommendationsByApplication: groupedLoader(
    waves,
    (ids) =>
      em.find(
        CaseReviewRecommendation,
        { application: { $in: ids } },
        {
          populate: ['action'],
          orderBy: { recordedAt: 'asc', action: { dueDate: 'asc' }, id: 'asc' },
        },
      ),
    (row) => row.application.id,
  ),
  /** The area's rules, read once per request for the deadlines of any number of applications. */
  areaRules: memo(() => loadAreaRules(em)),
});

function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= load());
}

export type { AreaRules };
