import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { TEMPLATE_DATABASE, TEST_DATABASE_FILE, serverUrl, withDatabase } from './test-database';

/**
 * One real PostgreSQL server per test run: the server of TEST_DATABASE_URL when given, otherwise
 * an embedded one started here in a fresh folder on a free port. On it, a template database gets
 * the migrations and the demo story once; the shared test database is a copy of it, and a test
 * that changes area-wide settings takes a private copy of its own (`startTestHub({ private: true })`).
 */
export default async function globalSetup() {
  // The run's timeline starts now (test/support/clock.ts); workers and children inherit it.
  process.env.HUB_TEST_RUN_STARTED_MS = String(Date.now());
  // Test hubs' log lines go to the tests' sinks (searched for what each test sent), not the
  // console: one access line a request would bury the run's own output.
  process.env.HUB_LOG ??= 'silent';
  let server: string;
  if (process.env.TEST_DATABASE_URL) {
    server = serverUrl(process.env.TEST_DATABASE_URL);
  } else {
    // Each run gets its own folder and port, so two runs on one machine cannot collide.
    const dataDir = path.resolve(__dirname, `../../.data/test-postgres-${process.pid}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: Number(process.env.TEST_EMBEDDED_PG_PORT || (await freePort())),
      database: 'postgres',
      persistent: false,
    });
    (globalThis as { __embeddedTestDatabase?: unknown }).__embeddedTestDatabase = embedded;
    server = serverUrl(embedded.url);
  }
  const shared = withDatabase(server, 'asb_hub_test');
  const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await admin.query('drop database if exists asb_hub_test with (force)');
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
    execFileSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        path.resolve(__dirname, 'prepare-database.ts'),
        withDatabase(server, TEMPLATE_DATABASE),
      ],
      { stdio: 'inherit' },
    );
    await admin.query(`create database asb_hub_test template ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  fs.mkdirSync(path.dirname(TEST_DATABASE_FILE), { recursive: true });
  fs.writeFileSync(TEST_DATABASE_FILE, shared);
  // Workers read the URLs from the environment they inherit; the file is for ad hoc tools.
  process.env.HUB_TEST_DATABASE_URL = shared;
  process.env.HUB_TEST_SERVER_URL = server;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
