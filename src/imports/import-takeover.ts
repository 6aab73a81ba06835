import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { HubConfig } from '../config';
import { HubError } from '../errors';
import { clock } from '../common/clock';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { errorFields, log } from '../log';
import { storedName } from './import-file';
import type { ImportJobs } from './import-jobs';
import { findUser, importLockKey } from './import-runs';
import { forgetUpload, restoreUpload } from './import-upload-store';

/*
 * Imports as jobs that survive their process (issue 14). An upload's run is a job in PostgreSQL:
 * its row in import_run (RUNNING), its checkpoint (the last line committed), its file
 * (import_upload_chunk) and its session advisory lock, held by the connection of the process
 * running it. PostgreSQL lets go of that lock when the process stops or dies, so "nobody runs this
 * any more" is answered by the database itself, at once, with no lease to expire and no clock to
 * trust; every process's takeover sweep then finds the run and one of them resumes it after its
 * checkpoint. A queue library (pg-boss, graphile-worker) would keep a second record of the same
 * job beside import_run, and the run's checkpoint and lock would still be needed for rows never
 * to be written twice: the run already is the job.
 */

interface OrphanCandidate {
  id: string;
  partner_id: string;
  file_name: string;
  file_sha256: string;
  mapping: unknown;
  started_by_id: string | null;
}

/**
 * Resumes here each upload's run left RUNNING that no process runs (its lock is free). Answers how
 * many it took over. One run's trouble does not stop the others: a run another process took first
 * is left to it, one the hub refuses to start again is failed, and only the database being away
 * ends the sweep (the next tick tries again).
 */
export async function takeOverOrphanedImports(deps: {
  databaseUrl: string;
  config: HubConfig;
  jobs: ImportJobs;
}): Promise<number> {
  if (deps.jobs.stopping) return 0;
  const client = new Client({ connectionString: deps.databaseUrl });
  await client.connect();
  let taken = 0;
  try {
    const { rows } = await client.query<OrphanCandidate>(
      `SELECT id, partner_id, file_name, file_sha256, mapping, started_by_id
         FROM import_run WHERE status = 'RUNNING' AND upload_kept ORDER BY started_at`,
    );
    for (const run of rows) {
      if (deps.jobs.stopping) break;
      if (deps.jobs.runsHere(run.id) || !(await lockIsFree(client, run))) continue;
      if (await resume(client, deps, run)) taken++;
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  return taken;
}

/** Whether a process holds the run's lock; tried and let go at once (startImport takes it). */
async function lockIsFree(client: Client, run: OrphanCandidate): Promise<boolean> {
  const key = importLockKey(run.partner_id, run.file_sha256);
  const { rows } = await client.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
    [key],
  );
  if (rows[0].locked) {
    await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
  }
  return rows[0].locked;
}

async function resume(
  client: Client,
  deps: { databaseUrl: string; config: HubConfig; jobs: ImportJobs },
  run: OrphanCandidate,
): Promise<boolean> {
  const { dir, batchRows } = deps.config.imports;
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(path.resolve(dir), `${randomUUID()}-${storedName(run.file_name)}`);
  const removeFile = () => fs.promises.rm(file, { force: true });
  try {
    if (!(await restoreUpload(client, run.id, file))) {
      await giveUp(
        client,
        run.id,
        'its kept upload is missing; upload the same file again to resume',
      );
      return false;
    }
    // The run stays its starter's: the reports it writes are still recorded as theirs.
    const starter = run.started_by_id ? await findUser(client, 'id', run.started_by_id) : null;
    await deps.jobs.start(
      {
        databaseUrl: deps.databaseUrl,
        file,
        partner: run.partner_id,
        mapping: run.mapping as never,
        fileName: run.file_name,
        startedBy: starter?.viewer ?? null,
        sha256: run.file_sha256,
        batchRows,
        rejectedReportPath: `${file}.rejected.csv`,
        keepUpload: true,
        audit: { enabled: deps.config.auditEnabled, operation: 'import taken over' },
      },
      removeFile,
    );
    log.info('import taken over', { runId: run.id, partnerId: run.partner_id });
    return true;
  } catch (error) {
    await removeFile();
    // Another process took it between the look and the start: it is running, as it should.
    if (error instanceof HubError && error.extensions.code === 'IMPORT_ALREADY_RUNNING')
      return false;
    // The database away: the next tick tries again.
    if (isDatabaseUnavailable(error)) throw error;
    // The hub refuses to start it again (its partner or file no longer passes the checks): it
    // fails in words, rather than being restored and refused again at every tick.
    if (error instanceof HubError) {
      await giveUp(client, run.id, error.message);
      return false;
    }
    // Anything else (this disk full, say) is this process's: the run stays for another one.
    log.error('import takeover failed', { runId: run.id, ...errorFields(error) });
    return false;
  }
}

/** The run cannot be taken over: FAILED, with why, and its kept upload deleted. */
async function giveUp(client: Client, runId: string, why: string) {
  await client.query(
    `UPDATE import_run SET status = 'FAILED', failure = $2, finished_at = $3
      WHERE id = $1 AND status = 'RUNNING'`,
    [runId, `Not taken over: ${why}`, clock.now()],
  );
  await forgetUpload(client, runId);
  log.warn('import not taken over', { runId });
}
