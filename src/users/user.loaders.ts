import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '../common/batch-loader';
import { User } from './user.entity';

export const userLoaders = (em: EntityManager) => ({
  userById: byIdLoader((ids) => em.find(User, { id: { $in: ids } })),
});
