import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** Where global setup writes the shared test database URL, for ad hoc tools. */
export const TEST_DATABASE_FILE = path.resolve(__dirname, '../../.data/test-database-url');

/** Migrated, with the demo story; never connected to, so it can be copied at any time. */
export const TEMPLATE_DATABASE = 'asb_hub_test_template';

export function testDatabaseUrl(): string {
  return process.env.HUB_TEST_DATABASE_URL ?? fs.readFileSync(TEST_DATABASE_FILE, 'utf8').trim();
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export const serverUrl = (url: string) => withDatabase(url, 'postgres');

/**
 * A fresh copy of the template for one test file (or, `empty`, a database with nothing in it,
 * not even the migrations); `drop` removes it.
 */
export async function privateDatabase(
  options: { empty?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.HUB_TEST_SERVER_URL;
  if (!server) throw new Error('global setup did not record the test server');
  const name = `asb_hub_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(
    `create database ${name} template ${options.empty ? 'template0' : TEMPLATE_DATABASE}`,
  );
  return {
    url: withDatabase(server, name),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
