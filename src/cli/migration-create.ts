import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { applyMigrations } from '../db/start-up';

/**
 * `npm run migration:create -- <name>`: brings the database up to date, then writes a migration
 * for whatever the entities changed. The database is DATABASE_URL or the embedded one.
 */
async function main() {
  const name = process.argv[2];
  if (!name) {
    console.error('Usage: npm run migration:create -- <name, e.g. add_meeting>');
    process.exit(2);
  }
  const database = await openDatabase(
    loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV || 'development' }),
  );
  try {
    await applyMigrations(database);
    const result = await database.orm
      .getMigrator()
      .createMigration(undefined, false, !(await hasMigrations(database)), name);
    console.log(
      result.fileName ? `wrote migrations/${result.fileName}` : 'no changes: no migration written',
    );
  } finally {
    await database.close();
  }
}

async function hasMigrations(database: Awaited<ReturnType<typeof openDatabase>>) {
  return (await database.orm.getMigrator().getExecutedMigrations()).length > 0;
}

void main();
