import type { LogLevel } from '../log';
import type { Role } from '../users/role.enum';

/**
 * The hub's configuration as the code reads it: the shape `loadConfig` returns (src/config/load-config.ts),
 * read and validated once at start-up. A bad value stops the hub with one message
 * naming every bad variable, rather than surfacing later as a wrong decision about someone's case.
 * Each variable is declared once, in a settings file of its subject (src/config/*.settings.ts: its
 * parsing, default and meaning); the tables in docs/configuration.md are printed from them
 * (`npm run config:doc`).
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
  /** Most connections this process holds to PostgreSQL at once (the ORM's pool). */
  databasePoolSize: number;
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
  /**
   * `AUTH_PROVISIONING=on`: a valid token whose subject has no user yet creates one on its first
   * request (src/auth/provisioning.ts). Absent (the default): unknown subjects are refused.
   */
  provisioning?: ProvisioningRules;
  /** The GraphQL and HTTP surface's limits (OWASP GraphQL cheat sheet; docs/hardening.md). */
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
  /** Bulk import of incidents (src/imports/; docs/import.md). */
  imports: ImportLimits;
  /** Node's HTTP server limits on slow clients (docs/hardening.md). */
  http: HttpTimeouts;
  /**
   * Origins of browser applications that may call the hub (CORS), exactly as a browser sends
   * them (`https://app.example.org`). Empty: no CORS headers, so no other site's page can read
   * an answer.
   */
  corsAllowedOrigins: string[];
  /** `LOG_LEVEL`: which log lines are written (src/log.ts; docs/operations.md "Logs"). */
  logLevel: LogLevel;
  /** `METRICS_TOKEN`: /metrics is served only when set, and only to this bearer token. */
  metricsToken?: string;
  /** OpenTelemetry tracing (src/observability/tracing.ts; docs/operations.md "Tracing"). */
  tracing: TracingConfig;
}

export interface TracingConfig {
  /** `OTEL_TRACING=on`; off, no OpenTelemetry SDK is loaded and nothing is traced. */
  enabled: boolean;
  /** The collector's OTLP/HTTP base URL; spans are POSTed to `<endpoint>/v1/traces` as JSON. */
  endpoint: string;
  /** Headers for the collector (its API key, say), from `OTEL_EXPORTER_OTLP_HEADERS`. */
  headers: Record<string, string>;
  /** `service.name` on every span. */
  serviceName: string;
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
  /**
   * How often each process looks for an upload's run that no process runs any more (its process
   * stopped or died) and resumes it (src/imports/import-takeover.ts).
   */
  takeoverSweepMs: number;
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

/** How a first sign-in's token claims become a hub user (docs/operations.md "Onboarding"). */
export interface ProvisioningRules {
  /** The top-level claim holding the identity provider's role name, or a list of them. */
  roleClaim: string;
  /** The identity provider's role names, each to the hub role it provisions; never ADMINISTRATOR. */
  roles: ReadonlyMap<string, Role>;
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
/** Connections per process unless DATABASE_POOL_SIZE says otherwise (also src/db/orm-options.ts). */
export const DEFAULT_DATABASE_POOL_SIZE = 10;
