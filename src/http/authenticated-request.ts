import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Viewer } from '../auth/viewer';
import { HubError } from '../errors';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  databaseUnavailable,
  isDatabaseUnavailable,
} from '../db/database-unavailable';
import { errorFields, log } from '../log';
import { noteRequest, requestIdOf } from '../observability/access-log';
import { mayEverRead } from '../permissions/decide';
import { policy } from '../permissions/policy';
import type { RateLimiter } from './rate-limiter';

/** HTTP statuses of the hub's error codes on plain (non-GraphQL) URLs; anything else is 500. */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  RATE_LIMITED: 429,
  AUDIT_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
};

/**
 * The signed-in viewer of a plain HTTP request (documents, exports): the same bearer token
 * checks as GraphQL (401 `UNAUTHENTICATED`) and the same per-user rate limit (429 with Retry-After).
 */
export async function authenticate(
  deps: { verifier: TokenVerifier; rateLimiter: RateLimiter },
  req: Request,
  res: Response,
  em: EntityManager,
): Promise<Viewer> {
  let viewer: Viewer;
  try {
    viewer = await deps.verifier.verify(req.headers.authorization, em);
  } catch (error) {
    if (error instanceof HubError) throw new HubError('UNAUTHENTICATED', error.message);
    throw error;
  }
  noteRequest(requestIdOf(res), { userId: viewer.userId });
  const waitMs = deps.rateLimiter.take(viewer.userId);
  if (waitMs > 0) {
    res.setHeader('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
    throw new HubError('RATE_LIMITED', 'Too many requests from your account: try again shortly');
  }
  return viewer;
}

/** Refuses (403 `FORBIDDEN`) a viewer the policy never lets read `Type.field`. */
export function requireReadable(viewer: Viewer, [typeName, field]: readonly [string, string]) {
  if (!mayEverRead(policy[typeName].fields[field], viewer)) {
    throw new HubError('FORBIDDEN', `Your partner and role may not read ${typeName}.${field}`);
  }
}

/**
 * Answers a failed request as GraphQL would put it: `{ errors: [{ message, extensions: { code,
 * requestId } }] }` with the code's HTTP status. Unexpected errors are logged and masked.
 */
export function sendError(
  res: Response,
  failure: unknown,
  requestId: string,
  statuses: Record<string, number> = {},
) {
  const error =
    !(failure instanceof HubError) && isDatabaseUnavailable(failure)
      ? databaseUnavailable()
      : failure;
  const known = error instanceof HubError;
  const code = known ? String(error.extensions.code) : 'INTERNAL_SERVER_ERROR';
  // The error's class and codes only: its message may hold SQL and the values bound to it.
  if (!known) log.error('request failed', { requestId, ...errorFields(error, { frames: true }) });
  if (code === 'DATABASE_UNAVAILABLE') {
    res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
  }
  const message = known ? error.message : 'Internal server error';
  const extensions: Record<string, unknown> = { code, requestId };
  if (known && error.extensions.field) extensions.field = error.extensions.field;
  // A refusal may name its own status (415 for a body of the wrong type) where its code is generic.
  const own = known
    ? (error.extensions.http as { status?: number } | undefined)?.status
    : undefined;
  res
    .status(own ?? statuses[code] ?? STATUS[code] ?? 500)
    .json({ errors: [{ message, extensions }] });
}
