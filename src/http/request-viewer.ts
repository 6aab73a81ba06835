import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Viewer } from '../auth/viewer';
import { HubError } from '../errors';
import type { RateLimiter } from './rate-limiter';

/**
 * Who sends a request to one of the hub's plain HTTP URLs (documents, imports): the same bearer
 * token checks and per-user rate limit as GraphQL. Throws UNAUTHENTICATED, or RATE_LIMITED with
 * Retry-After set on `res`.
 */
export async function requestViewer(
  req: Request,
  res: Response,
  em: EntityManager,
  deps: { verifier: TokenVerifier; rateLimiter: RateLimiter },
): Promise<Viewer> {
  let viewer: Viewer;
  try {
    viewer = await deps.verifier.verify(req.headers.authorization, em);
  } catch (error) {
    if (error instanceof HubError) throw new HubError('UNAUTHENTICATED', error.message);
    throw error;
  }
  const waitMs = deps.rateLimiter.take(viewer.userId);
  if (waitMs > 0) {
    res.setHeader('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
    throw new HubError('RATE_LIMITED', 'Too many requests from your account: try again shortly');
  }
  return viewer;
}
