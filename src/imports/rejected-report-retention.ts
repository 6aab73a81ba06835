import fs from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { clock } from '../common/clock';
import { ImportRun } from './import-run.entity';
import { ImportStatus } from './import-enums';

const DAY_MS = 24 * 3600 * 1000;

/**
 * A rejected rows report holds rows as the partner sent them (descriptions can name people): it
 * is kept for the partner to fix and send again, then deleted, `days` after its run ended. The
 * run keeps its counts; its report URL then answers NOT_FOUND. Safe on several processes at once:
 * deleting a file already gone and clearing a path already cleared change nothing.
 */
export async function deleteExpiredRejectedReports(em: EntityManager, days: number) {
  const runs = await em.find(ImportRun, {
    rejectedReportPath: { $ne: null },
    status: { $ne: ImportStatus.RUNNING },
    finishedAt: { $lt: new Date(clock.nowMs() - days * DAY_MS) },
  });
  for (const run of runs) {
    await fs.promises.rm(run.rejectedReportPath!, { force: true });
    run.rejectedReportPath = null;
  }
  await em.flush();
  return runs.length;
}
