import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { HubError } from '../errors';
import { log } from '../log';
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
    log.error('unexpected error', { error: String((error as Error)?.stack ?? error) });
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
