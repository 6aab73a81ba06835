import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, byIdLoader } from '../common/batch-loader';
import { User } from './user.entity';

export const userLoaders = (em: EntityManager, waves: BatchWaves) => ({
  userById: byIdLoader(waves, (ids) => em.find(User, { id: { $in: ids } })),
});
