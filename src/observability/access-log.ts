import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { log } from '../log';
import { operationLabel, requestDuration, requestsTotal } from './metrics';

/** What the access line says about a request, noted by the code that learns it. */
interface AccessFacts {
  /** The hub's own id of the signed-in user (users.id), never a name. */
  userId?: string;
  /** GraphQL: the operation's name as its document gives it, and its type. */
  operation?: string | null;
  operationType?: string;
}

const open = new Map<string, AccessFacts>();

/** Notes facts about the request `requestId` for its access line (ignored once it is answered). */
export function noteRequest(requestId: string | undefined, facts: AccessFacts) {
  const known = requestId ? open.get(requestId) : undefined;
  if (known) Object.assign(known, facts);
}

/** The id the access log gave this request (sent back as X-Request-Id by the routes that say it). */
export function requestIdOf(res: express.Response): string {
  return (res.locals.requestId as string | undefined) ?? randomUUID();
}

/**
 * The route's pattern once the request is answered (ids as `:id`, never the path's values or
 * query), so a label or span name is bounded by the routes the hub has; `/graphql` and the like
 * for a path no route pattern matched.
 */
export function routeOf(req: express.Request): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof route === 'string') return req.baseUrl + route;
  // originalUrl, since a router mounted on a path strips it from req.url while it runs.
  return '/' + (req.originalUrl.split(/[/?#]/)[1] ?? '');
}

/** Probes and scrapes: logged at debug, so a few a second do not drown the info lines. */
const PROBES = new Set(['healthz', 'readyz', 'metrics']);
const SURFACES = new Set([
  'graphql',
  'documents',
  'exports',
  'imports',
  'subject-access',
  ...PROBES,
]);

/**
 * One line per HTTP request when its answer is sent: surface, operation (GraphQL's operation
 * name, or the route), HTTP status, duration, user id and request id. Never the path's query,
 * the body, the GraphQL document or its variables. Also what /metrics counts per operation.
 */
export function accessLog(req: express.Request, res: express.Response, next: express.NextFunction) {
  const requestId = randomUUID();
  const started = performance.now();
  const facts: AccessFacts = {};
  open.set(requestId, facts);
  res.locals.requestId = requestId;
  // For a partner's support desk: the id to quote, the same as in the hub's log lines.
  res.setHeader('x-request-id', requestId);
  const first = req.path.split('/')[1] ?? '';
  const surface = SURFACES.has(first) ? first : 'other';
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    open.delete(requestId);
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const operation =
      surface === 'graphql'
        ? facts.operation === undefined
          ? 'unresolved'
          : operationLabel(facts.operation)
        : `${req.method} ${routeOf(req)}`;
    const status = res.statusCode;
    requestsTotal.inc({ surface, operation, status: String(status) });
    requestDuration.observe({ surface, operation }, durationMs / 1000);
    const line = {
      requestId,
      surface,
      operation: surface === 'graphql' ? (facts.operation ?? null) : operation,
      ...(facts.operationType ? { operationType: facts.operationType } : {}),
      status,
      durationMs,
      ...(facts.userId ? { userId: facts.userId } : {}),
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (PROBES.has(surface)) log.debug('request', line);
    else log.info('request', line);
  };
  res.on('finish', finish);
  res.on('close', finish);
  next();
}

/** Notes each GraphQL operation's name and type, once Apollo has resolved it from the document. */
export const accessLogPlugin: ApolloServerPlugin<{ requestId: string }> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation, operationName }) {
        noteRequest(contextValue.requestId, {
          operation: operation?.name?.value ?? operationName ?? null,
          operationType: operation?.operation,
        });
      },
    };
  },
};
