import { badInput } from '../errors';
import { isUuid } from './validate';

/*
 * A page of a list newest first by (occurred_at, id), as the audit lists are. The cursor holds
 * both values exactly as PostgreSQL returns them (json_build_array keeps the microseconds a
 * JavaScript Date would drop), so a page boundary never skips nor repeats a row written in the
 * same millisecond.
 */

/** The select item giving each row its cursor key, for the table aliased `alias`. */
export const NEWEST_FIRST_KEY = (alias: string) =>
  `json_build_array(${alias}.occurred_at, ${alias}.id) as cursor_key`;

/** The condition for rows after a cursor; binds the two values `decodeNewestFirstCursor` gives. */
export const AFTER_NEWEST_FIRST = (alias: string) =>
  `(${alias}.occurred_at, ${alias}.id) < (?::timestamptz, ?::uuid)`;

/** The order the key and the condition above page through. */
export const NEWEST_FIRST_ORDER = (alias: string) =>
  `order by ${alias}.occurred_at desc, ${alias}.id desc`;

/** `first` is client input: a page of 1 to `maxPageSize` rows. */
export function requirePageSize(first: number, maxPageSize: number): number {
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw badInput(`first must be from 1 to ${maxPageSize}`, 'first');
  }
  return first;
}

/** A cursor is client input: anything but a key this list gave is refused alike. */
export function decodeNewestFirstCursor(cursor: string): [string, string] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === 2 &&
      typeof values[0] === 'string' &&
      !Number.isNaN(Date.parse(values[0])) &&
      typeof values[1] === 'string' &&
      isUuid(values[1])
    ) {
      return [values[0], values[1]];
    }
  } catch {
    // fall through: any unreadable cursor gets the same answer
  }
  throw badInput('after is not a cursor from this list', 'after');
}

/**
 * The page from rows fetched with `limit first + 1` (the extra row says whether another page
 * follows), each carrying its `cursor_key`.
 */
export function newestFirstPage<R extends { cursor_key: [string, string] }, N>(
  rows: readonly R[],
  first: number,
  toNode: (row: R) => N,
) {
  const edges = rows.slice(0, first).map((row) => ({
    cursor: Buffer.from(JSON.stringify(row.cursor_key)).toString('base64url'),
    node: toNode(row),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
