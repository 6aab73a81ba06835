import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log';
import { Role } from './users/role.enum';

/**
 * Configuration, read and validated once at start-up. A bad value stops the hub with one message
 * naming every bad variable, rather than surfacing later as a wrong decision about someone's case.
 * Each variable is declared once, in SETTINGS below (its parsing, default and meaning); the table
 * in docs/configuration.md is printed from it (`npm run config:doc`).
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

/** A bad configuration: `problems` lists each bad variable's message; `message` holds them all. */
class ConfigError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
  }
}

// ---- How a variable's text becomes a value. Every message follows the variable's name. ----

/** What a variable's (non-empty) text parses to. */
type Parser<T> = z.ZodType<T, z.ZodTypeDef, string>;

/** Each whole-number parser's range, for docs/configuration.md. */
const RANGES = new WeakMap<Parser<unknown>, [number, number]>();

const wholeNumber = (min: number, max: number): Parser<number> => {
  const message = `must be a whole number from ${min} to ${max}`;
  const parser = z
    .string()
    .transform(Number)
    .pipe(z.number({ message }).int(message).min(min, message).max(max, message));
  RANGES.set(parser, [min, max]);
  return parser;
};

const oneOf = <T extends string>(...values: [T, ...T[]]): Parser<T> =>
  z.enum(values, {
    message: `must be ${values
      .map((value) => `"${value}"`)
      .join(' or ')
      .replace(/ or (?=.* or )/g, ', ')}`,
  });

/**
 * Every yes-or-no variable reads one way: `true` or `1` is yes, `false` or `0` is no (lower case,
 * exactly); unset or empty is the variable's default. Anything else is refused, not guessed.
 */
const yesNo: Parser<boolean> = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true, false, 1 or 0' })
  .transform((value) => value === 'true' || value === '1');

const text: Parser<string> = z.string();

const url = (protocols: string[], message: string): Parser<string> =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, message);

const databaseUrl = url(
  ['postgres:', 'postgresql:'],
  'must be a PostgreSQL URL (postgres://user:password@host:5432/database)',
);

const trustedIssuer = z
  .object({
    issuer: z.string({ message: 'needs an issuer and an audience' }).min(1),
    audience: z.string({ message: 'needs an issuer and an audience' }).min(1),
    jwksUrl: url(['https:', 'http:'], 'needs a jwksUrl that is an https or http URL').optional(),
    localSecret: z.string({ message: 'needs a localSecret that is text' }).min(1).optional(),
  })
  .refine((entry) => !entry.jwksUrl !== !entry.localSecret, {
    message: 'needs exactly one of jwksUrl or localSecret',
  });

const trustedIssuers: Parser<TrustedIssuer[]> = z
  .string()
  .transform((value, context): unknown => {
    try {
      return JSON.parse(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'is not valid JSON' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(trustedIssuer, { message: 'must be a non-empty JSON list' })
      .min(1, 'must be a non-empty JSON list'),
  )
  // Only the four known keys are kept (an entry's other keys are not the hub's business).
  .transform((entries) =>
    entries.map(({ issuer, audience, jwksUrl, localSecret }) => ({
      issuer,
      audience,
      jwksUrl,
      localSecret,
    })),
  );

/** The hub roles a first sign-in may be given: every one but ADMINISTRATOR. */
export const PROVISIONED_ROLES: readonly Role[] = Object.values(Role).filter(
  (role) => role !== Role.ADMINISTRATOR,
);

const ROLE_MAP_SHAPE =
  'must be a JSON object from the identity provider\u2019s role names to hub roles, such as {"asb-caseworker": "PRACTITIONER"}';

/**
 * The identity provider's role names to hub roles. A Map, not the parsed object: a role name
 * such as `constructor` or `__proto__` must find nothing but its own entry.
 */
const provisioningRoles: Parser<ReadonlyMap<string, Role>> = z
  .string()
  .transform((value, context) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'is not valid JSON' });
      return z.NEVER;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      context.addIssue({ code: 'custom', message: ROLE_MAP_SHAPE });
      return z.NEVER;
    }
    const roles = new Map<string, Role>();
    for (const [name, role] of Object.entries(parsed)) {
      if (role === Role.ADMINISTRATOR) {
        // Administrators manage users and configuration: one is made by another administrator
        // or on the command line, never by whoever an identity provider says it is.
        context.addIssue({
          code: 'custom',
          message: `maps ${JSON.stringify(name)} to ADMINISTRATOR: administrators are created by an administrator or \`npm run admin\`, never at sign-in`,
        });
      } else if (!name || !PROVISIONED_ROLES.includes(role as Role)) {
        context.addIssue({
          code: 'custom',
          message: `maps ${JSON.stringify(name)} to ${JSON.stringify(role)}: each value must be one of ${PROVISIONED_ROLES.join(', ')}`,
        });
      } else {
        roles.set(name, role as Role);
      }
    }
    return roles;
  });

/** An origin as a browser sends it: scheme, host and port only. */
const origins: Parser<string[]> = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().refine(
        (origin) => {
          try {
            const parsed = new URL(origin);
            return ['https:', 'http:'].includes(parsed.protocol) && parsed.origin === origin;
          } catch {
            return false;
          }
        },
        { message: 'must list exact origins, such as https://app.example.org (no path, no *)' },
      ),
    ),
  );

/** OpenTelemetry's own form for exporter headers: `key=value,key2=value2` (values URL-encoded). */
const headerList: Parser<Record<string, string>> = z.string().transform((value, context) => {
  const headers: Record<string, string> = {};
  for (const pair of value.split(',')) {
    if (!pair.trim()) continue;
    const at = pair.indexOf('=');
    const key = pair.slice(0, at).trim();
    if (at < 1 || !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(key)) {
      context.addIssue({ code: 'custom', message: 'must be key=value pairs separated by commas' });
      return z.NEVER;
    }
    try {
      headers[key] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      context.addIssue({ code: 'custom', message: 'has a value that is not URL-encoded' });
      return z.NEVER;
    }
  }
  return headers;
});

const isoDateTime: Parser<Date> = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: 'must be an ISO 8601 date and time',
  })
  .transform((value) => new Date(value));

// ---- The variables. ----

interface Setting<T> {
  parser: Parser<unknown>;
  /** The value when the variable is unset or empty. */
  fallback(mode: HubMode): T;
  /** The default as docs/configuration.md says it. */
  shown: string;
  meaning: string;
  /** Its value may hold a secret, so no message repeats it. */
  secret: boolean;
}

interface Doc {
  meaning: string;
  shown?: string;
  secret?: boolean;
}

/** A variable with a default (`(mode) => value` when the default depends on NODE_ENV). */
function setting<T>(
  parser: Parser<T>,
  fallback: T | ((mode: HubMode) => T),
  doc: Doc & (T extends string | number | boolean ? unknown : { shown: string }),
): Setting<T> {
  return {
    parser,
    fallback: typeof fallback === 'function' ? (fallback as (mode: HubMode) => T) : () => fallback,
    shown: doc.shown ?? `\`${String(fallback)}\``,
    meaning: doc.meaning,
    secret: doc.secret ?? false,
  };
}

/** A variable that may be left unset. */
function optional<T>(parser: Parser<T>, doc: Doc): Setting<T | undefined> {
  return {
    parser,
    fallback: () => undefined,
    shown: doc.shown ?? 'unset',
    meaning: doc.meaning,
    secret: doc.secret ?? false,
  };
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const HARDENING = 'See [Hardening](../README.md#hardening).';

/** Every variable the hub reads, in the order docs/configuration.md lists them. */
export const SETTINGS = {
  NODE_ENV: setting<HubMode>(
    // An empty or unknown NODE_ENV means production: development behaviour must be asked for.
    z
      .string()
      .transform((value) => (value === 'development' || value === 'test' ? value : 'production')),
    'production',
    {
      shown: 'empty, which means production',
      meaning:
        '`development` or `test` must be asked for; anything else is production (introspection and field suggestions off, limits not named in errors, no demo issuer). `npm start` sets `development` unless `NODE_ENV` is set.',
    },
  ),
  DATABASE_URL: optional(databaseUrl, {
    secret: true,
    meaning:
      'PostgreSQL connection URL (`postgres://` or `postgresql://`). Unset: the hub starts an embedded PostgreSQL and uses its `asb_hub` database.',
  }),
  DATABASE_POOL_SIZE: setting(wholeNumber(1, 1000), DEFAULT_DATABASE_POOL_SIZE, {
    meaning:
      'Most connections one hub process holds to PostgreSQL at once. Several processes on one database: keep their sum, with `npm run migrate` and the sweeps, below the server’s `max_connections`.',
  }),
  EMBEDDED_PG_DIR: setting(text, '.data/postgres', {
    meaning: 'Data folder of the embedded server, kept between runs.',
  }),
  EMBEDDED_PG_PORT: setting(wholeNumber(1024, 65535), 54329, {
    meaning: 'Port of the embedded server.',
  }),
  HOST: setting(text, '127.0.0.1', { meaning: 'Interface to listen on.' }),
  PORT: setting(wholeNumber(0, 65535), 4000, { meaning: 'HTTP port.' }),
  DEMO_DATA: setting(yesNo, (mode) => mode !== 'production', {
    shown: '`true`, or `false` in production',
    meaning: '`true` (or `1`) loads the demo story into an empty database.',
  }),
  MIGRATIONS_ON_START: setting(
    oneOf('apply', 'refuse'),
    // Production upgrades are deliberate: migrating is a release step unless asked for at start.
    (mode) => (mode === 'production' ? 'refuse' : 'apply'),
    {
      shown: '`apply`, or `refuse` in production',
      meaning:
        '`apply`: pending migrations are applied as the hub starts. `refuse`: a hub on a database that is behind will not start (`npm run migrate` is then a release step of its own; [operations](operations.md)).',
    },
  ),
  SHUTDOWN_TIMEOUT_MS: setting(wholeNumber(1000, 600_000), 30_000, {
    meaning:
      'On SIGTERM or SIGINT the hub stops in order (see [operations](operations.md)); if that takes longer than this, it exits with code 1.',
  }),
  AUTH_TRUSTED_ISSUERS: optional(trustedIssuers, {
    secret: true,
    shown: 'the demo issuer; required in production',
    meaning:
      'JSON list of `{"issuer", "audience", "jwksUrl"}`. Each entry has exactly one of `jwksUrl` (the identity provider’s keys, an `https` or `http` URL) or `localSecret`; a `localSecret` is refused in production.',
  }),
  AUTH_LOCAL_SECRET: setting(text, DEMO_SECRET, {
    secret: true,
    shown: 'a built-in demo key',
    meaning:
      'HS256 key of the demo issuer (`asb-hub-demo`, audience `asb-hub`), used when `AUTH_TRUSTED_ISSUERS` is unset outside production. `npm run token` signs with it too.',
  }),
  AUTH_PROVISIONING: setting(oneOf('off', 'on'), 'off', {
    meaning:
      '`on`: a valid token from a trusted issuer whose subject has no user yet creates that user on its first request, in the partner its identity-provider claims name and the role `AUTH_PROVISIONING_ROLES` maps its role claim to (never `ADMINISTRATOR`; a deactivated user stays refused); audited. `off`: only users an administrator created sign in. See [onboarding](operations.md#onboarding-a-partnership).',
  }),
  AUTH_PROVISIONING_ROLE_CLAIM: setting(text, 'roles', {
    meaning:
      'The top-level token claim holding the identity provider’s role name, or a list of them, for `AUTH_PROVISIONING` (the whole name, dots and all: `https://example.org/roles` is one claim). Not `role` or `partner`, which the hub reads as its own.',
  }),
  AUTH_PROVISIONING_ROLES: setting(provisioningRoles, new Map<string, Role>(), {
    shown: 'none',
    meaning:
      'JSON object from the identity provider’s role names to the hub role each provisions, such as `{"asb-caseworker": "PRACTITIONER", "asb-supervisor": "SUPERVISOR"}`; required with `AUTH_PROVISIONING=on`. A token naming no listed role, or two that map to different hub roles, is refused. `ADMINISTRATOR` is refused here.',
  }),
  AUTH_CLOCK_TOLERANCE_SECONDS: setting(wholeNumber(0, 300), 30, {
    meaning: 'Clock skew allowed on a token’s `exp` and `nbf`.',
  }),
  AUTH_JWKS_COOLDOWN_MS: setting(wholeNumber(0, 60 * MINUTE_MS), 30_000, {
    meaning:
      'After fetching an issuer’s JWKS, a token with an unknown key id waits this long before the keys are fetched again.',
  }),
  AUTH_JWKS_CACHE_MAX_AGE_MS: setting(wholeNumber(1000, DAY_MS), 600_000, {
    meaning: 'Fetched keys are refreshed at least this often.',
  }),
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: setting(wholeNumber(60, 30 * 86_400), 86_400, {
    meaning:
      'A token whose `exp` is further than this after its `iat` is refused, as is one whose `iat` is in the future beyond `AUTH_CLOCK_TOLERANCE_SECONDS`; every token needs `iat`.',
  }),
  LOG_LEVEL: setting(oneOf<LogLevel>(...LOG_LEVELS), 'info', {
    meaning:
      'Which log lines are written: `trace`, `debug`, `info`, `warn`, `error`, `fatal` or `silent` (see [operations](operations.md)). No level ever writes SQL values, variables or personal data.',
  }),
  METRICS_TOKEN: optional(text, {
    secret: true,
    shown: 'unset: no `/metrics`',
    meaning:
      '`/metrics` (Prometheus) is served only when this is set, and only to `Authorization: Bearer <token>`; at least 32 characters in production.',
  }),
  OTEL_TRACING: setting(oneOf('off', 'on'), 'off', {
    meaning:
      '`on`: OpenTelemetry spans (HTTP requests, GraphQL operations, database statements) are sent to `OTEL_EXPORTER_OTLP_ENDPOINT`. Spans carry names, ids, codes and durations, never variables, SQL values or personal data. `off`: no OpenTelemetry SDK is loaded. See [Tracing](operations.md#tracing).',
  }),
  // Secret: a collector's URL may carry credentials, so no message repeats it.
  OTEL_EXPORTER_OTLP_ENDPOINT: setting(
    url(['http:', 'https:'], 'must be an http or https URL (https://collector.example.org:4318)'),
    'http://localhost:4318',
    {
      secret: true,
      meaning:
        'The OpenTelemetry collector’s OTLP/HTTP address; spans are sent as JSON to `<endpoint>/v1/traces`. Read only with `OTEL_TRACING=on`.',
    },
  ),
  OTEL_EXPORTER_OTLP_HEADERS: setting(
    headerList,
    {},
    {
      secret: true,
      shown: 'none',
      meaning:
        'Headers sent with each export, as `key=value,key2=value2` (values URL-encoded), such as a hosted collector’s API key.',
    },
  ),
  OTEL_SERVICE_NAME: setting(text, 'asb-hub', {
    meaning:
      'The `service.name` the hub’s spans carry, to tell deployments apart in the tracing backend.',
  }),
  CORS_ALLOWED_ORIGINS: setting(origins, [], {
    shown: 'none',
    meaning:
      'Comma-separated origins of browser applications that may call the hub, each exactly as a browser sends it (`https://app.example.org`: scheme, host, port). A page from another origin gets no `Access-Control-Allow-Origin` and cannot read an answer. Unset: no CORS headers at all. See [Browser clients](operations.md#browser-clients-cors-and-security-headers).',
  }),
  EPISODE_MATCH_MINUTES: setting(wholeNumber(0, 24 * 60), 120, {
    meaning:
      'A report at the same place, of the same category, within this many minutes of an incident already on the case is attached to it as a second report (0 turns matching off).',
  }),
  MAX_PAGE_SIZE: setting(wholeNumber(1, 1000), 100, {
    meaning: 'Largest `first` a list accepts; larger asks get `BAD_USER_INPUT`.',
  }),
  NOTIFICATION_POLL_MS: setting(wholeNumber(10, MINUTE_MS), 250, {
    meaning:
      'How often the notification dispatcher publishes committed, unpublished outbox events to live subscribers.',
  }),
  ACTION_OVERDUE_SWEEP_MS: setting(wholeNumber(10, DAY_MS), 300_000, {
    meaning:
      'How often the hub raises `ACTION_OVERDUE` for open actions past their due date, once per action.',
  }),
  CASE_REVIEW_SWEEP_MS: setting(wholeNumber(10, DAY_MS), 300_000, {
    meaning:
      'How often the hub raises `CASE_REVIEW_STEP_DUE` for case review steps (acknowledge, decide, meet, respond) left undone past their deadline, once per step per application.',
  }),
  SUBSCRIPTION_RECHECK_MS: setting(wholeNumber(0, 300_000), 30_000, {
    meaning:
      'How long a live subscription trusts its last check that its user is still active in the same partner and role; 0 checks before every event.',
  }),
  IDEMPOTENCY_KEY_TTL_SECONDS: setting(wholeNumber(60, 30 * 86_400), 86_400, {
    meaning:
      'How long a mutation’s `Idempotency-Key` is remembered, with its answer; a retry within it gets the first answer again.',
  }),
  // Defaults admit the shared case view (test/operations/case-view.graphql: depth 6, cost 839,
  // 312 tokens, no aliases or directives) with room to spare; README "Hardening".
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
  AUDIT: setting(oneOf('on', 'off'), 'on', {
    meaning:
      '`off` turns the audit of reads and writes off, for the benchmarks only; refused in production (the hub will not start) unless `BENCH_MODE=1`.',
  }),
  BENCH_MODE: setting(yesNo, false, {
    meaning:
      '`1` (or `true`): a benchmark run (`npm run bench`), not a deployment; allows the two switches that measure what the audit and the policy cost, and logs a warning at start-up.',
  }),
  BENCH_UNSAFE_NO_PERMISSIONS: setting(yesNo, false, {
    meaning:
      '`1` (or `true`) with `BENCH_MODE=1`: the sharing policy is not applied, every field is served to anyone signed in (benchmark comparison only); refused without `BENCH_MODE=1`.',
  }),
  CHROMIUM_PATH: setting(text, '/usr/bin/chromium', {
    meaning: 'The Chromium that prints documents to PDF (Debian’s `chromium` package).',
  }),
  IMPORT_DIR: setting(text, '.data/imports', {
    meaning:
      'Where uploads to `POST /imports` and their rejected rows reports are kept (see [Bulk import](../README.md#bulk-import)).',
  }),
  IMPORT_MAX_BYTES: setting(wholeNumber(1024, 64 * 1024 ** 3), 200 * 1024 * 1024, {
    shown: '`209715200` (200 MB)',
    meaning: 'Largest upload; larger gets HTTP 413 `PAYLOAD_TOO_LARGE`.',
  }),
  IMPORT_BATCH_ROWS: setting(wholeNumber(1, 100_000), 5000, {
    meaning: 'Rows per import batch, each one transaction.',
  }),
  IMPORT_REJECTED_REPORT_DAYS: setting(wholeNumber(1, 3650), 30, {
    meaning:
      'A finished run’s rejected rows report (partners’ rows as sent) is deleted this many days after the run ended; the run keeps its counts and the report URL then answers 404.',
  }),
  IMPORT_RETENTION_SWEEP_MS: setting(wholeNumber(10, DAY_MS), 3600_000, {
    meaning: 'How often the hub looks for rejected rows reports past their retention.',
  }),
  IMPORT_TAKEOVER_SWEEP_MS: setting(wholeNumber(10, 3600_000), 15_000, {
    meaning:
      'How often each process looks for an upload’s import that no process runs any more (its process stopped or died) and finishes it after its checkpoint.',
  }),
  HUB_CLOCK_START: optional(isoDateTime, {
    meaning:
      'An ISO 8601 date and time: the hub’s clock starts there and runs on (tests that start hub processes, rehearsals). Refused in production.',
  }),
  HUB_CLOCK_START_AS_OF_MS: optional(wholeNumber(0, Number.MAX_SAFE_INTEGER), {
    meaning:
      'The system time, in epoch ms, at which it was `HUB_CLOCK_START`: keeps a spawned hub from starting behind its parent.',
  }),
};

type Name = keyof typeof SETTINGS;
type Values = { [K in Name]: (typeof SETTINGS)[K] extends Setting<infer T> ? T : never };

/**
 * Rules across variables, or between a value and the mode. Each is checked only when the
 * variables it reads were themselves valid, so every message names a real problem.
 */
const RULES: { reads: Name[]; check(values: Values): string[] }[] = [
  {
    // A scraper's secret: long enough in production that it cannot be guessed.
    reads: ['NODE_ENV', 'METRICS_TOKEN'],
    check: ({ NODE_ENV, METRICS_TOKEN }) =>
      METRICS_TOKEN && NODE_ENV === 'production' && METRICS_TOKEN.length < 32
        ? ['METRICS_TOKEN must be at least 32 characters in production']
        : [],
  },
  {
    reads: ['NODE_ENV', 'AUTH_TRUSTED_ISSUERS'],
    check: ({ NODE_ENV, AUTH_TRUSTED_ISSUERS }) => {
      if (NODE_ENV !== 'production') return [];
      if (!AUTH_TRUSTED_ISSUERS) {
        return [
          'AUTH_TRUSTED_ISSUERS is required in production: a JSON list of {issuer, audience, jwksUrl}',
        ];
      }
      return AUTH_TRUSTED_ISSUERS.flatMap((entry, i) =>
        entry.localSecret
          ? [
              `AUTH_TRUSTED_ISSUERS[${i}]: a local signing secret is for the demo and tests, not production`,
            ]
          : [],
      );
    },
  },
  {
    reads: ['AUTH_PROVISIONING', 'AUTH_PROVISIONING_ROLE_CLAIM', 'AUTH_PROVISIONING_ROLES'],
    check: ({
      AUTH_PROVISIONING,
      AUTH_PROVISIONING_ROLE_CLAIM: claim,
      AUTH_PROVISIONING_ROLES,
    }) => {
      if (AUTH_PROVISIONING !== 'on') return [];
      const problems: string[] = [];
      // The hub compares a token's `role` with its own user's, and reads `partner` as its own
      // partner id: an identity provider's role names there would refuse every later sign-in.
      if (claim === 'role' || claim === 'partner') {
        problems.push(
          `AUTH_PROVISIONING_ROLE_CLAIM may not be "${claim}": the hub reads that claim as its own`,
        );
      }
      if (AUTH_PROVISIONING_ROLES.size === 0) {
        problems.push(
          'AUTH_PROVISIONING=on needs AUTH_PROVISIONING_ROLES: which identity provider roles become which hub roles',
        );
      }
      return problems;
    },
  },
  {
    reads: ['NODE_ENV', 'AUDIT', 'BENCH_MODE'],
    check: ({ NODE_ENV, AUDIT, BENCH_MODE }) =>
      AUDIT === 'off' && NODE_ENV === 'production' && !BENCH_MODE
        ? [
            'AUDIT=off is for benchmarks only (with BENCH_MODE=1): every read of personal data is audited in production',
          ]
        : [],
  },
  {
    // The load benchmark's switches: the policy may only be switched off knowingly.
    reads: ['BENCH_UNSAFE_NO_PERMISSIONS', 'BENCH_MODE'],
    check: ({ BENCH_UNSAFE_NO_PERMISSIONS, BENCH_MODE }) =>
      BENCH_UNSAFE_NO_PERMISSIONS && !BENCH_MODE
        ? [
            'BENCH_UNSAFE_NO_PERMISSIONS=1 serves every field to anyone: refused without BENCH_MODE=1 (benchmarks only)',
          ]
        : [],
  },
  {
    reads: ['NODE_ENV', 'HUB_CLOCK_START'],
    check: ({ NODE_ENV, HUB_CLOCK_START }) =>
      HUB_CLOCK_START && NODE_ENV === 'production'
        ? ['HUB_CLOCK_START is for tests and rehearsals: refused in production']
        : [],
  },
  {
    // Node refuses to start a server whose headers may take longer than the whole request.
    reads: ['HTTP_HEADERS_TIMEOUT_MS', 'HTTP_REQUEST_TIMEOUT_MS'],
    check: ({ HTTP_HEADERS_TIMEOUT_MS: headers, HTTP_REQUEST_TIMEOUT_MS: request }) =>
      headers > request
        ? [
            `HTTP_HEADERS_TIMEOUT_MS (${headers}) must not be longer than HTTP_REQUEST_TIMEOUT_MS (${request})`,
          ]
        : [],
  },
];

/** `[0]` for an entry of a list; object keys are left to the message, which names them. */
const where = (path: (string | number)[]) =>
  path
    .filter((part) => typeof part === 'number')
    .map((index) => `[${index}]`)
    .join('');

/** Reads every variable, then the rules across them; throws one ConfigError listing every problem. */
function readSettings(env: NodeJS.ProcessEnv): Values {
  const values: Partial<Record<Name, unknown>> = {};
  const problems: string[] = [];
  const mode = SETTINGS.NODE_ENV.parser.parse(env.NODE_ENV ?? '') as HubMode;
  for (const [name, spec] of Object.entries(SETTINGS) as [Name, Setting<unknown>][]) {
    const raw = env[name];
    // Unset and empty are the same: the default.
    if (raw === undefined || raw === '') {
      values[name] = spec.fallback(mode);
      continue;
    }
    const parsed = spec.parser.safeParse(raw);
    if (parsed.success) {
      values[name] = parsed.data;
      continue;
    }
    const messages = parsed.error.issues.map(
      (issue) =>
        `${name}${where(issue.path)} ${issue.message}${spec.secret ? '' : `, not "${raw}"`}`,
    );
    problems.push(...new Set(messages));
  }
  for (const rule of RULES) {
    if (rule.reads.every((name) => name in values)) problems.push(...rule.check(values as Values));
  }
  if (problems.length === 1) throw new ConfigError(problems[0]);
  if (problems.length > 1) {
    throw new ConfigError(
      `${problems.length} problems:\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
      problems,
    );
  }
  return values as Values;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const v = readSettings(env);
  return {
    mode: v.NODE_ENV,
    host: v.HOST,
    port: v.PORT,
    databaseUrl: v.DATABASE_URL,
    databasePoolSize: v.DATABASE_POOL_SIZE,
    embeddedPostgres: { dataDir: v.EMBEDDED_PG_DIR, port: v.EMBEDDED_PG_PORT },
    migrationsOnStart: v.MIGRATIONS_ON_START,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    loadDemoData: v.DEMO_DATA,
    trustedIssuers: v.AUTH_TRUSTED_ISSUERS ?? [
      { issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE, localSecret: v.AUTH_LOCAL_SECRET },
    ],
    episodeMatchMinutes: v.EPISODE_MATCH_MINUTES,
    maxPageSize: v.MAX_PAGE_SIZE,
    notificationPollMs: v.NOTIFICATION_POLL_MS,
    actionOverdueSweepMs: v.ACTION_OVERDUE_SWEEP_MS,
    auditEnabled: v.AUDIT === 'on',
    benchMode: v.BENCH_MODE,
    permissionsEnabled: !v.BENCH_UNSAFE_NO_PERMISSIONS,
    chromiumPath: v.CHROMIUM_PATH,
    clockStart: v.HUB_CLOCK_START,
    clockStartAsOfMs: v.HUB_CLOCK_START_AS_OF_MS,
    provisioning:
      v.AUTH_PROVISIONING === 'on'
        ? { roleClaim: v.AUTH_PROVISIONING_ROLE_CLAIM, roles: v.AUTH_PROVISIONING_ROLES }
        : undefined,
    auth: {
      clockToleranceSeconds: v.AUTH_CLOCK_TOLERANCE_SECONDS,
      jwksCooldownMs: v.AUTH_JWKS_COOLDOWN_MS,
      jwksCacheMaxAgeMs: v.AUTH_JWKS_CACHE_MAX_AGE_MS,
      maxTokenLifetimeSeconds: v.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    },
    limits: {
      maxDepth: v.MAX_QUERY_DEPTH,
      maxCost: v.MAX_QUERY_COST,
      maxAliases: v.MAX_QUERY_ALIASES,
      maxDirectives: v.MAX_QUERY_DIRECTIVES,
      maxTokens: v.MAX_QUERY_TOKENS,
      requestBodyLimitKb: v.REQUEST_BODY_LIMIT_KB,
      requestTimeoutMs: v.REQUEST_TIMEOUT_MS,
      maxConcurrentRequests: v.MAX_CONCURRENT_REQUESTS,
      maxQueuedRequests: v.MAX_QUEUED_REQUESTS,
      rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE,
    },
    caseReviewSweepMs: v.CASE_REVIEW_SWEEP_MS,
    idempotencyKeyTtlSeconds: v.IDEMPOTENCY_KEY_TTL_SECONDS,
    subscriptionRecheckMs: v.SUBSCRIPTION_RECHECK_MS,
    imports: {
      dir: v.IMPORT_DIR,
      maxBytes: v.IMPORT_MAX_BYTES,
      batchRows: v.IMPORT_BATCH_ROWS,
      rejectedReportRetentionDays: v.IMPORT_REJECTED_REPORT_DAYS,
      retentionSweepMs: v.IMPORT_RETENTION_SWEEP_MS,
      takeoverSweepMs: v.IMPORT_TAKEOVER_SWEEP_MS,
    },
    http: {
      headersTimeoutMs: v.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: v.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: v.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    corsAllowedOrigins: v.CORS_ALLOWED_ORIGINS,
    logLevel: v.LOG_LEVEL,
    metricsToken: v.METRICS_TOKEN,
    tracing: {
      enabled: v.OTEL_TRACING === 'on',
      endpoint: v.OTEL_EXPORTER_OTLP_ENDPOINT,
      headers: v.OTEL_EXPORTER_OTLP_HEADERS,
      serviceName: v.OTEL_SERVICE_NAME,
    },
  };
}

/** The configuration table, one row per variable, for docs/configuration.md. */
export function settingsTable(): { variable: string; shown: string; meaning: string }[] {
  return (Object.entries(SETTINGS) as [Name, Setting<unknown>][]).map(([variable, spec]) => {
    const range = RANGES.get(spec.parser);
    return {
      variable,
      shown: spec.shown,
      meaning: range ? `${spec.meaning} Whole number, ${range[0]} to ${range[1]}.` : spec.meaning,
    };
  });
}

export { ConfigError };
