import type { EntityManager } from '@mikro-orm/postgresql';
import { BatchWaves, groupedLoader } from '../common/batch-loader';
import type { PartnerRecordBase } from '../partner-records/partner-record.base';
import { PARTNER_RECORD_SPECS } from '../partner-records/partner-record-kinds';
import type { PartnerRecordKind } from '../partner-records/partner-record-kind.enum';
import { OsaraAnswerRecord } from './osara-answer-record.entity';
import { OsaraPartnerRequest } from './osara-partner-request.entity';
import { OsaraStageChange } from './osara-stage-change.entity';

export const osaraLoaders = (em: EntityManager, waves: BatchWaves) => ({
  stageChangesByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(
        OsaraStageChange,
        { case: { $in: ids } },
        { orderBy: { changedAt: 'asc', id: 'asc' } },
      ),
    (row) => row.case.id,
  ),
  partnerRequestsByCase: groupedLoader(
    waves,
    (ids) =>
      em.find(
        OsaraPartnerRequest,
        { case: { $in: ids } },
        { orderBy: { askedAt: 'asc', id: 'asc' } },
      ),
    (row) => row.case.id,
  ),
  /**
   * The partner records given in answer to each request, newest first: one statement for the
   * answers and one per kind of record given. Which a viewer sees is the record types' policy.
   */
  answerRecordsByRequest: groupedLoader(
    waves,
    async (ids) => {
      const given = await em.find(OsaraAnswerRecord, { request: { $in: ids } });
      const kinds = [...new Set(given.map((row) => row.recordKind))];
      const records = new Map<string, PartnerRecordBase>();
      for (const kind of kinds) {
        const found = await em.find(
          PARTNER_RECORD_SPECS[kind].entity,
          {
            id: { $in: given.filter((row) => row.recordKind === kind).map((row) => row.recordId) },
          },
          { orderBy: { updatedAt: 'desc', id: 'asc' } },
        );
        for (const record of found) records.set(record.id, record);
      }
      // A record deleted since (with its person) simply leaves the answer.
      return given
        .filter((row) => records.has(row.recordId))
        .map((row) => ({
          requestId: row.request.id,
          kind: row.recordKind as PartnerRecordKind,
          record: records.get(row.recordId)!,
        }))
        .sort(
          (a, b) =>
            b.record.updatedAt.getTime() - a.record.updatedAt.getTime() ||
            a.record.id.localeCompare(b.record.id),
        );
    },
    (row) => row.requestId,
  ),
});
