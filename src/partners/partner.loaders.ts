import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '../common/batch-loader';
import { Partner } from './partner.entity';

export const partnerLoaders = (em: EntityManager) => ({
  partnerById: byIdLoader((ids) => em.find(Partner, { id: { $in: ids } })),
});
