import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, groupedLoader } from '../common/batch-loader';
import { JointVisitAttendee } from './joint-visit-attendee.entity';
import { JointVisitPerson } from './joint-visit-person.entity';
import { JointVisit } from './joint-visit.entity';

export const jointVisitLoaders = (em: EntityManager, waves: BatchWaves) => ({
  visitsByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(JointVisit, { case: { $in: ids } }, { orderBy: { visitedAt: 'asc', id: 'asc' } }),
    (row) => row.case.id,
  ),
  attendeesByVisit: groupedLoader(
    waves,
    (ids) => em.find(JointVisitAttendee, { visit: { $in: ids } }, { orderBy: { id: 'asc' } }),
    (row) => row.visit.id,
  ),
  peopleByVisit: groupedLoader(
    waves,
    (ids) => em.find(JointVisitPerson, { visit: { $in: ids } }, { orderBy: { id: 'asc' } }),
    (row) => row.visit.id,
  ),
});
