import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { BatchWaves, membershipLoader } from '../common/batch-loader';

/**
 * Row scoping for people, answered for a batch of ids at once: a partner sees someone only
 * through a case it leads or takes part in (cases themselves are scoped by `PARTICIPATES`).
 */
export function rowScopeLoaders(em: EntityManager, waves: BatchWaves, viewer: Viewer) {
  const connection = em.getConnection();
  return {
    personVisible: membershipLoader(waves, async (personIds) => {
      const rows = await connection.execute<{ person_id: string }[]>(
        `select distinct cp.person_id from case_person cp
           join case_partner pp on pp.case_id = cp.case_id
          where pp.partner_id = ? and cp.person_id in (?)`,
        [viewer.partnerId, personIds],
      );
      return rows.map((row) => row.person_id);
    }),
  };
}

export type RowScopeLoaders = ReturnType<typeof rowScopeLoaders>;
