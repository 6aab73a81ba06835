import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import path from 'node:path';
import { WriteAuditSubscriber } from '../audit/write-audit';
import { DEFAULT_DATABASE_POOL_SIZE } from '../config';
import { entities } from './entities';

/**
 * One directory serves both the TypeScript sources (tests, scripts) and the compiled hub:
 * from `src/db` and from `dist/src/db` alike, `../../migrations` is the right folder.
 */
export const migrationsDir = path.resolve(__dirname, '../../migrations');

/** `poolSize`: most connections at once (DATABASE_POOL_SIZE; tests and scripts take the default). */
export function ormOptions(clientUrl: string, poolSize = DEFAULT_DATABASE_POOL_SIZE) {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl,
    entities,
    extensions: [Migrator],
    // Collects what each write changed, for its audit rows (src/audit/write-audit.ts).
    subscribers: [new WriteAuditSubscriber()],
    forceUtcTimezone: true,
    // Every request forks its own EntityManager; touching the global one is a bug.
    allowGlobalContext: false,
    pool: { min: 0, max: poolSize },
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      // Drift is checked against the migrated database itself, not a snapshot file.
      snapshot: false,
      emit: 'ts',
      silent: true,
      fileName: (timestamp: string, name?: string) =>
        `Migration${timestamp}${name ? '_' + name.replace(/[^a-zA-Z0-9]+/g, '_') : ''}`,
    },
  });
}
