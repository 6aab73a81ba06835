import { DEMO_IDS } from '../../src/demo/demo-data';
import { LARGE_CASE_VIEWERS } from '../generate/dataset';
import { loadPoint, settle, type LoadRequest, type PointResult } from './cannon';
import { startIdentityProvider } from './identity-provider';
import {
  caseListPage,
  floorCaseView,
  hubCaseView,
  postGraphileCaseView,
  recordIncident,
  recordJointVisit,
  type Scenario,
} from './scenarios';
import { startFloor, startHub, startPostGraphile, type ServerUnderTest } from './servers';

/**
 * The four contenders of issue 7's comparison, in its lettering, and (c′) between (c) and (d):
 * permissions on, audit off, which splits the overhead between the two.
 */
export type Contender = 'floor' | 'postgraphile' | 'hub-bare' | 'hub-no-audit' | 'hub';

export const CONTENDERS: Record<Contender, { short: string; long: string }> = {
  floor: {
    short: '(a) SQL floor',
    long: '(a) the physical floor: one hand-written SQL statement (json_agg over lateral joins, `bench/load/case-view-floor.sql`), a prepared statement run with `pg` behind a bare node:http server (`bench/load/floor-server.ts`)',
  },
  postgraphile: {
    short: '(b) PostGraphile',
    long: '(b) PostGraphile 5.1.5 (amber preset) over the same tables, no permissions, the equivalent nested query (`bench/load/postgraphile-case-view.graphql`)',
  },
  'hub-bare': {
    short: '(c) hub, no permissions or audit',
    long: '(c) the hub with permissions and audit switched off (`BENCH_MODE=1 AUDIT=off BENCH_UNSAFE_NO_PERMISSIONS=1`)',
  },
  'hub-no-audit': {
    short: '(c′) hub, permissions on, audit off',
    long: '(c′) the hub with permissions on and the audit off (`BENCH_MODE=1 AUDIT=off`): not one of the issue’s four, measured to split (d) ÷ (c) between permissions and audit',
  },
  hub: { short: '(d) hub as shipped', long: '(d) the hub as shipped' },
};

export interface Measured {
  contender: Contender;
  scenario: string;
  /** SQL statements one request sends (the fewest seen over ten requests one at a time). */
  statements: number;
  /** One request alone (median of ten): its time end to end, and how long SQL was in flight meanwhile. */
  alone: { totalMs: number; sqlMs: number };
  points: PointResult[];
}

export interface LoadOptions {
  databaseUrl: string;
  seconds: number;
  warmupSeconds: number;
  connections: number[];
  say(line: string): void;
}

export interface LoadResults {
  measured: Measured[];
  /** SQL statements of the shipped hub's case view of a small case (the demo cuckooing case: 5 incidents, 5 people), as the police lead. */
  smallCaseStatements: number;
  /** The shipped hub's largest resident set size at any time during its 32-connection points. */
  hubPeakRssMb: number;
  started: Date;
  finished: Date;
}

interface Counter {
  next: number;
}

async function send(server: ServerUnderTest, request: LoadRequest, counter: Counter) {
  const response = await fetch(`${server.url}${request.path}`, {
    method: 'POST',
    headers: request.headers,
    body: request.body ?? request.bodyFor!(counter.next++),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${server.name}: HTTP ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/**
 * SQL per request, counted in the server around single requests sent one at a time: the fewest
 * statements of ten (background work, such as the notification poll, only adds), and the median
 * time of a request alone, end to end and in SQL.
 */
async function alone(server: ServerUnderTest, request: LoadRequest, counter: Counter) {
  let fewest = Infinity;
  const totals: number[] = [];
  const sql: number[] = [];
  for (let i = 0; i < 10; i++) {
    const before = await server.statements();
    const started = performance.now();
    await send(server, request, counter);
    totals.push(performance.now() - started);
    const after = await server.statements();
    fewest = Math.min(fewest, after.statements - before.statements);
    sql.push(after.sqlMs - before.sqlMs);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { statements: fewest, totalMs: median(totals), sqlMs: median(sql) };
}

async function measure(
  server: ServerUnderTest,
  contender: Contender,
  scenario: Scenario,
  options: LoadOptions,
): Promise<Measured> {
  const counter: Counter = { next: 0 };
  await settle(server.pid);
  const verdict = scenario.verify(await send(server, scenario.request, counter));
  if (verdict) throw new Error(`${server.name}, ${scenario.label}: wrong answer: ${verdict}`);
  const single = await alone(server, scenario.request, counter);
  const statements = single.statements;
  const points: PointResult[] = [];
  for (const connections of options.connections) {
    const point = await loadPoint({
      url: server.url,
      request: scenario.request,
      connections,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      pid: server.pid,
      counter,
    });
    options.say(
      `  ${server.name.padEnd(12)} ${scenario.label.padEnd(58)} ${String(connections).padStart(2)} conn: ` +
        `${point.requestsPerSecond.toFixed(1).padStart(7)} req/s, p50 ${point.p50Ms.toFixed(1)} ms, ` +
        `p95 ${point.p95Ms.toFixed(1)} ms, p99 ${point.p99Ms.toFixed(1)} ms, ${statements} SQL, ` +
        `${point.peakRssMb.toFixed(0)} MB` +
        (point.failures ? `, ${point.failures} FAILED` : ''),
    );
    points.push(point);
  }
  return {
    contender,
    scenario: scenario.label,
    statements,
    alone: { totalMs: single.totalMs, sqlMs: single.sqlMs },
    points,
  };
}

async function withServer<T>(
  starting: Promise<ServerUnderTest>,
  work: (server: ServerUnderTest) => Promise<T>,
) {
  const server = await starting;
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

/**
 * Issue 7's load benchmarks, on one database, one contender at a time: the SQL floor,
 * PostGraphile, the hub with permissions and audit off, then the hub as shipped with every
 * scenario. The case view is asked for as the police lead in the comparison.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResults> {
  const started = new Date();
  const idp = await startIdentityProvider();
  const measured: Measured[] = [];
  let hubPeakRssMb = 0;
  let smallCaseStatements = NaN;
  try {
    const tokens = Object.fromEntries(
      await Promise.all(
        LARGE_CASE_VIEWERS.map(async (username) => [username, await idp.tokenFor(username)]),
      ),
    ) as Record<(typeof LARGE_CASE_VIEWERS)[number], string>;
    const lead = LARGE_CASE_VIEWERS[0];

    options.say(CONTENDERS.floor.short);
    await withServer(startFloor(options.databaseUrl), async (server) => {
      measured.push(await measure(server, 'floor', floorCaseView(), options));
    });
    options.say(CONTENDERS.postgraphile.short);
    await withServer(startPostGraphile(options.databaseUrl), async (server) => {
      measured.push(await measure(server, 'postgraphile', postGraphileCaseView(), options));
    });
    options.say(CONTENDERS['hub-bare'].short);
    await withServer(
      startHub('hub-bare', options.databaseUrl, idp.trustedIssuers, {
        BENCH_MODE: '1',
        AUDIT: 'off',
        BENCH_UNSAFE_NO_PERMISSIONS: '1',
      }),
      async (server) => {
        measured.push(await measure(server, 'hub-bare', hubCaseView(lead, tokens[lead]), options));
      },
    );
    options.say(CONTENDERS['hub-no-audit'].short);
    await withServer(
      startHub('hub-no-audit', options.databaseUrl, idp.trustedIssuers, {
        BENCH_MODE: '1',
        AUDIT: 'off',
      }),
      async (server) => {
        measured.push(
          await measure(server, 'hub-no-audit', hubCaseView(lead, tokens[lead]), options),
        );
      },
    );
    options.say(CONTENDERS.hub.short);
    await withServer(startHub('hub', options.databaseUrl, idp.trustedIssuers), async (server) => {
      const start = Date.now() - 86_400_000;
      const scenarios = [
        ...LARGE_CASE_VIEWERS.map((username) => hubCaseView(username, tokens[username])),
        caseListPage(lead, tokens[lead]),
        recordIncident(lead, tokens[lead], start),
        // Visits go back in time from a different day than incidents, for unique inputs.
        recordJointVisit(lead, tokens[lead], start - 3_650 * 86_400_000),
      ];
      for (const scenario of scenarios) {
        const result = await measure(server, 'hub', scenario, options);
        measured.push(result);
        for (const point of result.points) {
          if (point.connections === 32) hubPeakRssMb = Math.max(hubPeakRssMb, point.peakRssMb);
        }
      }
      // The same view of a small case: its SQL must not depend on the case's size.
      const small = hubCaseView(lead, tokens[lead], DEMO_IDS.cuckooingCase);
      const counter = { next: 0 };
      const verdict = small.verify(await send(server, small.request, counter));
      if (verdict) throw new Error(`small case view: ${verdict}`);
      smallCaseStatements = (await alone(server, small.request, counter)).statements;
    });
  } finally {
    await idp.close();
  }
  return { measured, smallCaseStatements, hubPeakRssMb, started, finished: new Date() };
}

export interface SoakSample {
  minute: number;
  rssMb: number;
  heapUsedMb: number;
}

export interface SoakResults {
  minutes: number;
  connections: number;
  requestsPerSecond: number;
  p99Ms: number;
  failures: number;
  samples: SoakSample[];
}

/**
 * The memory soak: the shipped hub under the case view at 32 connections for `minutes`, the three
 * roles in turn on every connection, its memory sampled every 10 seconds.
 */
export async function runSoak(options: {
  databaseUrl: string;
  minutes: number;
  say(line: string): void;
}): Promise<SoakResults> {
  const idp = await startIdentityProvider();
  try {
    const scenarios = await Promise.all(
      LARGE_CASE_VIEWERS.map(async (username) =>
        hubCaseView(username, await idp.tokenFor(username)),
      ),
    );
    return await withServer(
      startHub('hub-soak', options.databaseUrl, idp.trustedIssuers),
      async (server) => {
        for (const scenario of scenarios) {
          const verdict = scenario.verify(await send(server, scenario.request, { next: 0 }));
          if (verdict) throw new Error(`soak, ${scenario.label}: ${verdict}`);
        }
        const samples: SoakSample[] = [];
        const started = Date.now();
        const sample = async () => {
          const memory = await server.memory();
          const point = {
            minute: (Date.now() - started) / 60_000,
            rssMb: server.rssMb(),
            heapUsedMb: memory.heapUsed / 2 ** 20,
          };
          samples.push(point);
          options.say(
            `  soak ${point.minute.toFixed(1)} min: RSS ${point.rssMb.toFixed(0)} MB, heap used ${point.heapUsedMb.toFixed(0)} MB`,
          );
        };
        await sample();
        const timer = setInterval(() => void sample(), 10_000);
        try {
          const result = await loadPoint({
            url: server.url,
            request: scenarios.map((s) => s.request),
            connections: 32,
            seconds: Math.round(options.minutes * 60),
            warmupSeconds: 0,
            pid: server.pid,
          });
          await sample();
          return {
            minutes: options.minutes,
            connections: 32,
            requestsPerSecond: result.requestsPerSecond,
            p99Ms: result.p99Ms,
            failures: result.failures,
            samples,
          };
        } finally {
          clearInterval(timer);
        }
      },
    );
  } finally {
    await idp.close();
  }
}
