import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import {
  exitOf,
  spawnHubProcess,
  startHubProcess,
  stopHubProcess,
  hubAnswers,
  type HubProcess,
} from '../support/hub-process';
import { TEMPLATE_DATABASE, privateDatabase, withDatabase } from '../support/test-database';

/*
 * Issue 14: hub processes starting together on one database, and a release that migrates first.
 */

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const MIGRATION_FILES = fs
  .readdirSync(path.join(ROOT, 'migrations'))
  .filter((name) => name.endsWith('.ts'));

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const migrate = (url: string, ...args: string[]) =>
  run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/migrate.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );

let hubs: HubProcess[] = [];
const databases: { drop(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(hubs.map(stopHubProcess));
  hubs = [];
});

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

async function emptyDatabase() {
  const database = await privateDatabase({ empty: true });
  databases.push(database);
  return database.url;
}

describe('hub processes starting on one database', () => {
  it('two processes started at once on an empty database both come up, migrating and loading the demo once', async () => {
    const url = await emptyDatabase();
    hubs = await Promise.all([
      spawnHubProcess(url, { DEMO_DATA: 'true' }),
      spawnHubProcess(url, { DEMO_DATA: 'true' }),
    ]);
    await Promise.all(hubs.map(hubAnswers));

    const applied = await query<{ name: string; times: string }>(
      url,
      'select name, count(*) as times from mikro_orm_migrations group by name order by name',
    );
    expect(applied.map((row) => `${row.name}.ts`)).toEqual([...MIGRATION_FILES].sort());
    expect(applied.every((row) => Number(row.times) === 1)).toBe(true);

    const count = 'select count(*)::int as n from partner';
    const template = withDatabase(process.env.HUB_TEST_SERVER_URL!, TEMPLATE_DATABASE);
    const [demo] = await query<{ n: number }>(template, count);
    const [loaded] = await query<{ n: number }>(url, count);
    expect(demo.n).toBeGreaterThan(0);
    expect(loaded.n).toBe(demo.n);

    // Both serve, and both stop cleanly on SIGTERM.
    for (const hub of hubs) {
      const response = await fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{__typename}"}',
      });
      expect(await response.json()).toMatchObject({
        errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
    const exits = hubs.map(exitOf);
    await Promise.all(hubs.map(stopHubProcess));
    expect(await Promise.all(exits)).toEqual([0, 0]);
  }, 180_000);

  it('with MIGRATIONS_ON_START=refuse a hub will not start on a database that is behind; `npm run migrate` brings it up to date', async () => {
    const url = await emptyDatabase();
    const refused = await spawnHubProcess(url, { MIGRATIONS_ON_START: 'refuse' });
    hubs = [refused];
    expect(await exitOf(refused)).toBe(1);
    expect(refused.output.join('')).toMatch(
      new RegExp(`database is ${MIGRATION_FILES.length} migration\\(s\\) behind.*npm run migrate`),
    );
    // Refusing applied nothing (MikroORM's own bookkeeping table may now exist, empty).
    expect(
      await query(
        url,
        "select 1 from information_schema.tables where table_name in ('partner', 'asb_case')",
      ),
    ).toEqual([]);

    expect(await migrate(url, '--check')).toMatchObject({ code: 3 });
    const first = await migrate(url);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^applied /);
    expect(await migrate(url)).toEqual({ code: 0, stdout: 'up to date: nothing to apply\n' });
    expect(await migrate(url, '--check')).toEqual({ code: 0, stdout: 'up to date\n' });

    hubs = [await startHubProcess(url, { MIGRATIONS_ON_START: 'refuse' })];
  }, 180_000);

  it('refuses an unknown MIGRATIONS_ON_START', async () => {
    const url = await emptyDatabase();
    const hub = await spawnHubProcess(url, { MIGRATIONS_ON_START: 'sometimes' });
    hubs = [hub];
    expect(await exitOf(hub)).toBe(1);
    expect(hub.output.join('')).toMatch(
      /Configuration error: MIGRATIONS_ON_START must be "apply" or "refuse"/,
    );
  }, 60_000);
});
