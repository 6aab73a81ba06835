import { TableNotFoundException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import fs from 'node:fs';
import type { HubConfig } from '../config';
import { loadDemoDataIfEmpty } from '../demo/demo-data';
import { log } from '../log';
import type { Database } from './database';
import { withSessionLock } from './locks';
import { migrationsDir } from './orm-options';

/**
 * What a hub does to its database before it serves: migrations, then the demo data. Two
 * processes started at once on an empty database would otherwise both run the first migration
 * (one crashes on "relation already exists") or both load the demo (two demo partnerships).
 * Everything here runs under one session-level advisory lock held on a connection of its own,
 * so the second process waits, then finds nothing left to do. A session lock rather than a
 * transaction lock: MikroORM runs each migration in its own transaction on the pool, and the
 * lock must span all of them and the demo load after.
 */
const START_UP_LOCK = 'asb-hub:start-up';

export class DatabaseBehindError extends Error {}

export interface StartUpResult {
  applied: string[];
  demoLoaded: boolean;
}

export async function withStartUpLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  return (await withSessionLock(url, START_UP_LOCK, work, { wait: true })) as T;
}

/** `npm run migrate`, and a hub with MIGRATIONS_ON_START=apply: applies what is pending. */
export async function applyMigrations(database: Database): Promise<string[]> {
  return withStartUpLock(database.url, async () =>
    (await database.orm.getMigrator().up()).map((migration) => migration.name),
  );
}

/** The migrations this database has not had yet, by name, oldest first. */
export async function pendingMigrations(database: Database): Promise<string[]> {
  return (await database.orm.getMigrator().getPendingMigrations()).map((row) => row.name);
}

export async function prepareDatabase(
  database: Database,
  config: Pick<HubConfig, 'migrationsOnStart' | 'loadDemoData'>,
): Promise<StartUpResult> {
  return withStartUpLock(database.url, async () => {
    let applied: string[] = [];
    if (config.migrationsOnStart === 'apply') {
      applied = (await database.orm.getMigrator().up()).map((migration) => migration.name);
    } else {
      const pending = await pendingMigrations(database);
      if (pending.length) {
        // Names only: an operator needs to know how far behind, never anything from the rows.
        throw new DatabaseBehindError(
          `The database is ${pending.length} migration(s) behind this hub (oldest: ${pending[0]}). ` +
            'Run `npm run migrate` first, or start with MIGRATIONS_ON_START=apply.',
        );
      }
    }
    if (applied.length) log.info('migrations applied', { migrations: applied });
    const demoLoaded = config.loadDemoData && (await loadDemoDataIfEmpty(database.orm.em.fork()));
    if (demoLoaded) log.info('demo data loaded');
    return { applied, demoLoaded };
  });
}

/** This hub's migrations by name as the migrations table records them (no extension), oldest first. */
export function knownMigrations(): string[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((file) => /^Migration.*\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => file.replace(/\.(ts|js)$/, ''))
    .sort();
}

/**
 * The migrations this hub has that `orm`'s database has not had yet: the start-up check's
 * question, asked with one read (no table created, no files loaded), for /readyz. A database with
 * no migrations table at all is behind by every one.
 */
export async function migrationsBehind(
  orm: MikroORM,
  known = knownMigrations(),
): Promise<string[]> {
  const table = orm.config.get('migrations').tableName ?? 'mikro_orm_migrations';
  let rows: { name: string }[];
  try {
    rows = await orm.em.fork().getConnection().execute(`select name from "${table}"`);
  } catch (error) {
    // undefined_table: as pg raises it, or as MikroORM converts it.
    const code = (error as { code?: unknown }).code;
    if (error instanceof TableNotFoundException || code === '42P01') return known;
    throw error;
  }
  const applied = new Set(rows.map((row) => row.name.replace(/\.(ts|js)$/, '')));
  return known.filter((name) => !applied.has(name));
}
