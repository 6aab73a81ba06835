import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { ormOptions } from '../../src/db/orm-options';
import { loadDemoData } from '../../src/demo/demo-data';
import { TEST_DATABASE_FILE } from './test-database';

/**
 * One real PostgreSQL per test run: TEST_DATABASE_URL when given (its public schema is wiped),
 * otherwise an embedded server started here in a fresh folder. Migrations are applied once and
 * the demo story loaded once; every test then makes its own partners and people.
 */
export default async function globalSetup() {
  let url = process.env.TEST_DATABASE_URL;
  if (url) {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('drop schema if exists public cascade; create schema public;');
    await client.end();
  } else {
    const dataDir = path.resolve(__dirname, '../../.data/test-postgres');
    fs.rmSync(dataDir, { recursive: true, force: true });
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54330),
      database: 'asb_hub_test',
      persistent: false,
    });
    (globalThis as { __embeddedTestDatabase?: unknown }).__embeddedTestDatabase = embedded;
    url = embedded.url;
  }
  const orm = await MikroORM.init(ormOptions(url));
  await orm.getMigrator().up();
  await loadDemoData(orm.em.fork());
  await orm.close(true);
  fs.mkdirSync(path.dirname(TEST_DATABASE_FILE), { recursive: true });
  fs.writeFileSync(TEST_DATABASE_FILE, url);
}
