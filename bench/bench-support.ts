import path from 'node:path';
import { loadConfig } from '../src/config';
import { migrate, openDatabase } from '../src/db/database';
import { loadDemoDataIfEmpty } from '../src/demo/demo-data';

/**
 * What every benchmark here starts from: the hub's environment (DATABASE_URL when given,
 * otherwise an embedded PostgreSQL of the benchmarks' own in .data/bench-postgres), and that
 * database migrated with the demo story loaded.
 */
export function benchEnv(): Record<string, string> {
  return {
    NODE_ENV: 'development',
    PORT: '0',
    EMBEDDED_PG_DIR: path.resolve(__dirname, '../.data/bench-postgres'),
    EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT ?? '54339',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  };
}

export async function openDemoDatabase(env = benchEnv()) {
  const database = await openDatabase(loadConfig(env));
  await migrate(database.orm);
  await loadDemoDataIfEmpty(database.orm.em.fork());
  return database;
}

/** Median and 95th percentile (nearest rank) of latencies already sorted ascending. */
export function latencySummary(sorted: number[]) {
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
  return { medianMs: rank(0.5), p95Ms: rank(0.95) };
}
