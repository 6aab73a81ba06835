import { Role } from '../users/role.enum';
import { DEMO_SECRET } from './hub-config';
import { wholeNumber, oneOf, text, trustedIssuers, provisioningRoles } from './parsers';
import { setting, optional, MINUTE_MS, DAY_MS } from './setting';

/** Bearer tokens: which issuers the hub trusts, how their keys are fetched, and first sign-in provisioning (src/auth/). */
export const AUTH_SETTINGS = {
  title: 'Sign-in',
  settings: {
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
  },
};
