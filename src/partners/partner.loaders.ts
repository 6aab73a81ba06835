import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, byIdLoader } from '../common/batch-loader';
import { Partner } from './partner.entity';

export const partnerLoaders = (em: EntityManager, waves: BatchWaves) => ({
  partnerById: byIdLoader(waves, (ids) => em.find(Partner, { id: { $in: ids } })),
});
