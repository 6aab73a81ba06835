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

  it('refuses a page size cap that is not a whole number, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'development', MAX_PAGE_SIZE: 'lots' })).toThrow(
      'MAX_PAGE_SIZE must be a whole number from 1 to 1000, not "lots"',
    );
  });
});
