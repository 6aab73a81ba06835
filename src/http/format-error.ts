import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/database-unavailable';
import { HubError } from '../errors';
import { currentRequestId, errorFields, log } from '../log';
import { isTooManyTokens, refusal } from './graphql-limits';

/** Apollo's own codes for requests it refused before execution: written for clients. */
const APOLLO_CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Refusals of what a client sent that graphql-js and Apollo raise without a code, so Apollo
 * would call them INTERNAL_SERVER_ERROR: graphql-js stops coercing variables after 50 errors
 * (a list of 51 bad items), and Apollo refuses a persisted query whose hash is not the query's
 * (persisted queries are off, docs/hardening.md, but the refusal stays a client's).
 */
const CLIENT_REFUSALS = [
  /^Too many errors processing variables, error limit reached\. Execution aborted\.$/,
  /^provided sha does not match query$/,
  /^Unsupported persisted query version$/,
];

/** The HubError behind an error, however deep (Apollo wraps validation errors, for one). */
function hubErrorIn(error: unknown): HubError | undefined {
  let cause: unknown = error;
  while (cause instanceof GraphQLError) {
    if (cause instanceof HubError) return cause;
    if (!cause.originalError || cause.originalError === cause) return undefined;
    cause = cause.originalError;
  }
  return undefined;
}

/**
 * Never sends a client SQL, a stack trace or another partner's data: errors without one of the
 * hub's codes become a generic message with a request id to quote to support. A HubError keeps
 * its own code even when Apollo wrapped it (a limit refused during validation).
 */
export function createErrorFormatter(options: { exposeLimits: boolean; hideSuggestions: boolean }) {
  return function formatError(given: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    // Apollo and graphql-armor hide "Did you mean" over HTTP; this covers graphql-ws too.
    const formatted = options.hideSuggestions
      ? { ...given, message: given.message.replace(/ ?Did you mean .+\?/g, '').trim() }
      : given;
    // `http` is Apollo's instruction for the response (status, headers), not for the client.
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    const hubError = hubErrorIn(error);
    if (hubError) {
      return { ...formatted, extensions: { ...extensions, code: hubError.extensions.code } };
    }
    // Refusals of the request itself (parse, validation, variable coercion) carry no path; an
    // error raised while executing a field does, and is only shown when the hub raised it.
    if (!formatted.path && APOLLO_CLIENT_CODES.has(String(formatted.extensions?.code))) {
      if (extensions.code === 'GRAPHQL_PARSE_FAILED' && isTooManyTokens(formatted.message)) {
        return {
          message: refusal('tokens', formatted.message, options.exposeLimits),
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens' },
        };
      }
      return { ...formatted, extensions };
    }
    if (!formatted.path && CLIENT_REFUSALS.some((refused) => refused.test(formatted.message))) {
      return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (isDatabaseUnavailable(error)) {
      log.warn('database unavailable', errorFields(error));
      const unavailable = databaseUnavailable();
      return {
        message: unavailable.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true },
      };
    }
    // The error's class and codes only: its message may hold SQL and the values bound to it.
    log.error('unexpected error', errorFields(error, { frames: true }));
    const requestId = currentRequestId();
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  };
}
