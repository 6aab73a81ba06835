import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, groupedLoader } from '../common/batch-loader';
import { CaseIncident } from '../cases/case-incident.entity';
import { IncidentPerson } from './incident-person.entity';
import { IncidentReport } from './incident-report.entity';

export const incidentLoaders = (em: EntityManager, waves: BatchWaves) => ({
  /** A case's incidents in the order they happened. */
  incidentsByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(
        CaseIncident,
        { case: { $in: ids } },
        { populate: ['incident'], orderBy: { incident: { occurredAt: 'asc', id: 'asc' } } },
      ),
    (row) => row.case.id,
  ),
  reportsByIncident: groupedLoader(
    waves,
    (ids) =>
      em.find(
        IncidentReport,
        { incident: { $in: ids } },
        { orderBy: { reportedAt: 'asc', id: 'asc' } },
      ),
    (row) => row.incident.id,
  ),
  peopleByIncident: groupedLoader(
    waves,
    (ids) => em.find(IncidentPerson, { incident: { $in: ids } }, { orderBy: { id: 'asc' } }),
    (row) => row.incident.id,
  ),
});
