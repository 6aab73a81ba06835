import { ConfigError, loadConfig } from '../../src/config';

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
      'BENCH_MODE must be "1" or unset, not "yes"',
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
});
