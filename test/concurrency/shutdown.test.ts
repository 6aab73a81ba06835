import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/db/orm-options';
import { makePartnerMember, PartnerKind, Role } from '../support/factories';
import { exitOf, startHubProcess, stopHubProcess, type HubProcess } from '../support/hub-process';
import { privateDatabase } from '../support/test-database';

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

it('SIGTERM during an import stops the hub in order: the run is left FAILED and resumable, the upload deleted, the process exits 0', async () => {
  hub = await startHubProcess(database.url, {
    NODE_ENV: 'development',
    DEMO_DATA: 'false',
    IMPORT_DIR: importDir,
    IMPORT_BATCH_ROWS: '50',
  });
  const analyst = await makePartnerMember(orm.em.fork(), PartnerKind.POLICE, Role.ANALYST);
  // 60,000 published incidents: far more than the hub imports before the signal arrives.
  const lines = execFileSync('bash', ['-c', `zcat '${POLICE_UK}' | head -n 60001`], {
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
  expect(output).toMatch(/"hub stopped"/);

  const [run] = await orm.em
    .fork()
    .getConnection()
    .execute<
      { status: string; failure: string; rows_imported: number }[]
    >('select status, failure, rows_imported from import_run where id = ?', [importRun.id]);
  expect(run.status).toBe('FAILED');
  expect(run.failure).toMatch(/the hub is shutting down.*resume/);
  expect(run.rows_imported).toBeLessThan(60_000);
  // The partner's file is not left on disk; only the rejected rows report may stay.
  expect(fs.readdirSync(importDir).filter((name) => !name.endsWith('.rejected.csv'))).toEqual([]);
}, 180_000);
