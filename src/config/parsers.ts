import { z } from 'zod';
import { Role } from '../users/role.enum';
import type { TrustedIssuer } from './hub-config';

// ---- How a variable's text becomes a value. Every message follows the variable's name. ----

/** What a variable's (non-empty) text parses to. */
export type Parser<T> = z.ZodType<T, z.ZodTypeDef, string>;

/** Each whole-number parser's range, for docs/configuration.md. */
export const RANGES = new WeakMap<Parser<unknown>, [number, number]>();

export const wholeNumber = (min: number, max: number): Parser<number> => {
  const message = `must be a whole number from ${min} to ${max}`;
  const parser = z
    .string()
    .transform(Number)
    .pipe(z.number({ message }).int(message).min(min, message).max(max, message));
  RANGES.set(parser, [min, max]);
  return parser;
};

export const oneOf = <T extends string>(...values: [T, ...T[]]): Parser<T> =>
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
export const yesNo: Parser<boolean> = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true, false, 1 or 0' })
  .transform((value) => value === 'true' || value === '1');

export const text: Parser<string> = z.string();

export const url = (protocols: string[], message: string): Parser<string> =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, message);

export const databaseUrl = url(
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

export const trustedIssuers: Parser<TrustedIssuer[]> = z
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
export const provisioningRoles: Parser<ReadonlyMap<string, Role>> = z
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
export const origins: Parser<string[]> = z
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
export const headerList: Parser<Record<string, string>> = z.string().transform((value, context) => {
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

export const isoDateTime: Parser<Date> = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: 'must be an ISO 8601 date and time',
  })
  .transform((value) => new Date(value));
