import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, groupedLoader } from '../common/batch-loader';
import { Action } from './action.entity';

export const actionLoaders = (em: EntityManager, waves: BatchWaves) => ({
  actionsByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(
        Action,
        { case: { $in: ids } },
        { orderBy: { dueDate: 'asc', createdAt: 'asc', id: 'asc' } },
      ),
    (row) => row.case.id,
  ),
});
