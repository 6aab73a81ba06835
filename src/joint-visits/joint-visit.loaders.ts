import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader } from '../common/batch-loader';
import { JointVisitAttendee } from './joint-visit-attendee.entity';
import { JointVisitPerson } from './joint-visit-person.entity';
import { JointVisit } from './joint-visit.entity';

export const jointVisitLoaders = (em: EntityManager) => ({
  visitsByCase: groupedLoader(
    (ids) =>
      em.find(JointVisit, { case: { $in: ids } }, { orderBy: { visitedAt: 'asc', id: 'asc' } }),
    (row) => row.case.id,
  ),
  attendeesByVisit: groupedLoader(
    (ids) => em.find(JointVisitAttendee, { visit: { $in: ids } }, { orderBy: { id: 'asc' } }),
    (row) => row.visit.id,
  ),
  peopleByVisit: groupedLoader(
    (ids) => em.find(JointVisitPerson, { visit: { $in: ids } }, { orderBy: { id: 'asc' } }),
    (row) => row.visit.id,
  ),
});
