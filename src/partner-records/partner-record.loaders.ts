import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, groupedLoader } from '../common/batch-loader';
import { DrugAlcoholRecord } from './drug-alcohol-record.entity';
import { HousingRecord } from './housing-record.entity';
import { MentalHealthRecord } from './mental-health-record.entity';
import { PartnerRecordKind } from './partner-record-kind.enum';
import { PartnerRecordRevision } from './partner-record-revision.entity';
import { PoliceRecord } from './police-record.entity';

const byPerson = <T extends { person: { id: string } }>(
  waves: BatchWaves,
  fetch: (ids: string[]) => Promise<T[]>,
) => groupedLoader(waves, fetch, (row) => row.person.id);

/** Every record about the people asked for; which rows a viewer may see is decided afterwards by the policy. */
export const partnerRecordLoaders = (em: EntityManager, waves: BatchWaves) => ({
  policeRecordsByPerson: byPerson(waves, (ids) =>
    em.find(PoliceRecord, { person: { $in: ids } }, { orderBy: { updatedAt: 'desc', id: 'asc' } }),
  ),
  housingRecordsByPerson: byPerson(waves, (ids) =>
    em.find(HousingRecord, { person: { $in: ids } }, { orderBy: { updatedAt: 'desc', id: 'asc' } }),
  ),
  mentalHealthRecordsByPerson: byPerson(waves, (ids) =>
    em.find(
      MentalHealthRecord,
      { person: { $in: ids } },
      { orderBy: { updatedAt: 'desc', id: 'asc' } },
    ),
  ),
  /** Revisions by `KIND:recordId`, newest first; who may read them is the policy's. */
  revisionsByRecord: groupedLoader(
    waves,
    (keys: string[]) =>
      em.find(
        PartnerRecordRevision,
        {
          $or: keys.map((key) => {
            const [recordKind, recordId] = key.split(':');
            return { recordKind: recordKind as PartnerRecordKind, recordId };
          }),
        },
        { orderBy: { changedAt: 'desc', id: 'desc' } },
      ),
    (row) => `${row.recordKind}:${row.recordId}`,
  ),
  drugAlcoholRecordsByPerson: byPerson(waves, (ids) =>
    em.find(
      DrugAlcoholRecord,
      { person: { $in: ids } },
      { orderBy: { updatedAt: 'desc', id: 'asc' } },
    ),
  ),
});
