import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { applyMigrations, pendingMigrations } from '../db/start-up';

/**
 * `npm run migrate`: brings DATABASE_URL (or the embedded database) up to date, under the same
 * advisory lock a starting hub takes, so it may run while hubs start or serve. `--check` only
 * says how far behind the database is (exit code 3 when behind), for a release pipeline.
 */
async function main() {
  const check = process.argv.includes('--check');
  const database = await openDatabase(
    loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV || 'development' }),
    { joinRunningHub: true },
  );
  try {
    if (check) {
      const pending = await pendingMigrations(database);
      console.log(
        pending.length ? `behind by ${pending.length}: ${pending.join(', ')}` : 'up to date',
      );
      return pending.length ? 3 : 0;
    }
    const applied = await applyMigrations(database);
    console.log(applied.length ? `applied ${applied.join(', ')}` : 'up to date: nothing to apply');
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
