import type express from 'express';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  databaseUnavailable,
  isDatabaseUnavailable,
} from '../db/database-unavailable';
import { errorFields, log } from '../log';

/**
 * Errors raised before GraphQL (a body too large, malformed JSON) answer in GraphQL's shape:
 * Express's own handler would send an HTML page with a stack trace.
 */
export function answerErrorsBeforeGraphQL(
  error: { status?: number; statusCode?: number },
  _req: express.Request,
  res: express.Response,
  _next: express.NextFunction,
) {
  if (isDatabaseUnavailable(error)) {
    const unavailable = databaseUnavailable();
    res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    res.status(503).json({
      errors: [{ message: unavailable.message, extensions: { code: 'DATABASE_UNAVAILABLE' } }],
    });
    return;
  }
  const status = error.status ?? error.statusCode ?? 500;
  const [code, message] =
    status === 413
      ? ['PAYLOAD_TOO_LARGE', 'The request body is too large']
      : status < 500
        ? ['BAD_REQUEST', 'The request could not be read']
        : ['INTERNAL_SERVER_ERROR', 'Internal server error'];
  // Never the error's message: a body parser quotes what it could not read.
  if (status >= 500)
    log.error('request failed before GraphQL', errorFields(error, { frames: true }));
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
