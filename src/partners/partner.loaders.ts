import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, byIdLoader, groupedLoader } from '../common/batch-loader';
import { PartnerIdentity } from './partner-identity.entity';
import { Partner } from './partner.entity';

export const partnerLoaders = (em: EntityManager, waves: BatchWaves) => ({
  partnerById: byIdLoader(waves, (ids) => em.find(Partner, { id: { $in: ids } })),
  identitiesByPartner: groupedLoader(
    waves,
    (ids) =>
      em.find(
        PartnerIdentity,
        { partner: { $in: ids } },
        { orderBy: { issuer: 'asc', claim: 'asc', value: 'asc' } },
      ),
    (row) => row.partner.id,
  ),
});
