import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, byIdLoader, groupedLoader } from '../common/batch-loader';
import type { LiveBasis } from '../permissions/decide';
import { SharingBasis } from './sharing-basis.entity';

/** A basis is in force from when it was recorded until it is withdrawn or expires. */
export const isLive = (basis: SharingBasis, now = clock.now()) =>
  !basis.withdrawnAt && basis.recordedAt <= now && (!basis.expiresAt || basis.expiresAt > now);

export const sharingBasisLoaders = (em: EntityManager, waves: BatchWaves) => {
  const basesByPerson = groupedLoader(
    waves,
    (ids) =>
      em.find(
        SharingBasis,
        { person: { $in: ids } },
        { orderBy: { recordedAt: 'asc', id: 'asc' } },
      ),
    (row) => row.person.id,
  );
  return {
    basesByPerson,
    /** By id, whoever may see it: callers reach a basis only through a row that names it. */
    sharingBasisById: byIdLoader(waves, (ids) => em.find(SharingBasis, { id: { $in: ids } })),
    liveBasesByPerson: async (personId: string): Promise<LiveBasis[]> =>
      (await basesByPerson.load(personId))
        .filter((basis) => isLive(basis))
        .map((basis) => ({
          id: basis.id,
          personId,
          ownerPartnerId: basis.ownerPartner.id,
          caseId: basis.case.id,
          recipientPartnerIds: basis.recipientPartnerIds,
          kind: basis.kind,
        })),
  };
};
