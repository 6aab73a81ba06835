import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

/**
 * Structured logs (pino), one JSON object a line: `time`, `level` (a word), `message`, the
 * request's id when there is one, then the fields. They carry ids (request, user, partner), never
 * SQL values, GraphQL variables, or the names or addresses of people in cases.
 *
 * `LOG_LEVEL` (trace, debug, info, warn, error, fatal, silent; default info) says which lines are
 * written at all. `HUB_LOG=silent` (CI and the tests) keeps lines off stdout and stderr while the
 * sinks below still receive them: the tests search every line for what they sent.
 */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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

/** A destination that hands each line to the sinks, then to `out` unless HUB_LOG=silent. */
const destination = (out: NodeJS.WritableStream) => ({
  write(line: string) {
    const text = line.endsWith('\n') ? line.slice(0, -1) : line;
    for (const sink of sinks) sink(text);
    if (process.env.HUB_LOG !== 'silent') out.write(line.endsWith('\n') ? line : line + '\n');
  },
});

const isLevel = (value: unknown): value is LogLevel => LOG_LEVELS.includes(value as LogLevel);

const logger = pino(
  {
    // Before the configuration is read (src/config.ts validates LOG_LEVEL and the hub applies it).
    level: isLevel(process.env.LOG_LEVEL) ? process.env.LOG_LEVEL : 'info',
    messageKey: 'message',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  },
  // Errors and worse to stderr, the rest to stdout; each line to one of them (dedupe).
  pino.multistream(
    [
      { level: 'trace', stream: destination(process.stdout) },
      { level: 'error', stream: destination(process.stderr) },
    ],
    { dedupe: true },
  ),
);

/** Sets which lines are written from now on (`LOG_LEVEL`). */
export function setLogLevel(level: LogLevel) {
  logger.level = level;
}

/** The level lines are written at now. */
export const logLevel = (): LogLevel => logger.level as LogLevel;

type Fields = Record<string, unknown>;

export const log = {
  debug: (message: string, fields: Fields = {}) => logger.debug(fields, message),
  info: (message: string, fields: Fields = {}) => logger.info(fields, message),
  warn: (message: string, fields: Fields = {}) => logger.warn(fields, message),
  error: (message: string, fields: Fields = {}) => logger.error(fields, message),
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
