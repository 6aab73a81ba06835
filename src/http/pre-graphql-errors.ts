import type express from 'express';
import { log } from '../log';

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
  const status = error.status ?? error.statusCode ?? 500;
  const [code, message] =
    status === 413
      ? ['PAYLOAD_TOO_LARGE', 'The request body is too large']
      : status < 500
        ? ['BAD_REQUEST', 'The request could not be read']
        : ['INTERNAL_SERVER_ERROR', 'Internal server error'];
  if (status >= 500) log.error('request failed before GraphQL', { error: String(error) });
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
