import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { knownMigrations, migrationsBehind } from '../db/start-up';
import { errorFields, log } from '../log';

/** Why a hub is not ready: a code, never the error or the migrations' names. */
export type NotReady = 'DATABASE_UNAVAILABLE' | 'MIGRATIONS_PENDING' | 'SHUTTING_DOWN';

/**
 * GET /readyz: 200 `{ status: "ready" }` when the database answers and has every migration this
 * hub has; otherwise 503 `{ status: "not ready", reason }`. A load balancer sends requests only
 * to a ready hub; /healthz stays liveness alone (the process answers).
 */
export function readinessRoute(orm: MikroORM, stopping: () => boolean): express.RequestHandler {
  const known = knownMigrations();
  return async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    const reason = stopping() ? 'SHUTTING_DOWN' : await check(orm, known);
    if (reason) res.status(503).json({ status: 'not ready', reason });
    else res.status(200).json({ status: 'ready' });
  };
}

async function check(orm: MikroORM, known: string[]): Promise<NotReady | undefined> {
  try {
    await orm.em.fork().getConnection().execute('select 1');
  } catch {
    return 'DATABASE_UNAVAILABLE';
  }
  try {
    return (await migrationsBehind(orm, known)).length ? 'MIGRATIONS_PENDING' : undefined;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) log.warn('readiness check failed', errorFields(error));
    return 'DATABASE_UNAVAILABLE';
  }
}
