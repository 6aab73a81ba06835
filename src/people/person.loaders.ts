import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, byIdLoader } from '../common/batch-loader';
import { Person } from './person.entity';

export const personLoaders = (em: EntityManager, waves: BatchWaves) => ({
  personById: byIdLoader(waves, (ids) => em.find(Person, { id: { $in: ids } })),
});
