import type { SettingName, SettingValues } from './settings';

/**
 * Rules across variables, or between a value and the mode. Each is checked only when the
 * variables it reads were themselves valid, so every message names a real problem.
 */
export const RULES: { reads: SettingName[]; check(values: SettingValues): string[] }[] = [
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
