import { BENCH_IDS, LARGE_CASE, type Volumes } from '../generate/dataset';
import { markdownTable as table } from '../bench-support';
import type { PointResult } from './cannon';
import {
  CONTENDERS,
  type Contender,
  type LoadResults,
  type Measured,
  type SoakResults,
} from './index';

/** Issue 7's targets, on this 2-core machine, in the same run. */
export const TARGETS = {
  maxStatementsPerCaseView: 8,
  maxPeakRssMb: 300,
  medianWithinFloor: 2,
  p99WithinFloorAt8: 3,
  maxOverheadPercent: 15,
};

export interface RunFacts {
  machine: string;
  node: string;
  postgres: string;
  date: string;
  command: string;
  database: string;
  seed: number;
  volumes: Volumes;
  seconds: number;
  warmupSeconds: number;
  /** One-minute load average when the run started: other work on the machine skews every figure. */
  loadAverage: number;
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');
const times = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a');

const caseViewOf = (results: LoadResults, contender: Contender): Measured | undefined =>
  results.measured.find(
    (m) =>
      m.contender === contender &&
      (contender !== 'hub' || m.scenario === `case view, large case, as pc.morgan`),
  );

const at = (m: Measured | undefined, connections: number): PointResult | undefined =>
  m?.points.find((p) => p.connections === connections);

export function facts(run: RunFacts, points = true): string {
  const v = run.volumes;
  return [
    `- machine: ${run.machine}`,
    `- Node.js ${run.node}, PostgreSQL ${run.postgres}`,
    `- load average when the run started: ${run.loadAverage.toFixed(2)} (on ${run.machine.split(', ')[1] ?? 'its cores'}; anything near or above the core count means other work shared the machine)`,
    `- date: ${run.date}`,
    `- command: \`${run.command}\``,
    `- data: \`bench/generate\`, seed ${run.seed}: ${v.people.toLocaleString('en-GB')} people, ` +
      `${v.incidents.toLocaleString('en-GB')} incidents, ${v.cases.toLocaleString('en-GB')} cases ` +
      `(plus the demo story), copied fresh for the run into \`${run.database}\``,
    ...(points
      ? [
          `- each point: ${run.warmupSeconds} s warm-up, then ${run.seconds} s measured, autocannon over HTTP/1.1 from the same machine`,
        ]
      : []),
  ].join('\n');
}

export function loadReport(results: LoadResults, run: RunFacts, soak?: SoakResults): string {
  const floor = caseViewOf(results, 'floor');
  const connections = floor?.points.map((p) => p.connections) ?? [1, 8, 32];
  const contenders: Contender[] = ['floor', 'postgraphile', 'hub-bare', 'hub-no-audit', 'hub'];

  const comparisonRows: (string | number)[][] = [];
  for (const contender of contenders) {
    const m = caseViewOf(results, contender);
    for (const c of connections) {
      const p = at(m, c);
      const base = at(floor, c);
      if (!p || !base) continue;
      comparisonRows.push([
        CONTENDERS[contender].short,
        c,
        f1(p.requestsPerSecond),
        times(p.requestsPerSecond / base.requestsPerSecond),
        f1(p.p50Ms),
        times(p.p50Ms / base.p50Ms),
        f1(p.p95Ms),
        f1(p.p99Ms),
        times(p.p99Ms / base.p99Ms),
        m!.statements,
        f0(p.peakRssMb),
        p.failures,
      ]);
    }
  }

  const bare = caseViewOf(results, 'hub-bare');
  const permissionsOnly = caseViewOf(results, 'hub-no-audit');
  const shipped = caseViewOf(results, 'hub');
  const overheadRows = connections.map((c) => {
    const d = at(shipped, c);
    const b = at(bare, c);
    const p = at(permissionsOnly, c);
    const ratio = d && b ? d.requestsPerSecond / b.requestsPerSecond : NaN;
    const share = (x?: PointResult) =>
      x && b ? `${f1((1 - x.requestsPerSecond / b.requestsPerSecond) * 100)}%` : 'n/a';
    return [
      c,
      f1(b?.requestsPerSecond ?? NaN),
      f1(p?.requestsPerSecond ?? NaN),
      f1(d?.requestsPerSecond ?? NaN),
      times(ratio),
      `${f1((1 - ratio) * 100)}%`,
      share(p),
      f1(b?.p50Ms ?? NaN),
      f1(p?.p50Ms ?? NaN),
      f1(d?.p50Ms ?? NaN),
    ];
  });

  const hubRows: (string | number)[][] = [];
  for (const m of results.measured.filter((x) => x.contender === 'hub')) {
    for (const p of m.points) {
      hubRows.push([
        m.scenario,
        p.connections,
        f1(p.requestsPerSecond),
        f1(p.p50Ms),
        f1(p.p95Ms),
        f1(p.p99Ms),
        m.statements,
        f0(p.peakRssMb),
        p.failures,
      ]);
    }
  }

  // --- Targets --------------------------------------------------------------------------
  const pgl32 = at(caseViewOf(results, 'postgraphile'), 32);
  const hub32 = at(shipped, 32);
  const viewStatements = results.measured
    .filter((m) => m.contender === 'hub' && m.scenario.startsWith('case view'))
    .map((m) => m.statements);
  const maxStatements = Math.max(...viewStatements, results.smallCaseStatements);
  const sizeIndependent = shipped ? shipped.statements === results.smallCaseStatements : false;
  const medianRatios = connections.map((c) => {
    const d = at(shipped, c);
    const a = at(floor, c);
    return d && a ? d.p50Ms / a.p50Ms : NaN;
  });
  const p99At8 = (at(shipped, 8)?.p99Ms ?? NaN) / (at(floor, 8)?.p99Ms ?? NaN);
  const overheads = overheadRows.map((row) => Number(String(row[5]).replace('%', '')));
  const worstOverhead = Math.max(...overheads);
  const mark = (met: boolean) => (met ? 'met' : '**not met**');
  const soakGrowth = soak ? soakSummary(soak) : undefined;

  const targets: [string, string, boolean | undefined][] = [
    [
      'Case view: requests per second at 32 connections at least PostGraphile’s',
      `hub ${f1(hub32?.requestsPerSecond ?? NaN)}, PostGraphile ${f1(pgl32?.requestsPerSecond ?? NaN)} (${times((hub32?.requestsPerSecond ?? NaN) / (pgl32?.requestsPerSecond ?? NaN))})`,
      (hub32?.requestsPerSecond ?? 0) >= (pgl32?.requestsPerSecond ?? Infinity),
    ],
    [
      `Case view: median latency within ${TARGETS.medianWithinFloor}× the SQL floor’s`,
      connections.map((c, i) => `${c} conn ${times(medianRatios[i])}`).join(', '),
      medianRatios.every((r) => r <= TARGETS.medianWithinFloor),
    ],
    [
      `Case view: p99 within ${TARGETS.p99WithinFloorAt8}× the floor’s p99 at 8 connections`,
      `${f1(at(shipped, 8)?.p99Ms ?? NaN)} ms against ${f1(at(floor, 8)?.p99Ms ?? NaN)} ms (${times(p99At8)})`,
      p99At8 <= TARGETS.p99WithinFloorAt8,
    ],
    [
      `Permission and audit overhead under ${TARGETS.maxOverheadPercent}% of requests per second, (d)/(c)`,
      connections.map((c, i) => `${c} conn ${f1(overheads[i])}%`).join(', '),
      worstOverhead < TARGETS.maxOverheadPercent,
    ],
    [
      `SQL statements per case view at most ${TARGETS.maxStatementsPerCaseView}, independent of the case’s size`,
      `large case ${viewStatements.join(' / ')} (pc.morgan / housing.williams / analyst.price); ` +
        `the demo cuckooing case (5 incidents) ${results.smallCaseStatements}`,
      maxStatements <= TARGETS.maxStatementsPerCaseView && sizeIndependent,
    ],
    [
      `Peak memory of the hub under the 32-connection load under ${TARGETS.maxPeakRssMb} MB`,
      `${f0(results.hubPeakRssMb)} MB resident (largest sample over its 32-connection points)`,
      results.hubPeakRssMb < TARGETS.maxPeakRssMb,
    ],
    [
      'No memory growth over a 10-minute run',
      soakGrowth ?? 'see “Load soak” (`npm run bench -- --soak`)',
      soak ? soakGrowth!.startsWith('flat') : undefined,
    ],
  ];

  const gaps = targets.filter(([, , met]) => met === false);

  return [
    `Issue 7. The shared case view of the LARGE case (\`${BENCH_IDS.largeCase}\`: ${LARGE_CASE.incidents} incidents, ` +
      `${LARGE_CASE.people} people with ${LARGE_CASE.recordsPerPerson} partner records each, ${LARGE_CASE.interventions} interventions, ` +
      `${LARGE_CASE.jointVisits} joint visits, ${LARGE_CASE.supportOffers} support offers; \`test/operations/case-view.graphql\`) ` +
      `against the same answer from one hand-written SQL statement and from PostGraphile 5, then the hub's other ` +
      `scenarios, each at ${connections.join(', ')} concurrent connections. Every server is a separate process on the same ` +
      `database, started one after the other; the hub is the production build (\`npm run build\`, \`node dist/src/main.js\`, ` +
      `\`NODE_ENV=production\`, tokens from a JWKS identity provider). Requests per second count 2xx answers only; ` +
      `latencies are per response (p50, p95, p99 by nearest rank); SQL statements per request are counted inside each ` +
      `server at node-postgres (\`bench/load/count-statements.js\`), the fewest over ten requests sent one at a time, ` +
      `BEGIN and COMMIT included; memory is the server process's resident set size from /proc, sampled every 100 ms.`,
    '',
    facts(run),
    '',
    '### Case view: the hub against the floor and PostGraphile',
    '',
    ...contenders.map((c) => `- ${CONTENDERS[c].long}`),
    '',
    'Ratios are to (a), the floor, at the same number of connections. The hub is asked as `pc.morgan` (police, lead on the case). ' +
      '“n/a”: no answer completed within the measured window.',
    '',
    table(
      [
        'contender',
        'conn',
        'req/s',
        'req/s ÷ (a)',
        'p50 ms',
        'p50 ÷ (a)',
        'p95 ms',
        'p99 ms',
        'p99 ÷ (a)',
        'SQL per request',
        'peak RSS MB',
        'failed',
      ],
      comparisonRows,
    ),
    '',
    '### Permission and audit overhead: (d) against (c)',
    '',
    table(
      [
        'conn',
        '(c) req/s, permissions and audit off',
        '(c′) req/s, permissions on, audit off',
        '(d) req/s, as shipped',
        '(d) ÷ (c)',
        'overhead',
        'of it, permissions alone',
        '(c) p50 ms',
        '(c′) p50 ms',
        '(d) p50 ms',
      ],
      overheadRows,
    ),
    '',
    '### The hub as shipped, every scenario',
    '',
    'Writes go to their own case (`' +
      BENCH_IDS.writeCase +
      '`), each request with new inputs (a different time, three hours apart, so no two are the same episode).',
    '',
    table(
      [
        'scenario',
        'conn',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'SQL per request',
        'peak RSS MB',
        'failed',
      ],
      hubRows,
    ),
    '',
    '### One request at a time: where the time goes',
    '',
    'Each scenario’s request sent alone, ten times before its load (medians): the time end to end as the client sees it, ' +
      'and the wall time during which the server had at least one SQL statement awaiting its answer (which includes ' +
      'any delay in reading the answer while the server was busy with other work).',
    '',
    table(
      [
        'contender',
        'scenario',
        'SQL statements',
        'total ms',
        'SQL in flight ms',
        'no SQL in flight ms',
      ],
      results.measured.map((m) => [
        CONTENDERS[m.contender].short,
        m.scenario,
        m.statements,
        f1(m.alone.totalMs),
        f1(m.alone.sqlMs),
        f1(Math.max(0, m.alone.totalMs - m.alone.sqlMs)),
      ]),
    ),
    '',
    '### Targets',
    '',
    table(
      ['target', 'measured', 'result'],
      targets.map(([target, measured, met]) => [
        target,
        measured,
        met === undefined ? 'not measured in this run' : mark(met),
      ]),
    ),
    '',
    gaps.length
      ? `Gaps in this run: ${gaps.map(([target, measured]) => `${target.replace(/\.$/, '')} (${measured})`).join('; ')}. ` +
        'What was tried and what is left: see “Load benchmarks: notes” below.'
      : 'Every target measured in this run is met.',
    '',
  ].join('\n');
}

function soakSummary(soak: SoakResults): string {
  const { first, last, growthMb, heapGrowthMb } = soakGrowth(soak);
  const flat = growthMb < 25 && heapGrowthMb < 25;
  return (
    `${flat ? 'flat' : 'GROWING'}: RSS ${f0(first.rssMb)} MB after the first minute, ${f0(last.rssMb)} MB at the end ` +
    `(${growthMb >= 0 ? '+' : ''}${f0(growthMb)} MB); heap used ${heapGrowthMb >= 0 ? '+' : ''}${f0(heapGrowthMb)} MB`
  );
}

/** Compares the first minute's end (after warm-up) with the last samples, averaged over a minute each. */
export function soakGrowth(soak: SoakResults) {
  const mean = (samples: typeof soak.samples) => ({
    rssMb: samples.reduce((s, x) => s + x.rssMb, 0) / samples.length,
    heapUsedMb: samples.reduce((s, x) => s + x.heapUsedMb, 0) / samples.length,
  });
  const early = soak.samples.filter((s) => s.minute >= 1 && s.minute < 2);
  const late = soak.samples.filter((s) => s.minute >= soak.minutes - 1);
  const first = mean(early.length ? early : soak.samples.slice(0, 1));
  const last = mean(late.length ? late : soak.samples.slice(-1));
  return {
    first,
    last,
    growthMb: last.rssMb - first.rssMb,
    heapGrowthMb: last.heapUsedMb - first.heapUsedMb,
  };
}

export function soakReport(soak: SoakResults, run: RunFacts): string {
  const pick = (minute: number) =>
    soak.samples.reduce((best, s) =>
      Math.abs(s.minute - minute) < Math.abs(best.minute - minute) ? s : best,
    );
  const marks = [...new Set([0, 1, soak.minutes / 2, soak.minutes].map(pick))].sort(
    (a, b) => a.minute - b.minute,
  );
  return [
    `The hub as shipped under the case view of the large case at ${soak.connections} connections for ${soak.minutes} minutes, ` +
      `each connection asking as \`pc.morgan\`, \`housing.williams\` and \`analyst.price\` in turn; memory sampled every 10 s ` +
      `(resident set size from /proc, heap used from the process itself).`,
    '',
    facts(run, false),
    '',
    table(
      ['minute', 'RSS MB', 'heap used MB'],
      marks.map((s) => [f1(s.minute), f0(s.rssMb), f0(s.heapUsedMb)]),
    ),
    '',
    `Over the run: ${f1(soak.requestsPerSecond)} requests per second, p99 ${f1(soak.p99Ms)} ms, ${soak.failures} failed; ` +
      `largest RSS ${f0(Math.max(...soak.samples.map((s) => s.rssMb)))} MB. ${soakSummary(soak)}.`,
    '',
  ].join('\n');
}
