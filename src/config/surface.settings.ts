import { wholeNumber, origins } from './parsers';
import { setting, MINUTE_MS } from './setting';

const HARDENING = 'See [Hardening](hardening.md).';

/** What a client may ask of the hub in one request, and how long the hub waits for it (docs/hardening.md). */
export const SURFACE_SETTINGS = {
  title: 'The HTTP and GraphQL surface',
  settings: {
    CORS_ALLOWED_ORIGINS: setting(origins, [], {
      shown: 'none',
      meaning:
        'Comma-separated origins of browser applications that may call the hub, each exactly as a browser sends it (`https://app.example.org`: scheme, host, port). A page from another origin gets no `Access-Control-Allow-Origin` and cannot read an answer. Unset: no CORS headers at all. See [Browser clients](operations.md#browser-clients-cors-and-security-headers).',
    }),
    MAX_PAGE_SIZE: setting(wholeNumber(1, 1000), 100, {
      meaning: 'Largest `first` a list accepts; larger asks get `BAD_USER_INPUT`.',
    }),
    // Defaults admit the shared case view (test/operations/case-view.graphql: depth 6, cost 839,
    // 312 tokens, no aliases or directives) with room to spare; docs/hardening.md.
    MAX_QUERY_DEPTH: setting(wholeNumber(2, 50), 8, {
      meaning: `Deepest nesting of fields in one operation. ${HARDENING}`,
    }),
    MAX_QUERY_COST: setting(wholeNumber(10, 1_000_000), 3000, {
      meaning: `Largest cost of one operation, as graphql-armor counts it. ${HARDENING}`,
    }),
    MAX_QUERY_ALIASES: setting(wholeNumber(0, 1000), 15, {
      meaning: `Most aliases in one operation. ${HARDENING}`,
    }),
    MAX_QUERY_DIRECTIVES: setting(wholeNumber(0, 1000), 25, {
      meaning: `Most directives in one operation. ${HARDENING}`,
    }),
    MAX_QUERY_TOKENS: setting(wholeNumber(50, 100_000), 1000, {
      meaning: `Most lexical tokens in one document. ${HARDENING}`,
    }),
    REQUEST_BODY_LIMIT_KB: setting(wholeNumber(1, 10_240), 100, {
      meaning: 'Largest request body; larger gets HTTP 413 `PAYLOAD_TOO_LARGE`.',
    }),
    REQUEST_TIMEOUT_MS: setting(wholeNumber(1, 600_000), 10_000, {
      meaning: 'A request not answered in this time gets HTTP 503 `REQUEST_TIMEOUT`.',
    }),
    MAX_CONCURRENT_REQUESTS: setting(wholeNumber(1, 1000), 4, {
      meaning:
        'GraphQL operations executing at once in this process; more wait their turn in order of arrival (a few at a time keep PostgreSQL and the CPU busy and bound the memory).',
    }),
    MAX_QUEUED_REQUESTS: setting(wholeNumber(0, 100_000), 500, {
      meaning:
        'Operations that may wait for a turn; more get HTTP 503 `SERVER_BUSY` with `Retry-After: 1`.',
    }),
    RATE_LIMIT_PER_MINUTE: setting(wholeNumber(1, 1_000_000), 300, {
      meaning:
        'Requests (and subscription operations) per user per minute; more get HTTP 429 `RATE_LIMITED`.',
    }),
    HTTP_HEADERS_TIMEOUT_MS: setting(wholeNumber(100, 120_000), 10_000, {
      meaning:
        'A client has this long to send a request’s headers (slow-header clients are cut off); at most `HTTP_REQUEST_TIMEOUT_MS`.',
    }),
    // Room for the largest import upload over a slow link; GraphQL bodies are small.
    HTTP_REQUEST_TIMEOUT_MS: setting(wholeNumber(100, 60 * MINUTE_MS), 300_000, {
      meaning:
        'A client has this long to send a whole request, body included (uploads to `POST /imports` too).',
    }),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: setting(wholeNumber(100, 120_000), 5_000, {
      meaning: 'An idle kept-alive connection is closed after this long.',
    }),
    IDEMPOTENCY_KEY_TTL_SECONDS: setting(wholeNumber(60, 30 * 86_400), 86_400, {
      meaning:
        'How long a mutation’s `Idempotency-Key` is remembered, with its answer; a retry within it gets the first answer again.',
    }),
  },
};
