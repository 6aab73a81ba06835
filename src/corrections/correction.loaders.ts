import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, type BatchWaves } from '../common/batch-loader';
import { Correction } from './correction.entity';

export const correctionLoaders = (em: EntityManager, waves: BatchWaves) => ({
  /** A record's history, oldest first (one correction's fields by name); reached only through a record the viewer already reads. */
  correctionsByRecord: groupedLoader(
    waves,
    (ids) =>
      em.find(
        Correction,
        { recordId: { $in: ids } },
        { orderBy: { correctedAt: 'asc', field: 'asc', id: 'asc' } },
      ),
    (row) => row.recordId,
  ),
  /** Everything corrected on a case: its own fields and its people's, removals included. */
  correctionsByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(
        Correction,
        { case: { $in: ids } },
        { orderBy: { correctedAt: 'asc', field: 'asc', id: 'asc' } },
      ),
    (row) => row.case!.id,
  ),
});
