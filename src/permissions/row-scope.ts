import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { membershipLoader } from '../common/batch-loader';

/**
 * Row scoping, answered in one place for a batch of ids: a partner sees a case only if it leads
 * or takes part in it (the lead is always a participant), and people only through such cases.
 */
export function rowScopeLoaders(em: EntityManager, viewer: Viewer) {
  const connection = em.getConnection();
  return {
    caseVisible: membershipLoader(async (caseIds) => {
      const rows = await connection.execute<{ case_id: string }[]>(
        'select case_id from case_partner where partner_id = ? and case_id = any(?::uuid[])',
        [viewer.partnerId, caseIds],
      );
      return rows.map((row) => row.case_id);
    }),
    personVisible: membershipLoader(async (personIds) => {
      const rows = await connection.execute<{ person_id: string }[]>(
        `select distinct cp.person_id from case_person cp
           join case_partner pp on pp.case_id = cp.case_id
          where pp.partner_id = ? and cp.person_id = any(?::uuid[])`,
        [viewer.partnerId, personIds],
      );
      return rows.map((row) => row.person_id);
    }),
  };
}

export type RowScopeLoaders = ReturnType<typeof rowScopeLoaders>;
