import { HeaderMap } from '@apollo/server';
import { ConnectionException } from '@mikro-orm/core';
import { HubError } from '../errors';

/** Seconds a client is told to wait before trying again while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Node's codes for a connection that could not be made or was lost. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * SQLSTATEs of a server that is there but cannot serve: class 08 (connection exception),
 * 57P01-57P03 (shut down, crash, starting up), 53300 (too many connections).
 */
const UNAVAILABLE_STATE = /^(08...|57P0[123]|53300)$/;

/**
 * The messages pg and knex give, without a code, for a connection that went away. Knex puts the
 * statement before them (`select … - Connection terminated unexpectedly`), as MikroORM's
 * DriverException keeps it: the statement is skipped, never logged.
 */
const UNAVAILABLE_MESSAGE =
  /^(?:[\s\S]* - )?(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|Knex: Timeout acquiring a connection)/;

/** True when `error` (or what it wraps) says PostgreSQL could not be reached, not that a statement failed. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let cause: unknown = error;
  for (let depth = 0; cause && typeof cause === 'object' && depth < 5; depth += 1) {
    if (cause instanceof ConnectionException) return true;
    const { code, message, errors } = cause as {
      code?: unknown;
      message?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_STATE.test(code))) {
      return true;
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    // Node gives an AggregateError when every address of a host refused.
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
    const next: unknown =
      (cause as { originalError?: unknown }).originalError ?? (cause as { cause?: unknown }).cause;
    if (next === cause) break;
    cause = next;
  }
  return false;
}

/** The answer while the database is down: HTTP 503, retryable, with Retry-After. */
export function databaseUnavailable(): HubError {
  const seconds = String(DATABASE_RETRY_AFTER_SECONDS);
  return new HubError(
    'DATABASE_UNAVAILABLE',
    `The hub cannot reach its database just now: try again in ${seconds} s`,
    { retryable: true, http: { status: 503, headers: new HeaderMap([['retry-after', seconds]]) } },
  );
}
