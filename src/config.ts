import { LOG_LEVELS, type LogLevel } from './log';

/**
 * Configuration, read and validated once at start-up. A bad value stops the hub with a message
 * naming the variable, rather than surfacing later as a wrong decision about someone's case.
 */
export type HubMode = 'production' | 'development' | 'test';

export interface TrustedIssuer {
  issuer: string;
  audience: string;
  /** Production: the identity provider's published keys (rotated without a restart). */
  jwksUrl?: string;
  /** Demo and tests only: a shared HS256 secret held by the hub itself. */
  localSecret?: string;
}

export interface HubConfig {
  mode: HubMode;
  host: string;
  port: number;
  /** When absent the hub starts (and owns) an embedded PostgreSQL. */
  databaseUrl?: string;
  embeddedPostgres: { dataDir: string; port: number };
  loadDemoData: boolean;
  /**
   * `apply`: the hub applies pending migrations as it starts (under the start-up lock, so two
   * processes may start at once). `refuse`: it will not start on a database that is behind, and
   * `npm run migrate` is a release step of its own (docs/operations.md "Upgrading").
   */
  migrationsOnStart: 'apply' | 'refuse';
  /** How long SIGTERM may take (requests in flight, imports' last batch) before the hub exits. */
  shutdownTimeoutMs: number;
  trustedIssuers: TrustedIssuer[];
  /** Two reports of one episode to different partners within this many minutes are one incident. */
  episodeMatchMinutes: number;
  /** Hard cap on any list page, so no client can pull a whole table in one request. */
  maxPageSize: number;
  /** How often the notification dispatcher looks for committed, unpublished events. */
  notificationPollMs: number;
  /** How often the hub looks for open actions past their due date. */
  actionOverdueSweepMs: number;
  /**
   * Audit of reads and writes of personal data. Always on in production; `AUDIT=off` exists only
   * so the benchmark can measure what the audit costs (in production only with `BENCH_MODE=1`).
   */
  auditEnabled: boolean;
  /**
   * `BENCH_MODE=1`: a production build run by the load benchmark (bench/load), which may then
   * switch the audit and the sharing policy off to measure what they cost. Never for a deployment.
   */
  benchMode: boolean;
  /**
   * The sharing policy (graphql-shield). Off only with `BENCH_UNSAFE_NO_PERMISSIONS=1` and
   * `BENCH_MODE=1`: every field of every record is then served to anyone signed in.
   */
  permissionsEnabled: boolean;
  /** Bearer token checks (src/auth/token-verifier.ts). */
  auth: AuthLimits;
  /** The GraphQL and HTTP surface's limits (OWASP GraphQL cheat sheet; README "Hardening"). */
  limits: SurfaceLimits;
  /** How often the hub looks for ASB case review steps left undone past their deadline. */
  caseReviewSweepMs: number;
  /**
   * How long a mutation's `Idempotency-Key` is remembered, with its answer, in seconds
   * (`IDEMPOTENCY_KEY_TTL_SECONDS`, 60 s to 30 days, default a day; src/http/idempotency.plugin.ts).
   */
  idempotencyKeyTtlSeconds: number;
  /**
   * How long a live subscription trusts its last check that its user is still active with the
   * same partner and role; the next event after that asks the database again.
   */
  subscriptionRecheckMs: number;
  /** The Chromium that prints documents to PDF (src/documents/pdf-renderer.ts). */
  chromiumPath: string;
  /**
   * `HUB_CLOCK_START`: the hub's time at start-up, running on from there (src/common/clock.ts).
   * For tests that start hub processes and for rehearsals; refused in production.
   */
  clockStart?: Date;
  /** When the parent that set HUB_CLOCK_START read it (its system time, epoch ms). */
  clockStartAsOfMs?: number;
  /** Bulk import of incidents (src/imports/; README "Bulk import"). */
  imports: ImportLimits;
  /** Node's HTTP server limits on slow clients (README "Hardening"). */
  http: HttpTimeouts;
  /** `LOG_LEVEL`: which log lines are written (src/log.ts; docs/operations.md "Logs"). */
  logLevel: LogLevel;
  /** `METRICS_TOKEN`: /metrics is served only when set, and only to this bearer token. */
  metricsToken?: string;
}

export interface HttpTimeouts {
  /** A client must have sent all its request headers within this time. */
  headersTimeoutMs: number;
  /** ... and its whole request, body included (an import upload too). */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this time. */
  keepAliveTimeoutMs: number;
}

export interface ImportLimits {
  /** Where uploaded files and their rejected rows reports are kept. */
  dir: string;
  /** Largest upload, in bytes; larger gets HTTP 413 PAYLOAD_TOO_LARGE. */
  maxBytes: number;
  /** Rows per batch: each batch is one transaction, and a failure loses at most the batch in flight. */
  batchRows: number;
  /** Days a finished run's rejected rows report is kept before it is deleted. */
  rejectedReportRetentionDays: number;
  /** How often the hub looks for rejected rows reports past their retention. */
  retentionSweepMs: number;
}

export interface AuthLimits {
  /** Clock skew tolerated on `exp`, `nbf` and `iat` between the identity provider and the hub. */
  clockToleranceSeconds: number;
  /** Longest a token may be valid (`exp` - `iat`); a longer-lived token is refused. */
  maxTokenLifetimeSeconds: number;
  /** After a JWKS fetch, an unknown key id waits this long before the keys are fetched again. */
  jwksCooldownMs: number;
  /** Keys fetched from a JWKS are refreshed at least this often. */
  jwksCacheMaxAgeMs: number;
}

export interface SurfaceLimits {
  /** Deepest nesting of fields in one operation. */
  maxDepth: number;
  /** graphql-armor's cost: objects 2, scalars 1, times 1.5 per level, times a literal `first`. */
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens in one document. */
  maxTokens: number;
  requestBodyLimitKb: number;
  /** A request not answered in this time gets REQUEST_TIMEOUT. */
  requestTimeoutMs: number;
  /** GraphQL operations executing at once; more wait in order (src/http/admission.ts). */
  maxConcurrentRequests: number;
  /** Operations that may wait; more get SERVER_BUSY. */
  maxQueuedRequests: number;
  /** Requests (and subscription operations) per user per minute, as a token bucket. */
  rateLimitPerMinute: number;
}

export const DEMO_ISSUER = 'asb-hub-demo';
export const DEMO_AUDIENCE = 'asb-hub';
/** Never valid in production: `loadConfig` refuses it there. */
export const DEMO_SECRET = 'asb-hub-demo-signing-key-not-for-production-use';

class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

function mode(env: NodeJS.ProcessEnv): HubMode {
  // An empty or unknown NODE_ENV means production: development behaviour must be asked for.
  const value = env.NODE_ENV;
  return value === 'development' || value === 'test' ? value : 'production';
}

function trustedIssuers(env: NodeJS.ProcessEnv, hubMode: HubMode): TrustedIssuer[] {
  const raw = env.AUTH_TRUSTED_ISSUERS;
  if (!raw) {
    if (hubMode === 'production') {
      throw new ConfigError(
        'AUTH_TRUSTED_ISSUERS is required in production: a JSON list of {issuer, audience, jwksUrl}',
      );
    }
    return [
      {
        issuer: DEMO_ISSUER,
        audience: DEMO_AUDIENCE,
        localSecret: env.AUTH_LOCAL_SECRET || DEMO_SECRET,
      },
    ];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('AUTH_TRUSTED_ISSUERS is not valid JSON');
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new ConfigError('AUTH_TRUSTED_ISSUERS must be a non-empty JSON list');
  }
  return parsed.map((entry, i) => {
    const { issuer, audience, jwksUrl, localSecret } = entry ?? {};
    if (typeof issuer !== 'string' || typeof audience !== 'string') {
      throw new ConfigError(`AUTH_TRUSTED_ISSUERS[${i}] needs an issuer and an audience`);
    }
    if (!jwksUrl === !localSecret) {
      throw new ConfigError(
        `AUTH_TRUSTED_ISSUERS[${i}] needs exactly one of jwksUrl or localSecret`,
      );
    }
    if (hubMode === 'production' && localSecret) {
      throw new ConfigError(
        `AUTH_TRUSTED_ISSUERS[${i}]: a local signing secret is for the demo and tests, not production`,
      );
    }
    return { issuer, audience, jwksUrl, localSecret };
  });
}

function audit(env: NodeJS.ProcessEnv, hubMode: HubMode, benchMode: boolean): boolean {
  const raw = env.AUDIT || 'on';
  if (raw !== 'on' && raw !== 'off')
    throw new ConfigError(`AUDIT must be "on" or "off", not "${raw}"`);
  if (raw === 'off' && hubMode === 'production' && !benchMode) {
    throw new ConfigError(
      'AUDIT=off is for benchmarks only (with BENCH_MODE=1): every read of personal data is audited in production',
    );
  }
  return raw === 'on';
}

/** Production upgrades are deliberate: migrating is a release step unless asked for at start. */
function migrationsOnStart(env: NodeJS.ProcessEnv, hubMode: HubMode): 'apply' | 'refuse' {
  const raw = env.MIGRATIONS_ON_START || (hubMode === 'production' ? 'refuse' : 'apply');
  if (raw !== 'apply' && raw !== 'refuse') {
    throw new ConfigError(`MIGRATIONS_ON_START must be "apply" or "refuse", not "${raw}"`);
  }
  return raw;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw !== '1') throw new ConfigError(`${name} must be "1" or unset, not "${raw}"`);
  return true;
}

/** The load benchmark's switches: the policy may only be switched off knowingly, for a benchmark. */
function permissionsEnabled(env: NodeJS.ProcessEnv, benchMode: boolean): boolean {
  if (!flag(env, 'BENCH_UNSAFE_NO_PERMISSIONS')) return true;
  if (!benchMode) {
    throw new ConfigError(
      'BENCH_UNSAFE_NO_PERMISSIONS=1 serves every field to anyone: refused without BENCH_MODE=1 (benchmarks only)',
    );
  }
  return false;
}

function clockStart(env: NodeJS.ProcessEnv, hubMode: HubMode): Date | undefined {
  const raw = env.HUB_CLOCK_START;
  if (!raw) return undefined;
  if (hubMode === 'production') {
    throw new ConfigError('HUB_CLOCK_START is for tests and rehearsals: refused in production');
  }
  const start = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(start.getTime())) {
    throw new ConfigError(`HUB_CLOCK_START must be an ISO 8601 date and time, not "${raw}"`);
  }
  return start;
}

/** HUB_CLOCK_START_AS_OF_MS: the system time (epoch ms) at which HUB_CLOCK_START was the time. */
function clockStartAsOfMs(env: NodeJS.ProcessEnv): number | undefined {
  if (!env.HUB_CLOCK_START_AS_OF_MS) return undefined;
  return integer(env, 'HUB_CLOCK_START_AS_OF_MS', 0, 0, Number.MAX_SAFE_INTEGER);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const hubMode = mode(env);
  const benchMode = flag(env, 'BENCH_MODE');
  return {
    mode: hubMode,
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPostgres: {
      dataDir: env.EMBEDDED_PG_DIR || '.data/postgres',
      port: integer(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    },
    migrationsOnStart: migrationsOnStart(env, hubMode),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 30_000, 1000, 600_000),
    loadDemoData: (env.DEMO_DATA ?? (hubMode === 'production' ? 'false' : 'true')) === 'true',
    trustedIssuers: trustedIssuers(env, hubMode),
    episodeMatchMinutes: integer(env, 'EPISODE_MATCH_MINUTES', 120, 0, 24 * 60),
    maxPageSize: integer(env, 'MAX_PAGE_SIZE', 100, 1, 1000),
    notificationPollMs: integer(env, 'NOTIFICATION_POLL_MS', 250, 10, 60_000),
    actionOverdueSweepMs: integer(env, 'ACTION_OVERDUE_SWEEP_MS', 300_000, 10, 24 * 3600 * 1000),
    auditEnabled: audit(env, hubMode, benchMode),
    benchMode,
    permissionsEnabled: permissionsEnabled(env, benchMode),
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    clockStart: clockStart(env, hubMode),
    clockStartAsOfMs: clockStartAsOfMs(env),
    auth: {
      clockToleranceSeconds: integer(env, 'AUTH_CLOCK_TOLERANCE_SECONDS', 30, 0, 300),
      jwksCooldownMs: integer(env, 'AUTH_JWKS_COOLDOWN_MS', 30_000, 0, 3600_000),
      jwksCacheMaxAgeMs: integer(env, 'AUTH_JWKS_CACHE_MAX_AGE_MS', 600_000, 1000, 24 * 3600_000),
      maxTokenLifetimeSeconds: integer(
        env,
        'AUTH_MAX_TOKEN_LIFETIME_SECONDS',
        86_400,
        60,
        30 * 86_400,
      ),
    },
    // Defaults admit the shared case view (test/operations/case-view.graphql: depth 6, cost 839,
    // 312 tokens, no aliases or directives) with room to spare; README "Hardening".
    limits: {
      maxDepth: integer(env, 'MAX_QUERY_DEPTH', 8, 2, 50),
      maxCost: integer(env, 'MAX_QUERY_COST', 3000, 10, 1_000_000),
      maxAliases: integer(env, 'MAX_QUERY_ALIASES', 15, 0, 1000),
      maxDirectives: integer(env, 'MAX_QUERY_DIRECTIVES', 25, 0, 1000),
      maxTokens: integer(env, 'MAX_QUERY_TOKENS', 1000, 50, 100_000),
      requestBodyLimitKb: integer(env, 'REQUEST_BODY_LIMIT_KB', 100, 1, 10_240),
      requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 10_000, 1, 600_000),
      maxConcurrentRequests: integer(env, 'MAX_CONCURRENT_REQUESTS', 4, 1, 1000),
      maxQueuedRequests: integer(env, 'MAX_QUEUED_REQUESTS', 500, 0, 100_000),
      rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 300, 1, 1_000_000),
    },
    caseReviewSweepMs: integer(env, 'CASE_REVIEW_SWEEP_MS', 300_000, 10, 24 * 3600 * 1000),
    idempotencyKeyTtlSeconds: integer(env, 'IDEMPOTENCY_KEY_TTL_SECONDS', 86_400, 60, 30 * 86_400),
    subscriptionRecheckMs: integer(env, 'SUBSCRIPTION_RECHECK_MS', 30_000, 0, 300_000),
    imports: {
      dir: env.IMPORT_DIR || '.data/imports',
      maxBytes: integer(env, 'IMPORT_MAX_BYTES', 200 * 1024 * 1024, 1024, 64 * 1024 ** 3),
      batchRows: integer(env, 'IMPORT_BATCH_ROWS', 5000, 1, 100_000),
      rejectedReportRetentionDays: integer(env, 'IMPORT_REJECTED_REPORT_DAYS', 30, 1, 3650),
      retentionSweepMs: integer(env, 'IMPORT_RETENTION_SWEEP_MS', 3600_000, 10, 24 * 3600 * 1000),
    },
    http: httpTimeouts(env),
    logLevel: logLevel(env),
    metricsToken: metricsToken(env, hubMode),
  };
}

function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(raw as LogLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${raw}"`);
  }
  return raw as LogLevel;
}

/** A scraper's secret: long enough in production that it cannot be guessed. */
function metricsToken(env: NodeJS.ProcessEnv, hubMode: HubMode): string | undefined {
  const raw = env.METRICS_TOKEN || undefined;
  if (raw && hubMode === 'production' && raw.length < 32) {
    throw new ConfigError('METRICS_TOKEN must be at least 32 characters in production');
  }
  return raw;
}

function httpTimeouts(env: NodeJS.ProcessEnv): HttpTimeouts {
  const timeouts = {
    headersTimeoutMs: integer(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 120_000),
    // Room for the largest import upload over a slow link; GraphQL bodies are small.
    requestTimeoutMs: integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 300_000, 100, 3600_000),
    keepAliveTimeoutMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 120_000),
  };
  // Node refuses to start a server whose headers may take longer than the whole request.
  if (timeouts.headersTimeoutMs > timeouts.requestTimeoutMs) {
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_MS (${timeouts.headersTimeoutMs}) must not be longer than HTTP_REQUEST_TIMEOUT_MS (${timeouts.requestTimeoutMs})`,
    );
  }
  return timeouts;
}

export { ConfigError };
