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

  it('refuses a case review threshold above 3 (2014 Act s.104(4))', () => {
    expect(() => loadConfig({ NODE_ENV: 'development', CASE_REVIEW_THRESHOLD: '4' })).toThrow(
      'CASE_REVIEW_THRESHOLD must be a whole number from 1 to 3, not "4"',
    );
  });

  it('defaults the case review rules to the statutory numbers', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config).toMatchObject({
      caseReviewThreshold: 3,
      caseReviewWindowMonths: 6,
      qualifyingComplaintMonths: 1,
    });
  });
});
