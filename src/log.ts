import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Structured logs, one JSON object a line. They carry ids (request, user, partner), never the
 * names or addresses of people in cases.
 */
type Level = 'info' | 'warn' | 'error';

/** Receives every line the hub writes (the tests search them for what they sent). */
export type LogSink = (line: string) => void;

const sinks = new Set<LogSink>();

/** Adds a receiver of every log line; returns its removal. */
export function addLogSink(sink: LogSink): () => void {
  sinks.add(sink);
  return () => sinks.delete(sink);
}

const request = new AsyncLocalStorage<string>();

/** Runs `work` as part of the request `requestId`: every line it logs carries the id. */
export const inRequest = <T>(requestId: string, work: () => T): T => request.run(requestId, work);

/** The id of the request the caller is working for, if any. */
export const currentRequestId = (): string | undefined => request.getStore();

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  const requestId = currentRequestId();
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    message,
    ...(requestId ? { requestId } : {}),
    ...fields,
  });
  for (const sink of sinks) sink(line);
  if (process.env.HUB_LOG === 'silent') return;
  (level === 'error' ? process.stderr : process.stdout).write(line + '\n');
}

export const log = {
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
};

/** Node's own codes for a failed socket or name lookup: words, never values. */
const SYSTEM_CODE = /^E[A-Z]+$/;
/** PostgreSQL's SQLSTATE: five digits and capitals. */
const SQLSTATE = /^[0-9A-Z]{5}$/;
/** The names of database objects (constraints, tables, columns): identifiers, never values. */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/i;

/**
 * What the log may say about an error: its class, the PostgreSQL SQLSTATE, the constraint,
 * table and column names, the Node system code, and the same of its causes. Never its message:
 * a MikroORM DriverException's message is the SQL statement with its bound values, a pg error's
 * `detail` quotes the row ("Key (name)=(Jane Doe) already exists"), a GraphQL error may quote a
 * variable. The stack's frames are kept (file and line, no values) for errors the hub did not
 * expect, so the log still says where.
 */
export function errorFields(error: unknown, options: { frames?: boolean } = {}) {
  const described: Record<string, unknown> = {};
  let cause: unknown = error;
  const chain: Record<string, string>[] = [];
  for (let depth = 0; cause && depth < 4; depth += 1) {
    chain.push(describeOne(cause));
    const next: unknown =
      (cause as { originalError?: unknown }).originalError ?? (cause as { cause?: unknown }).cause;
    if (next === cause) break;
    cause = next;
  }
  described.error = chain.length ? chain : [{ class: typeof error }];
  if (options.frames && error instanceof Error && typeof error.stack === 'string') {
    described.frames = error.stack
      .split('\n')
      .filter((line) => line.trim().startsWith('at '))
      .slice(0, 8)
      .map((line) => line.trim());
  }
  return described;
}

function describeOne(error: unknown): Record<string, string> {
  if (typeof error !== 'object' || error === null) return { class: typeof error };
  const e = error as Record<string, unknown>;
  const out: Record<string, string> = { class: error.constructor?.name ?? 'Object' };
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && SQLSTATE.test(code)) out.sqlState = code;
  else if (code && SYSTEM_CODE.test(code)) out.code = code;
  for (const name of ['constraint', 'table', 'column'] as const) {
    const value = e[name];
    if (typeof value === 'string' && IDENTIFIER.test(value)) out[name] = value;
  }
  const extensions = e.extensions as { code?: unknown } | undefined;
  if (typeof extensions?.code === 'string' && IDENTIFIER.test(extensions.code)) {
    out.graphqlCode = extensions.code;
  }
  return out;
}
