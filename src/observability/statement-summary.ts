/**
 * What a database span may say about a statement: its kind (SELECT, INSERT, ...) and the table it
 * is about. Never the statement's text: bound values are kept apart by the driver, but a statement
 * may still hold a literal, and a trace backend is read by more people than the hub's database.
 */
export interface StatementSummary {
  /** The statement's first keyword, upper case, from a fixed list; `OTHER` for anything else. */
  operation: string;
  /** A table of the hub's own schema, or none when the statement names none the hub knows. */
  table?: string;
}

const KINDS = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'WITH',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'SAVEPOINT',
  'RELEASE',
  'SET',
  'LOCK',
  'COPY',
  'SHOW',
]);

/** String literals ('...', $$...$$) are emptied before the table is looked for. */
const LITERALS = /'(?:[^']|'')*'|\$\$[\s\S]*?\$\$/g;
const TABLE_AFTER =
  /\b(?:from|into|update|join)\s+(?:"?[a-z_][a-z0-9_]*"?\s*\.\s*)?"?([a-z_][a-z0-9_]*)"?/gi;

/**
 * The statement's kind and table. `tables` is the hub's own schema (the ORM's metadata): only a
 * name found there is kept, so nothing a client sent can become the table a span names.
 */
export function statementSummary(sql: string, tables: ReadonlySet<string>): StatementSummary {
  const first = /^\s*\(?\s*([a-z]+)/i.exec(sql)?.[1]?.toUpperCase() ?? '';
  const operation = KINDS.has(first) ? first : 'OTHER';
  const text = sql.replace(LITERALS, "''");
  for (const match of text.matchAll(TABLE_AFTER)) {
    const name = match[1].toLowerCase();
    if (tables.has(name)) return { operation, table: name };
  }
  return { operation };
}
