import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { PARTICIPATES } from '../permissions/row-access';
import { PersonLink } from '../people/person-link.entity';
import { BatchWaves, byIdLoader, groupedLoader } from '../common/batch-loader';
import { FixedPenalty } from './fixed-penalty.entity';
import { IN_FORCE } from './intervention-enums';
import { InterventionBreach } from './intervention-breach.entity';
import { InterventionPartner } from './intervention-partner.entity';
import { Intervention } from './intervention.entity';
import { PossibleBreach } from './possible-breach.entity';
import { Prosecution } from './prosecution.entity';

export const interventionLoaders = (em: EntityManager, waves: BatchWaves, viewer: Viewer) => ({
  interventionsByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(Intervention, { case: { $in: ids } }, { orderBy: { issuedAt: 'asc', id: 'asc' } }),
    (row) => row.case.id,
  ),
  /** Only interventions on cases the viewer's partner takes part in: others load as missing. */
  visibleInterventionById: byIdLoader(waves, (ids) =>
    em
      .createQueryBuilder(Intervention, 'i')
      .select('i.*')
      .join('i.case', 'c')
      .where({ id: { $in: ids } })
      .andWhere(PARTICIPATES('c'), [viewer.partnerId])
      .getResultList(),
  ),
  /**
   * A person's CPWs, CPNs, orders... in force, on any case the viewer's partner takes part in
   * (not only the case the person was reached through). Those on other cases stay hidden: the
   * issuing case hears of a new incident through a possible breach instead.
   */
  interventionsInForceByPerson: groupedLoader(
    waves,
    (ids) =>
      em
        .createQueryBuilder(Intervention, 'i')
        .select('i.*')
        .join('i.case', 'c')
        .where({
          subject: { $in: ids },
          status: { $in: [...IN_FORCE] },
          $or: [{ endsAt: null }, { endsAt: { $gt: clock.now() } }],
        })
        .andWhere(PARTICIPATES('c'), [viewer.partnerId])
        .orderBy({ issuedAt: 'asc', id: 'asc' })
        .getResultList(),
    (row) => row.subject!.id,
  ),
  /** The person link a possible breach came through: one statement for a page of flags. */
  personLinkById: byIdLoader(waves, (ids) => em.find(PersonLink, { id: { $in: ids } })),
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
  fixedPenaltiesByIntervention: groupedLoader(
    waves,
    (ids) =>
      em.find(
        FixedPenalty,
        { intervention: { $in: ids } },
        { orderBy: { issuedAt: 'asc', id: 'asc' } },
      ),
    (row) => row.intervention.id,
  ),
  prosecutionsByIntervention: groupedLoader(
    waves,
    (ids) =>
      em.find(
        Prosecution,
        { intervention: { $in: ids } },
        { orderBy: { commencedAt: 'asc', id: 'asc' } },
      ),
    (row) => row.intervention.id,
  ),
  possibleBreachesByIntervention: groupedLoader(
    waves,
    (ids) =>
      em.find(
        PossibleBreach,
        { intervention: { $in: ids } },
        {
          populate: ['incident', 'recordedOnCase'],
          orderBy: { flaggedAt: 'asc', id: 'asc' },
        },
      ),
    (row) => row.intervention.id,
  ),
});
