import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '../common/batch-loader';
import { Person } from './person.entity';

export const personLoaders = (em: EntityManager) => ({
  personById: byIdLoader((ids) => em.find(Person, { id: { $in: ids } })),
});
