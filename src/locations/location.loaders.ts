import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader } from '../common/batch-loader';
import { Location } from './location.entity';

export const locationLoaders = (em: EntityManager) => ({
  locationById: byIdLoader((ids) => em.find(Location, { id: { $in: ids } })),
});
