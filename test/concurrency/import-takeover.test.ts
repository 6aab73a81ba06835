import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { clock } from '../../src/common/clock';
import { ormOptions } from '../../src/db/orm-options';
import { makePartnerMember, PartnerKind, Role } from '../support/factories';
import { exitOf, startHubProcess, stopHubProcess, type HubProcess } from '../support/hub-process';
import { privateDatabase } from '../support/test-database';
import { importRunRow, until } from './import-run-row';

/*
 * Issue 14, jobs that survive a process: two hub processes on one database, each with a disk of
 * its own. The process running an upload's import is killed (SIGKILL: no shutdown of its own);
 * the other finishes the run from its checkpoint, and no row is written twice.
 */

const POLICE_UK = path.resolve(
  __dirname,
  '../../../shared/data/police-uk/asb-street-2018-10_2019-01.csv.gz',
);
const ROWS = 20_000;

let database: { url: string; drop(): Promise<void> };
let orm: MikroORM;
const hubs: HubProcess[] = [];
const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'hub-takeover-')));

beforeAll(async () => {
  database = await privateDatabase();
  orm = await MikroORM.init(ormOptions(database.url));
}, 60_000);

afterAll(async () => {
  for (const hub of hubs) await stopHubProcess(hub);
  await orm?.close(true);
  await database?.drop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

it('a killed process’s import is finished by the other process, from where it was, each row once', async () => {
  const [first, second] = await Promise.all(
    dirs.map((dir) =>
      startHubProcess(database.url, {
        DEMO_DATA: 'false',
        IMPORT_DIR: dir,
        IMPORT_BATCH_ROWS: '50',
        IMPORT_TAKEOVER_SWEEP_MS: '200',
      }),
    ),
  );
  hubs.push(first, second);
  const analyst = await makePartnerMember(orm.em.fork(), PartnerKind.POLICE, Role.ANALYST);
  const lines = execFileSync('bash', ['-c', `zcat '${POLICE_UK}' | head -n ${ROWS + 1}`], {
    maxBuffer: 256 * 1024 * 1024,
  });
  const upload = await fetch(`${first.url.replace('/graphql', '')}/imports?fileName=street.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${analyst.token}`, 'content-type': 'text/csv' },
    body: lines,
  });
  expect(upload.status).toBe(202);
  const { importRun } = (await upload.json()) as { importRun: { id: string } };

  // Some batches committed, and the other process's sweeps have seen the run running: its lock
  // is held, so they left it alone.
  const before = await until(async () => {
    const row = await importRunRow(orm, importRun.id);
    return row.checkpoint_line > 1000 ? row : null;
  });
  expect(before.status).toBe('RUNNING');
  expect(second.output.join('')).not.toMatch(/"import taken over"/);

  const killed = exitOf(first);
  first.child.kill('SIGKILL');
  await killed;

  const finished = await until(async () => {
    const row = await importRunRow(orm, importRun.id);
    return row.status === 'COMPLETED' ? row : null;
  });
  expect(finished.rows_imported + finished.rows_already_present + finished.rows_rejected).toBe(
    ROWS,
  );
  const [reports] = await orm.em
    .fork()
    .getConnection()
    .execute<{ all: number; distinct: number }[]>(
      `select count(*)::int as all, count(distinct incident_id)::int as distinct
         from incident_report where partner_id = ?`,
      [analyst.partner.id],
    );
  expect(reports.all).toBe(finished.rows_imported);
  expect(reports.distinct).toBe(reports.all);

  // It resumed after a checkpoint the killed process had committed, not from the header.
  const log = second.output.join('');
  expect(log).toMatch(/"import taken over"/);
  const started = log
    .split('\n')
    .filter((line) => line.includes('"import started"'))
    .map((line) => JSON.parse(line) as { resumedAfterLine: number | null });
  expect(started).toHaveLength(1);
  expect(started[0].resumedAfterLine).toBeGreaterThanOrEqual(before.checkpoint_line);
  // The partner's file: gone from the database and from the finishing process's disk.
  expect(finished.kept_bytes).toBe(0);
  expect(fs.readdirSync(dirs[1]).filter((name) => !name.endsWith('.rejected.csv'))).toEqual([]);
}, 240_000);

it('a handed-over run whose kept upload is missing is failed in words by the sweep, not restored at every tick', async () => {
  const analyst = await makePartnerMember(orm.em.fork(), PartnerKind.POLICE, Role.ANALYST);
  const runId = randomUUID();
  await orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into import_run (id, partner_id, format, file_name, file_sha256, status, checkpoint_line,
                               file_bytes, started_at, upload_kept)
       values (?, ?, 'POLICE_UK', 'street.csv', ?, 'RUNNING', 1, 100, ?, true)`,
      [runId, analyst.partner.id, randomUUID().replace(/-/g, ''), clock.now()],
    );
  const failed = await until(async () => {
    const row = await importRunRow(orm, runId);
    return row.status === 'FAILED' ? row : null;
  });
  expect(failed.failure).toMatch(/^Not taken over: its kept upload is missing/);
  expect(failed.upload_kept).toBe(false);
  expect(hubs[1].child.exitCode).toBeNull();
}, 60_000);
