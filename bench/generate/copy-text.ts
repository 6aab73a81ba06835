/**
 * Rows as PostgreSQL's COPY text format: tab-separated, `\N` for null, backslash escapes.
 * Values are written exactly as they will be stored, so the same seed gives the same bytes.
 */
export type CopyValue = string | number | boolean | Date | null | undefined | readonly string[];

function escapeText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** An array literal; the generator's array values are plain words (enum values) or uuids. */
function arrayLiteral(values: readonly string[]): string {
  for (const value of values) {
    if (!/^[A-Za-z0-9_-]+$/.test(value)) throw new Error(`array value needs quoting: ${value}`);
  }
  return `{${values.join(',')}}`;
}

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return escapeText(value as string);
}

export function copyLine(values: readonly CopyValue[]): string {
  return values.map(copyField).join('\t') + '\n';
}
