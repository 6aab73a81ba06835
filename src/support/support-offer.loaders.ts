import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, groupedLoader } from '../common/batch-loader';
import { SupportOffer } from './support-offer.entity';

export const supportOfferLoaders = (em: EntityManager, waves: BatchWaves) => ({
  offersByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(SupportOffer, { case: { $in: ids } }, { orderBy: { offeredAt: 'asc', id: 'asc' } }),
    (row) => row.case.id,
  ),
});
