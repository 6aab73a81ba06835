import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '../common/batch-loader';
import { InterventionBreach } from './intervention-breach.entity';
import { InterventionPartner } from './intervention-partner.entity';
import { Intervention } from './intervention.entity';

export const interventionLoaders = (em: EntityManager) => ({
  interventionsByCase: groupedLoader(
    (ids) =>
      em.find(Intervention, { case: { $in: ids } }, { orderBy: { issuedAt: 'asc', id: 'asc' } }),
    (row) => row.case.id,
  ),
  issuersByIntervention: groupedLoader(
    (ids) =>
      em.find(InterventionPartner, { intervention: { $in: ids } }, { orderBy: { id: 'asc' } }),
    (row) => row.intervention.id,
  ),
  breachesByIntervention: groupedLoader(
    (ids) =>
      em.find(
        InterventionBreach,
        { intervention: { $in: ids } },
        { orderBy: { occurredAt: 'asc', id: 'asc' } },
      ),
    (row) => row.intervention.id,
  ),
});
