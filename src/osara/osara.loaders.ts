import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, groupedLoader } from '../common/batch-loader';
import { OsaraPartnerRequest } from './osara-partner-request.entity';
import { OsaraStageChange } from './osara-stage-change.entity';

export const osaraLoaders = (em: EntityManager, waves: BatchWaves) => ({
  stageChangesByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(
        OsaraStageChange,
        { case: { $in: ids } },
        { orderBy: { changedAt: 'asc', id: 'asc' } },
      ),
    (row) => row.case.id,
  ),
  partnerRequestsByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(
        OsaraPartnerRequest,
        { case: { $in: ids } },
        { orderBy: { askedAt: 'asc', id: 'asc' } },
      ),
    (row) => row.case.id,
  ),
});
