import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/db/orm-options';
import { makePartnerMember, PartnerKind, Role } from '../support/factories';
import { exitOf, startHubProcess, stopHubProcess, type HubProcess } from '../support/hub-process';
import { privateDatabase } from '../support/test-database';
import { importRunRow, until } from './import-run-row';

/*
 * Issue 14: SIGTERM to a hub process run as a partnership runs it (NODE_ENV=development, where
 * Apollo would install its own signal handler), in the middle of an import.
 */

const POLICE_UK = path.resolve(
  __dirname,
  '../../../shared/data/police-uk/asb-street-2018-10_2019-01.csv.gz',
);

let database: { url: string; drop(): Promise<void> };
let orm: MikroORM;
let hub: HubProcess | undefined;
const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-shutdown-'));

beforeAll(async () => {
  database = await privateDatabase();
  orm = await MikroORM.init(ormOptions(database.url));
}, 60_000);

afterAll(async () => {
  await stopHubProcess(hub);
  await orm?.close(true);
  await database?.drop();
  fs.rmSync(importDir, { recursive: true, force: true });
});

it('SIGTERM during an import stops the hub in order: the run is handed over, RUNNING with its upload kept in the database and none on disk, and the process exits 0', async () => {
  hub = await startHubProcess(database.url, {
    NODE_ENV: 'development',
    DEMO_DATA: 'false',
    IMPORT_DIR: importDir,
    IMPORT_BATCH_ROWS: '50',
  });
  const analyst = await makePartnerMember(orm.em.fork(), PartnerKind.POLICE, Role.ANALYST);
  // 20,000 published incidents: far more than the hub imports before the signal arrives.
  const lines = execFileSync('bash', ['-c', `zcat '${POLICE_UK}' | head -n 20001`], {
    maxBuffer: 256 * 1024 * 1024,
  });
  const upload = await fetch(`${hub.url.replace('/graphql', '')}/imports?fileName=street.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${analyst.token}`, 'content-type': 'text/csv' },
    body: lines,
  });
  expect(upload.status).toBe(202);
  const { importRun } = (await upload.json()) as { importRun: { id: string } };
  await new Promise((resolve) => setTimeout(resolve, 500));

  const exited = exitOf(hub);
  hub.child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const output = hub.output.join('');
  expect(output).toMatch(/"shutting down"/);
  expect(output).toMatch(/"import handed over"/);
  expect(output).toMatch(/"hub stopped"/);

  const run = await importRunRow(orm, importRun.id);
  expect(run.status).toBe('RUNNING');
  expect(run.failure).toBeNull();
  expect(run.upload_kept).toBe(true);
  expect(run.rows_imported).toBeLessThan(20_000);
  expect(run.kept_bytes).toBe(lines.length);
  // The partner's file is not left on this disk; only the rejected rows report may stay.
  expect(fs.readdirSync(importDir).filter((name) => !name.endsWith('.rejected.csv'))).toEqual([]);

  // The next process on the database (here with a disk of its own) finishes the run.
  const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-shutdown-next-'));
  try {
    hub = await startHubProcess(database.url, {
      DEMO_DATA: 'false',
      IMPORT_DIR: otherDir,
      IMPORT_TAKEOVER_SWEEP_MS: '200',
    });
    const finished = await until(async () => {
      const row = await importRunRow(orm, importRun.id);
      return row.status === 'COMPLETED' ? row : null;
    });
    expect(finished.rows_imported + finished.rows_already_present + finished.rows_rejected).toBe(
      20_000,
    );
    expect(finished.upload_kept).toBe(false);
    expect(finished.kept_bytes).toBe(0);
    expect(hub.output.join('')).toMatch(/"import taken over"/);
    expect(fs.readdirSync(otherDir).filter((name) => !name.endsWith('.rejected.csv'))).toEqual([]);
  } finally {
    await stopHubProcess(hub);
    fs.rmSync(otherDir, { recursive: true, force: true });
  }
}, 240_000);
