import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { hubClockEnv } from './clock';

/* Real hub processes (src/main.ts), as a partnership runs them, for the multi-process tests. */

const ROOT = path.resolve(__dirname, '../..');

export interface HubProcess {
  url: string;
  child: ChildProcess;
  output: string[];
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * `npm run test:production` (scripts/test-production-build.sh) sets HUB_BUILD_DIR to a folder
 * holding the built hub (`dist/`) installed with `npm ci --omit=dev`: the tests that honour it then
 * run that build, in production mode, as an operator would, instead of the sources.
 */
export const builtHub = (): string | undefined => process.env.HUB_BUILD_DIR || undefined;

/** Spawns `src/main.ts` on the database; `env` adds or overrides settings. Does not wait. */
export async function spawnHubProcess(
  databaseUrl: string,
  env: NodeJS.ProcessEnv = {},
): Promise<HubProcess> {
  const port = await freePort();
  const built = builtHub();
  const child = spawn(
    process.execPath,
    built ? ['dist/src/main.js'] : ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
    {
      cwd: built ?? ROOT,
      env: {
        ...process.env,
        // A production build keeps the real clock (it refuses HUB_CLOCK_START).
        ...(built ? {} : hubClockEnv()),
        NODE_ENV: built ? 'production' : 'test',
        // Its lines are its output, which the tests read.
        HUB_LOG: 'console',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  return { url: `http://127.0.0.1:${port}/graphql`, child, output };
}

/** Waits until the hub answers GraphQL; fails with its output if it exits or never answers. */
export async function hubAnswers(hub: HubProcess): Promise<HubProcess> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (hub.child.exitCode !== null) break;
    try {
      await fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{__typename}"}',
      });
      return hub;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  hub.child.kill('SIGKILL');
  throw new Error(`hub process did not start:\n${hub.output.join('')}`);
}

export async function startHubProcess(databaseUrl: string, env: NodeJS.ProcessEnv = {}) {
  return hubAnswers(await spawnHubProcess(databaseUrl, env));
}

/** The exit code of a hub process that is expected to stop by itself. */
export function exitOf(hub: HubProcess): Promise<number | null> {
  if (hub.child.exitCode !== null || hub.child.signalCode !== null) {
    return Promise.resolve(hub.child.exitCode);
  }
  return new Promise((resolve) => hub.child.once('exit', (code) => resolve(code)));
}

export async function stopHubProcess(hub: HubProcess | undefined) {
  // A process killed by a signal has no exit code, only the signal.
  if (!hub || hub.child.exitCode !== null || hub.child.signalCode !== null) return;
  const exited = new Promise((resolve) => hub.child.once('exit', resolve));
  hub.child.kill('SIGTERM');
  const timer = setTimeout(() => hub.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export async function send(
  hub: HubProcess,
  token: string,
  query: string,
  variables: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(hub.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, any> | null;
    errors?: { extensions?: { code?: string } }[];
  };
}
