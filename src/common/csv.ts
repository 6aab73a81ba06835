/**
 * The one CSV writer: every CSV the hub writes (aggregate exports, an import's rejected rows
 * report) goes through it, so each gets the same quoting and the same guard against formula
 * injection. Hand-written because it is four lines: a library would add a stream API we do not
 * need and leave the formula guard to us anyway.
 */

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (= + - @, tab, carriage return first) gets a leading ', as
 * OWASP's CSV injection advice says; a partner's own data in a rejected row is treated alike. A
 * plain number (a longitude of -2.5) is no formula and is left as it is, so a partner can correct
 * a rejected row and import it again.
 */
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A line of fields, ended as RFC 4180 allows. */
export const csvLine = (values: readonly (string | number | boolean | null | undefined)[]) =>
  values.map(csvField).join(',') + '\n';
