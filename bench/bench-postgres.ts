import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';

/**
 * The PostgreSQL server the load benchmark works on: `BENCH_POSTGRES_URL` (any database on the
 * server; the benchmark creates and drops its own databases there, all named `asb_hub_bench_*`),
 * otherwise an embedded server of the benchmarks' own in .data/bench-postgres.
 */
export interface BenchServer {
  /** A connection to the server's `postgres` database, for CREATE and DROP DATABASE. */
  adminUrl: string;
  urlOf(database: string): string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const BENCH_DATABASE_PREFIX = 'asb_hub_bench_';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function openBenchServer(): Promise<BenchServer> {
  const given = process.env.BENCH_POSTGRES_URL;
  if (given) {
    const adminUrl = withDatabase(given, 'postgres');
    return {
      adminUrl,
      urlOf: (database) => withDatabase(given, database),
      embedded: false,
      stop: async () => undefined,
    };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(__dirname, '../.data/bench-postgres'),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54339),
    database: 'postgres',
  });
  return {
    adminUrl: embedded.url,
    urlOf: (database) => withDatabase(embedded.url, database),
    embedded: true,
    stop: () => embedded.stop(),
  };
}

/** Runs statements on the server's `postgres` database (CREATE DATABASE cannot run in a transaction). */
export async function onServer<T>(adminUrl: string, work: (client: Client) => Promise<T>) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function requireBenchName(database: string) {
  if (!database.startsWith(BENCH_DATABASE_PREFIX) || !/^[a-z0-9_]+$/.test(database)) {
    throw new Error(
      `refusing to touch database "${database}": not an ${BENCH_DATABASE_PREFIX}* name`,
    );
  }
}

export async function dropDatabase(adminUrl: string, database: string) {
  requireBenchName(database);
  await onServer(adminUrl, (client) =>
    client.query(`drop database if exists ${database} with (force)`),
  );
}

/** A fresh copy of a generated database (a file copy on the server: seconds, not a reload). */
export async function cloneDatabase(adminUrl: string, template: string, database: string) {
  requireBenchName(template);
  await dropDatabase(adminUrl, database);
  await onServer(adminUrl, (client) =>
    client.query(`create database ${database} template ${template}`),
  );
}

export async function serverVersion(url: string): Promise<string> {
  return onServer(url, async (client) => {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0].server_version;
  });
}
