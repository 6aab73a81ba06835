import type { HubMode } from './hub-config';
import type { Parser } from './parsers';

/** One environment variable: how its text is read, its default, and what docs/configuration.md says. */
export interface Setting<T> {
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
export function setting<T>(
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
export function optional<T>(parser: Parser<T>, doc: Doc): Setting<T | undefined> {
  return {
    parser,
    fallback: () => undefined,
    shown: doc.shown ?? 'unset',
    meaning: doc.meaning,
    secret: doc.secret ?? false,
  };
}

/** The variables of one subject, printed under one heading in docs/configuration.md. */
export interface SettingGroup<S extends Record<string, Setting<unknown>>> {
  title: string;
  settings: S;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
