import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { execFileSync } from 'node:child_process';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { TEST_DATABASE_FILE } from './test-database';

/**
 * One real PostgreSQL per test run: TEST_DATABASE_URL when given (its public schema is wiped),
 * otherwise an embedded server started here in a fresh folder. Migrations are applied once and
 * the demo story loaded once; every test then makes its own partners and people.
 */
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

export default async function globalSetup() {
  let url = process.env.TEST_DATABASE_URL;
  if (url) {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('drop schema if exists public cascade; create schema public;');
    await client.end();
  } else {
    // Each run gets its own folder and port, so two runs on one machine cannot collide.
    const dataDir = path.resolve(__dirname, `../../.data/test-postgres-${process.pid}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: Number(process.env.TEST_EMBEDDED_PG_PORT || (await freePort())),
      database: 'asb_hub_test',
      persistent: false,
    });
    (globalThis as { __embeddedTestDatabase?: unknown }).__embeddedTestDatabase = embedded;
    url = embedded.url;
  }
  execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.resolve(__dirname, 'prepare-database.ts'), url],
    { stdio: 'inherit' },
  );
  fs.mkdirSync(path.dirname(TEST_DATABASE_FILE), { recursive: true });
  fs.writeFileSync(TEST_DATABASE_FILE, url);
  // Workers read the URL from the environment they inherit; the file is for ad hoc tools.
  process.env.HUB_TEST_DATABASE_URL = url;
}
