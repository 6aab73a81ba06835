import { clock } from './clock';
import { badInput, notFound } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/** A malformed id is reported exactly like an unknown one: nothing to see. */
export function requireId(value: string, what: string): string {
  if (!isUuid(value)) throw notFound(what, value);
  return value.toLowerCase();
}

/** Trimmed, non-empty text within a length a person would write. */
export function requireText(value: string | null | undefined, field: string, max = 10_000): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(`${field} must not be empty`, field);
  if (text.length > max) throw badInput(`${field} must be at most ${max} characters`, field);
  return text;
}

export function optionalText(value: string | null | undefined, field: string, max = 10_000) {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requireText(value, field, max);
}

/** Clocks drift; a few minutes ahead is still "now". */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Things that have happened (an incident, a visit) cannot be dated in the future. */
export function requirePast(date: Date, field: string, now = clock.now()): Date {
  if (Number.isNaN(date.getTime())) throw badInput(`${field} is not a valid date`, field);
  if (date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw badInput(`${field} is in the future`, field);
  }
  return date;
}

/** A calendar date in YYYY-MM-DD form that exists. */
export function requireLocalDate(value: string, field: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw badInput(`${field} must be a date in YYYY-MM-DD form`, field);
  }
  return value;
}

export function requireDistinct(ids: string[], field: string) {
  if (new Set(ids).size !== ids.length) throw badInput(`${field} lists the same id twice`, field);
  return ids;
}
