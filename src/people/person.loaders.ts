import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { BatchWaves, byIdLoader, groupedLoader } from '../common/batch-loader';
import { knownToAnotherPartner } from './person-match.service';
import { PersonReference } from './person-reference.entity';
import { Person } from './person.entity';

export const personLoaders = (em: EntityManager, waves: BatchWaves, viewer: Viewer) => ({
  personById: byIdLoader(waves, (ids) => em.find(Person, { id: { $in: ids } })),
  /** The viewer's own partner's references only: no other partner's is ever fetched. */
  ownReferencesByPerson: groupedLoader(
    waves,
    (ids) =>
      em.find(
        PersonReference,
        { person: { $in: ids }, partner: viewer.partnerId },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      ),
    (row) => row.person.id,
  ),
  /** PersonMatch.knownToAnotherPartner for every match of the list at once (missing: none). */
  knownToAnotherPartnerByMatch: byIdLoader(waves, (ids) => knownToAnotherPartner(em, viewer, ids)),
});
