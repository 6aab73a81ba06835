import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const COUNTER = path.join(__dirname, 'count-statements.js');
export const LOG_DIR = path.join(ROOT, '.data/bench-logs');

/** A server under load, in its own process, watched from outside. */
export interface ServerUnderTest {
  name: string;
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  pid: number;
  /** SQL statements the process has sent so far, and the milliseconds they took (bench/load/count-statements.js). */
  statements(): Promise<SqlSoFar>;
  /** The process's own memoryUsage() (heap as well as RSS). */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** Resident set size now, in MB, from /proc (what the operating system charges the process). */
  rssMb(): number;
  stop(): Promise<void>;
}

export interface SqlSoFar {
  statements: number;
  sqlMs: number;
}

export function rssMbOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function ask<T>(child: ChildProcess, type: string, field?: string): Promise<T> {
  const id = Math.random().toString(36).slice(2);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', listener);
      reject(new Error(`no answer to ${type}`));
    }, 5000);
    const listener = (message: { type?: string; id?: string; [key: string]: unknown }) => {
      if (message?.type === type && message.id === id) {
        clearTimeout(timer);
        child.off('message', listener);
        resolve((field ? message[field] : message) as T);
      }
    };
    child.on('message', listener);
    child.send({ type, id });
  });
}

async function waitUntilReady(
  url: string,
  probe: (url: string) => Promise<boolean>,
  child: ChildProcess,
  name: string,
) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode}; see ${LOG_DIR}`);
    try {
      if (await probe(url)) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become ready; see ${LOG_DIR}`);
}

async function launch(options: {
  name: string;
  script: string;
  typescript: boolean;
  env: Record<string, string>;
  probe: (url: string) => Promise<boolean>;
}): Promise<ServerUnderTest> {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const port = await freePort();
  const log = fs.openSync(path.join(LOG_DIR, `${options.name}.log`), 'w');
  const child = fork(options.script, [], {
    cwd: ROOT,
    execArgv: [
      ...(options.typescript ? ['-r', 'ts-node/register/transpile-only'] : []),
      '-r',
      COUNTER,
    ],
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    // Logs go straight to a file: the benchmark's own process never copies them.
    stdio: ['ignore', log, log, 'ipc'],
  });
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, options.probe, child, options.name);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const pid = child.pid!;
  return {
    name: options.name,
    url,
    pid,
    statements: () => ask<SqlSoFar>(child, 'bench:statements'),
    memory: () => ask<NodeJS.MemoryUsage>(child, 'bench:memory', 'memory'),
    rssMb: () => rssMbOf(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

const healthz = async (url: string) => (await fetch(`${url}/healthz`)).ok;

/**
 * The hub as built by `npm run build`, run as in production (`node dist/src/main.js`,
 * NODE_ENV=production) against the benchmark database, trusting the benchmark's identity
 * provider. `switches` are the bench-only comparison switches (BENCH_MODE=1 and AUDIT=off,
 * BENCH_UNSAFE_NO_PERMISSIONS=1); the hub as shipped gets none of them.
 */
export function startHub(
  name: string,
  databaseUrl: string,
  trustedIssuers: string,
  switches: Record<string, string> = {},
) {
  const main = path.join(ROOT, 'dist/src/main.js');
  if (!fs.existsSync(main)) throw new Error('no production build: run `npm run build` first');
  return launch({
    name,
    script: main,
    typescript: false,
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      AUTH_TRUSTED_ISSUERS: trustedIssuers,
      // One user sends thousands of requests a minute here; the limit itself is not measured.
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...switches,
    },
    probe: healthz,
  });
}

/** PostGraphile 5 over the same database (bench/load/postgraphile-server.ts). */
export function startPostGraphile(databaseUrl: string) {
  return launch({
    name: 'postgraphile',
    script: path.join(__dirname, 'postgraphile-server.ts'),
    typescript: true,
    env: { BENCH_DATABASE_URL: databaseUrl, GRAPHILE_ENV: 'production', NODE_ENV: 'production' },
    probe: async (url) =>
      (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ __typename }"}',
        })
      ).ok,
  });
}

/** The hand-written SQL floor (bench/load/floor-server.ts). */
export function startFloor(databaseUrl: string) {
  return launch({
    name: 'sql-floor',
    script: path.join(__dirname, 'floor-server.ts'),
    typescript: true,
    env: { BENCH_DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    probe: healthz,
  });
}
