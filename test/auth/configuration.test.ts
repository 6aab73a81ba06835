import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { renderConfigurationDoc } from '../../src/config-doc';
import { ormOptions } from '../../src/db/orm-options';

describe('configuration', () => {
  it('treats an empty NODE_ENV as production, where the demo issuer is not trusted', () => {
    expect(() => loadConfig({ NODE_ENV: '' })).toThrow(
      /AUTH_TRUSTED_ISSUERS is required in production/,
    );
  });

  it('refuses a local signing secret in production', () => {
    const issuers = JSON.stringify([{ issuer: 'idp', audience: 'asb-hub', localSecret: 'x' }]);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_TRUSTED_ISSUERS: issuers })).toThrow(
      ConfigError,
    );
  });

  it('accepts a JWKS issuer in production, with no demo data by default', () => {
    const issuers = JSON.stringify([
      { issuer: 'https://idp.example', audience: 'asb-hub', jwksUrl: 'https://idp.example/jwks' },
    ]);
    const config = loadConfig({ NODE_ENV: 'production', AUTH_TRUSTED_ISSUERS: issuers });
    expect(config.mode).toBe('production');
    expect(config.loadDemoData).toBe(false);
    expect(config.trustedIssuers).toEqual([
      { issuer: 'https://idp.example', audience: 'asb-hub', jwksUrl: 'https://idp.example/jwks' },
    ]);
  });

  it('sets the hub\u2019s clock only outside production, from an ISO 8601 date and time', () => {
    expect(
      loadConfig({ NODE_ENV: 'test', HUB_CLOCK_START: '2030-01-02T03:04:05Z' }).clockStart,
    ).toEqual(new Date('2030-01-02T03:04:05Z'));
    expect(loadConfig({ NODE_ENV: 'test' }).clockStart).toBeUndefined();
    expect(() => loadConfig({ NODE_ENV: 'test', HUB_CLOCK_START: 'next week' })).toThrow(
      'HUB_CLOCK_START must be an ISO 8601 date and time, not "next week"',
    );
    const issuers = JSON.stringify([
      { issuer: 'https://idp.example', audience: 'asb-hub', jwksUrl: 'https://idp.example/jwks' },
    ]);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        AUTH_TRUSTED_ISSUERS: issuers,
        HUB_CLOCK_START: '2030-01-02T03:04:05Z',
      }),
    ).toThrow(/HUB_CLOCK_START .* refused in production/);
  });

  it('refuses a page size cap that is not a whole number, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'development', MAX_PAGE_SIZE: 'lots' })).toThrow(
      'MAX_PAGE_SIZE must be a whole number from 1 to 1000, not "lots"',
    );
  });

  it('sets the surface limits by default so that the shared case view fits with room to spare', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.limits).toEqual({
      maxDepth: 8,
      maxCost: 3000,
      maxAliases: 15,
      maxDirectives: 25,
      maxTokens: 1000,
      requestBodyLimitKb: 100,
      requestTimeoutMs: 10_000,
      maxConcurrentRequests: 4,
      maxQueuedRequests: 500,
      rateLimitPerMinute: 300,
    });
    expect(config.auth).toEqual({
      clockToleranceSeconds: 30,
      jwksCooldownMs: 30_000,
      jwksCacheMaxAgeMs: 600_000,
      maxTokenLifetimeSeconds: 86_400,
    });
    expect(config.http).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 300_000,
      keepAliveTimeoutMs: 5_000,
    });
  });

  it('refuses headers allowed longer than the whole request, naming both variables', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'development',
        HTTP_HEADERS_TIMEOUT_MS: '20000',
        HTTP_REQUEST_TIMEOUT_MS: '10000',
      }),
    ).toThrow(
      'HTTP_HEADERS_TIMEOUT_MS (20000) must not be longer than HTTP_REQUEST_TIMEOUT_MS (10000)',
    );
  });

  it('refuses a rate limit or a timeout that is not a whole number, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'development', RATE_LIMIT_PER_MINUTE: '0' })).toThrow(
      'RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 1000000, not "0"',
    );
    expect(() => loadConfig({ NODE_ENV: 'development', REQUEST_TIMEOUT_MS: '10s' })).toThrow(
      /^REQUEST_TIMEOUT_MS must be a whole number/,
    );
    expect(() => loadConfig({ NODE_ENV: 'development', MAX_CONCURRENT_REQUESTS: '0' })).toThrow(
      /^MAX_CONCURRENT_REQUESTS must be a whole number from 1/,
    );
  });

  it('audits every read and applies the sharing policy in production unless a benchmark says BENCH_MODE=1', () => {
    const production = {
      NODE_ENV: 'production',
      AUTH_TRUSTED_ISSUERS: JSON.stringify([
        { issuer: 'https://idp.example', audience: 'asb-hub', jwksUrl: 'https://idp.example/jwks' },
      ]),
    };
    const shipped = loadConfig(production);
    expect(shipped).toMatchObject({
      auditEnabled: true,
      permissionsEnabled: true,
      benchMode: false,
    });
    expect(() => loadConfig({ ...production, AUDIT: 'off' })).toThrow(
      /^AUDIT=off is for benchmarks only \(with BENCH_MODE=1\)/,
    );
    expect(() => loadConfig({ ...production, BENCH_UNSAFE_NO_PERMISSIONS: '1' })).toThrow(
      /^BENCH_UNSAFE_NO_PERMISSIONS=1 serves every field to anyone: refused without BENCH_MODE=1/,
    );
    expect(() => loadConfig({ NODE_ENV: 'development', BENCH_UNSAFE_NO_PERMISSIONS: '1' })).toThrow(
      /refused without BENCH_MODE=1/,
    );
    expect(() => loadConfig({ ...production, BENCH_MODE: 'yes' })).toThrow(
      'BENCH_MODE must be true, false, 1 or 0, not "yes"',
    );
    expect(
      loadConfig({
        ...production,
        BENCH_MODE: '1',
        AUDIT: 'off',
        BENCH_UNSAFE_NO_PERMISSIONS: '1',
      }),
    ).toMatchObject({ auditEnabled: false, permissionsEnabled: false, benchMode: true });
  });

  it('names every bad variable in one message, so an operator mends them all in one go', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        NODE_ENV: 'development',
        PORT: 'eighty',
        MAX_PAGE_SIZE: '0',
        DEMO_DATA: 'yes',
        DATABASE_URL: 'not a url',
        HTTP_HEADERS_TIMEOUT_MS: '20000',
        HTTP_REQUEST_TIMEOUT_MS: '10000',
      });
    } catch (thrown) {
      error = thrown as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      'DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database)',
      'PORT must be a whole number from 0 to 65535, not "eighty"',
      'DEMO_DATA must be true, false, 1 or 0, not "yes"',
      'MAX_PAGE_SIZE must be a whole number from 1 to 1000, not "0"',
      'HTTP_HEADERS_TIMEOUT_MS (20000) must not be longer than HTTP_REQUEST_TIMEOUT_MS (10000)',
    ]);
    expect(error!.message).toBe(
      `5 problems:\n${error!.problems.map((problem) => `  ${problem}`).join('\n')}`,
    );
  });

  it('reads every yes-or-no variable one way: true or 1 is yes, false or 0 is no, unset is the default', () => {
    for (const [raw, expected] of [
      ['true', true],
      ['1', true],
      ['false', false],
      ['0', false],
      ['', true],
    ] as const) {
      expect(loadConfig({ NODE_ENV: 'development', DEMO_DATA: raw }).loadDemoData).toBe(expected);
    }
    expect(loadConfig({ NODE_ENV: 'development', BENCH_MODE: 'true' }).benchMode).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', BENCH_MODE: '0' }).benchMode).toBe(false);
    for (const raw of ['TRUE', 'yes', 'on', ' 1']) {
      expect(() => loadConfig({ NODE_ENV: 'development', DEMO_DATA: raw })).toThrow(
        `DEMO_DATA must be true, false, 1 or 0, not "${raw}"`,
      );
    }
  });

  it('refuses a database URL or a JWKS URL that is not a URL, without repeating what may be a password', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'development', DATABASE_URL: 'mysql://hub:s3cret@db/asb' }),
    ).toThrow(/^DATABASE_URL must be a PostgreSQL URL[^"]*$/);
    expect(
      loadConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgresql://hub:s3cret@db:5432/asb' })
        .databaseUrl,
    ).toBe('postgresql://hub:s3cret@db:5432/asb');
    const issuers = JSON.stringify([
      { issuer: 'https://idp.example', audience: 'asb-hub', jwksUrl: 'idp.example/jwks' },
    ]);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_TRUSTED_ISSUERS: issuers })).toThrow(
      'AUTH_TRUSTED_ISSUERS[0] needs a jwksUrl that is an https or http URL',
    );
  });

  it('sizes the database pool from DATABASE_POOL_SIZE, ten connections unless told', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).databasePoolSize).toBe(10);
    expect(loadConfig({ NODE_ENV: 'development', DATABASE_POOL_SIZE: '25' }).databasePoolSize).toBe(
      25,
    );
    expect(() => loadConfig({ NODE_ENV: 'development', DATABASE_POOL_SIZE: '0' })).toThrow(
      'DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not "0"',
    );
    expect(ormOptions('postgres://db/asb', 25).pool).toEqual({ min: 0, max: 25 });
    expect(ormOptions('postgres://db/asb').pool).toEqual({ min: 0, max: 10 });
  });

  it('allows browser applications from exact origins only (CORS_ALLOWED_ORIGINS), none unless told', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).corsAllowedOrigins).toEqual([]);
    expect(
      loadConfig({
        NODE_ENV: 'development',
        CORS_ALLOWED_ORIGINS: 'https://cases.example.org, http://localhost:5173',
      }).corsAllowedOrigins,
    ).toEqual(['https://cases.example.org', 'http://localhost:5173']);
    for (const raw of ['*', 'https://cases.example.org/', 'cases.example.org']) {
      expect(() => loadConfig({ NODE_ENV: 'development', CORS_ALLOWED_ORIGINS: raw })).toThrow(
        /^CORS_ALLOWED_ORIGINS\[0\] must list exact origins/,
      );
    }
  });

  it('traces only when OTEL_TRACING=on, to an http or https collector, without repeating its URL or headers in a message', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).tracing).toEqual({
      enabled: false,
      endpoint: 'http://localhost:4318',
      headers: {},
      serviceName: 'asb-hub',
    });
    expect(
      loadConfig({
        NODE_ENV: 'production',
        AUTH_TRUSTED_ISSUERS: JSON.stringify([
          {
            issuer: 'https://idp.example',
            audience: 'asb-hub',
            jwksUrl: 'https://idp.example/jwks',
          },
        ]),
        OTEL_TRACING: 'on',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://collector.example.org:4318',
        OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=k%3D1, x-team=asb',
        OTEL_SERVICE_NAME: 'asb-hub-north',
      }).tracing,
    ).toEqual({
      enabled: true,
      endpoint: 'https://collector.example.org:4318',
      headers: { 'x-api-key': 'k=1', 'x-team': 'asb' },
      serviceName: 'asb-hub-north',
    });
    expect(() => loadConfig({ NODE_ENV: 'development', OTEL_TRACING: 'yes' })).toThrow(
      'OTEL_TRACING must be "off" or "on", not "yes"',
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'development',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://s3cret@collector',
      }),
    ).toThrow(/^OTEL_EXPORTER_OTLP_ENDPOINT must be an http or https URL[^"]*$/);
    expect(() =>
      loadConfig({ NODE_ENV: 'development', OTEL_EXPORTER_OTLP_HEADERS: 's3cret-key-alone' }),
    ).toThrow(/^OTEL_EXPORTER_OTLP_HEADERS must be key=value pairs separated by commas$/);
  });

  it('is documented in docs/configuration.md exactly as `npm run config:doc` prints it from the schema', () => {
    const onDisk = fs.readFileSync(path.resolve(__dirname, '../../docs/configuration.md'), 'utf8');
    expect(onDisk).toBe(renderConfigurationDoc());
    for (const name of ['DATABASE_POOL_SIZE', 'CORS_ALLOWED_ORIGINS', 'HUB_CLOCK_START_AS_OF_MS']) {
      expect(onDisk).toContain(`| \`${name}\` |`);
    }
  });
});
