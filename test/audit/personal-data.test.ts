import { CASE_READERS } from '../../src/permissions/grant';
import { policy } from '../../src/permissions/policy';
import { PERSONAL_DATA, SUBJECT_TYPES } from '../../src/audit/personal-data';
import { loadConfig } from '../../src/config';

describe('what counts as personal data for the audit', () => {
  it('lists or exempts, with a reason, every field the policy grants to case readers on a person\u2019s paths', () => {
    const unaccounted = SUBJECT_TYPES.flatMap((typeName) => {
      const entry = PERSONAL_DATA[typeName];
      return Object.entries(policy[typeName].fields)
        .filter(([, grants]) =>
          grants.some((grant) => grant.roles.some((role) => CASE_READERS.includes(role))),
        )
        .map(([field]) => field)
        .filter((field) => !entry?.fields.includes(field) && !entry?.exempt?.[field])
        .map((field) => `${typeName}.${field}`);
    });
    expect(unaccounted).toEqual([]);
  });

  it('names only fields the policy has, and never both lists and exempts one', () => {
    const wrong = Object.entries(PERSONAL_DATA).flatMap(([typeName, entry]) => [
      ...entry.fields
        .filter((field) => !policy[typeName]?.fields[field])
        .map((field) => `unknown ${typeName}.${field}`),
      ...Object.keys(entry.exempt ?? {})
        .filter((field) => entry.fields.includes(field) || !policy[typeName]?.fields[field])
        .map((field) => `exempt ${typeName}.${field}`),
    ]);
    expect(wrong).toEqual([]);
  });
});

describe('switching the audit off', () => {
  it('refuses AUDIT=off in production: every read of personal data is audited there', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        AUDIT: 'off',
        AUTH_TRUSTED_ISSUERS: JSON.stringify([
          { issuer: 'idp', audience: 'asb-hub', jwksUrl: 'https://idp.example/jwks' },
        ]),
      }),
    ).toThrow(/AUDIT=off is for benchmarks only/);
    expect(loadConfig({ NODE_ENV: 'test', AUDIT: 'off' }).auditEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).auditEnabled).toBe(true);
  });
});
