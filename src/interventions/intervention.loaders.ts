import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, groupedLoader } from '../common/batch-loader';
import { InterventionBreach } from './intervention-breach.entity';
import { InterventionPartner } from './intervention-partner.entity';
import { Intervention } from './intervention.entity';

export const interventionLoaders = (em: EntityManager, waves: BatchWaves) => ({
  interventionsByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(Intervention, { case: { $in: ids } }, { orderBy: { issuedAt: 'asc', id: 'asc' } }),
    (row) => row.case.id,
  ),
  issuersByIntervention: groupedLoader(
    waves,
    (ids) =>
      em.find(InterventionPartner, { intervention: { $in: ids } }, { orderBy: { id: 'asc' } }),
    (row) => row.intervention.id,
  ),
  breachesByIntervention: groupedLoader(
    waves,
    (ids) =>
      em.find(
        InterventionBreach,
        { intervention: { $in: ids } },
        { orderBy: { occurredAt: 'asc', id: 'asc' } },
      ),
    (row) => row.intervention.id,
  ),
});
