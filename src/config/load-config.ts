import type { HubConfig, HubMode } from './hub-config';
import { DEMO_AUDIENCE, DEMO_ISSUER } from './hub-config';
import { RULES } from './cross-rules';
import type { Setting } from './setting';
import { SETTINGS, type SettingName, type SettingValues } from './settings';

/** A bad configuration: `problems` lists each bad variable's message; `message` holds them all. */
class ConfigError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
  }
}

/** `[0]` for an entry of a list; object keys are left to the message, which names them. */
const where = (path: (string | number)[]) =>
  path
    .filter((part) => typeof part === 'number')
    .map((index) => `[${index}]`)
    .join('');

/** Reads every variable, then the rules across them; throws one ConfigError listing every problem. */
function readSettings(env: NodeJS.ProcessEnv): SettingValues {
  const values: Partial<Record<SettingName, unknown>> = {};
  const problems: string[] = [];
  const mode = SETTINGS.NODE_ENV.parser.parse(env.NODE_ENV ?? '') as HubMode;
  for (const [name, spec] of Object.entries(SETTINGS) as [SettingName, Setting<unknown>][]) {
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
    if (rule.reads.every((name) => name in values))
      problems.push(...rule.check(values as SettingValues));
  }
  if (problems.length === 1) throw new ConfigError(problems[0]);
  if (problems.length > 1) {
    throw new ConfigError(
      `${problems.length} problems:\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
      problems,
    );
  }
  return values as SettingValues;
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

export { ConfigError };
