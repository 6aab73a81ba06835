import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, byIdLoader } from '../common/batch-loader';
import { Location } from './location.entity';

export const locationLoaders = (em: EntityManager, waves: BatchWaves) => ({
  locationById: byIdLoader(waves, (ids) => em.find(Location, { id: { $in: ids } })),
});
