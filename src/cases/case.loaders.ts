import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import DataLoader from 'dataloader';
import { BatchWaves, byIdLoader, groupedLoader } from '../common/batch-loader';
import { casesDemand, type InterventionDemand } from './case-demand.service';
import { PARTICIPATES } from '../permissions/row-access';
import { CasePartner } from './case-partner.entity';
import { CasePerson } from './case-person.entity';
import { Case } from './case.entity';

export const caseLoaders = (em: EntityManager, waves: BatchWaves, viewer: Viewer) => ({
  /** Only cases the viewer's partner takes part in: a hidden case loads as missing. */
  visibleCaseById: byIdLoader(waves, (ids) =>
    em
      .createQueryBuilder(Case, 'c')
      .select('*')
      .where({ id: { $in: ids } })
      .andWhere(PARTICIPATES('c'), [viewer.partnerId])
      .getResultList(),
  ),
  partnersByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(
        CasePartner,
        { case: { $in: ids } },
        { populate: ['partner'], orderBy: { joinedAt: 'asc', id: 'asc' } },
      ),
    (row) => row.case.id,
  ),
  peopleByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(CasePerson, { case: { $in: ids } }, { orderBy: { addedAt: 'asc', id: 'asc' } }),
    (row) => row.case.id,
  ),
  /** The cases a person is in that the viewer can see: a person's other cases stay hidden. */
  visibleCasesByPerson: groupedLoader(
    waves,
    (ids) =>
      em
        .createQueryBuilder(CasePerson, 'cp')
        .select('*')
        .joinAndSelect('cp.case', 'c')
        .where({ person: { $in: ids } })
        .andWhere(PARTICIPATES('c'), [viewer.partnerId])
        .orderBy({ 'c.openedAt': 'desc', 'c.id': 'asc' })
        .getResultList(),
    (row) => row.person.id,
  ),
  /**
   * Case.demand of every case in a list at once, keyed `windowDays:caseId` (the field's argument):
   * one batch per window asked for, usually one.
   */
  demandByCase: new DataLoader<string, InterventionDemand[]>(
    async (keys) => {
      const byWindow = new Map<number, string[]>();
      for (const key of keys) {
        const [days, caseId] = key.split(':');
        byWindow.set(Number(days), [...(byWindow.get(Number(days)) ?? []), caseId]);
      }
      const answers = new Map<string, InterventionDemand[]>();
      for (const [days, caseIds] of byWindow) {
        const demand = await waves.run(() => casesDemand(em, caseIds, days));
        for (const [caseId, rows] of demand) answers.set(`${days}:${caseId}`, rows);
      }
      return keys.map((key) => answers.get(key) ?? []);
    },
    { batchScheduleFn: waves.schedule },
  ),
});
