import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { notFound } from '../errors';
import { ImportStatus } from './import-enums';
import { ImportRun } from './import-run.entity';
import type { ImportRunType } from './import-run.type';

/** A run of the viewer's partner; another partner's answers as a missing one. */
export async function findImportRun(
  em: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<ImportRun> {
  const run = await em.findOne(
    ImportRun,
    { id, partner: viewer.partnerId },
    { populate: ['partner'] },
  );
  if (!run) throw notFound('import run', id);
  return run;
}

export function listImportRuns(em: EntityManager, viewer: Viewer, first: number) {
  return em.find(
    ImportRun,
    { partner: viewer.partnerId },
    { populate: ['partner'], orderBy: { startedAt: 'desc', id: 'asc' }, limit: first },
  );
}

/** Where a run's rejected rows report is served. */
export const rejectedReportUrl = (runId: string) => `/imports/${runId}/rejected.csv`;

export function importRunView(run: ImportRun): ImportRunType {
  return {
    id: run.id,
    partner: run.partner,
    format: run.format,
    fileName: run.fileName,
    status: run.status,
    progress:
      run.status === ImportStatus.COMPLETED
        ? 1
        : run.fileBytes > 0
          ? Math.min(1, run.bytesDone / run.fileBytes)
          : 0,
    linesRead: run.checkpointLine,
    rowsImported: run.rowsImported,
    rowsUpdated: run.rowsUpdated,
    rowsAlreadyPresent: run.rowsAlreadyPresent,
    rowsRejected: run.rowsRejected,
    rejectedReportUrl: run.rejectedReportPath ? rejectedReportUrl(run.id) : null,
    failure: run.failure ?? null,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt ?? null,
  };
}
