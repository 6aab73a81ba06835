import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type BatchWaves } from '../common/batch-loader';
import { RiskAssessment } from './risk-assessment.entity';

export const riskAssessmentLoaders = (em: EntityManager, waves: BatchWaves) => ({
  /** A person's assessments on one case (key `caseId:personId`), latest first. */
  riskAssessmentsByCasePerson: groupedLoader(
    waves,
    (keys) =>
      em.find(
        RiskAssessment,
        { $or: keys.map((key) => ({ case: key.split(':')[0], person: key.split(':')[1] })) },
        { orderBy: { assessedAt: 'desc', id: 'desc' } },
      ),
    (row) => `${row.case.id}:${row.person.id}`,
  ),
});
