/**
 * `npm run bench`: every benchmark that runs unattended, in order, each writing its own sections
 * of bench/RESULTS.md. Builds the hub first (the package script), then runs the steps below.
 *
 *   npm run bench [-- --seconds 6] [--warmup 2] [--connections 1,8,32] [--seed 42] [--scale 1]
 *                  [--samples 11] [--soak [minutes]] [--only generate,load,aggregates]
 *                  [--results <file>]
 *
 * BENCH_POSTGRES_URL names a PostgreSQL server to work on (it creates and drops databases named
 * asb_hub_bench_* there); without it, an embedded server in .data/bench-postgres. The default run
 * (without --soak) takes about nine minutes on a 2-core machine; the data and the scaled-up
 * aggregates database are made on first use (a few minutes more) and kept.
 *
 * To add a benchmark, add a step to STEPS: a name and a function of the shared context.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machineLine, RESULTS_FILE, writeResultsSection } from './bench-support';
import {
  BENCH_DATABASE_PREFIX,
  cloneDatabase,
  dropDatabase,
  openBenchServer,
  serverVersion,
  type BenchServer,
} from './bench-postgres';
import { volumesAt } from './generate/dataset';
import { generateOptionsFrom } from './generate/index';
import { ensureGenerated } from './generate/load';
import { runAggregatesBench } from './aggregates/index';
import { aggregatesReport } from './aggregates/report';
import { runLoad, runSoak } from './load/index';
import { loadReport, soakReport, type RunFacts } from './load/report';

export interface BenchContext {
  server: BenchServer;
  argv: string[];
  seed: number;
  scale: number;
  seconds: number;
  warmupSeconds: number;
  connections: number[];
  /** How many times each aggregate is asked of the hub and of PostgreSQL. */
  aggregateSamples: number;
  /** 0: no soak. */
  soakMinutes: number;
  resultsFile: string;
  /** Set by the generate step: the generated database, never written to by a benchmark. */
  generated?: string;
  /** A fresh copy of the generated database for a benchmark that writes. */
  freshCopy(name: string): Promise<string>;
  facts(database: string): Promise<RunFacts>;
  say(line: string): void;
}

export interface BenchStep {
  name: string;
  /** Runs unless this says otherwise (for instance the soak, which is asked for). */
  wanted?(ctx: BenchContext): boolean;
  run(ctx: BenchContext): Promise<void>;
}

const RUN_DATABASE = `${BENCH_DATABASE_PREFIX}run`;
/** The steps that work on the generated data (the aggregates step brings its own). */
const NEEDS_GENERATED = ['load', 'soak'];

export const STEPS: BenchStep[] = [
  {
    name: 'generate',
    async run(ctx) {
      const { database } = await ensureGenerated(ctx.server, { seed: ctx.seed, scale: ctx.scale });
      ctx.generated = database;
    },
  },
  {
    name: 'load',
    async run(ctx) {
      const database = await ctx.freshCopy(RUN_DATABASE);
      const results = await runLoad({
        databaseUrl: ctx.server.urlOf(database),
        seconds: ctx.seconds,
        warmupSeconds: ctx.warmupSeconds,
        connections: ctx.connections,
        say: ctx.say,
      });
      saveJson('load', results);
      writeResultsSection(
        'Load benchmarks (issue 7)',
        loadReport(results, await ctx.facts(database)),
        ctx.resultsFile,
      );
      await dropDatabase(ctx.server.adminUrl, database);
    },
  },
  {
    name: 'aggregates',
    async run(ctx) {
      const results = await runAggregatesBench({
        server: ctx.server,
        samples: ctx.aggregateSamples,
        say: ctx.say,
      });
      saveJson('aggregates', results);
      writeResultsSection(
        'Aggregates and import (issue 6)',
        aggregatesReport(results, await ctx.facts('asb_hub_bench_aggregates')),
        ctx.resultsFile,
      );
    },
  },
  {
    name: 'soak',
    wanted: (ctx) => ctx.soakMinutes > 0,
    async run(ctx) {
      const database = await ctx.freshCopy(RUN_DATABASE);
      const soak = await runSoak({
        databaseUrl: ctx.server.urlOf(database),
        minutes: ctx.soakMinutes,
        say: ctx.say,
      });
      saveJson('soak', soak);
      writeResultsSection(
        'Load soak (issue 7)',
        soakReport(soak, await ctx.facts(database)),
        ctx.resultsFile,
      );
      await dropDatabase(ctx.server.adminUrl, database);
    },
  },
];

function saveJson(name: string, value: unknown) {
  const dir = path.resolve(__dirname, '../.data/bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

function flagValue(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  if (at === -1) return undefined;
  const next = argv[at + 1];
  return next && !next.startsWith('--') ? next : '';
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} needs a number, not "${raw}"`);
  return value;
}

async function main() {
  process.env.HUB_LOG = 'silent';
  const argv = process.argv.slice(2);
  const started = Date.now();
  const loadAverage = os.loadavg()[0];
  const soakFlag = flagValue(argv, 'soak');
  const only = flagValue(argv, 'only')?.split(',').filter(Boolean);
  // Asking for the soak step alone (`--only soak`) asks for the soak.
  const soakMinutes =
    soakFlag !== undefined || only?.includes('soak')
      ? positive(soakFlag, 10, 'soak')
      : positive(process.env.BENCH_SOAK_MINUTES, 0, 'soak');
  const { seed, scale } = generateOptionsFrom(argv);
  const server = await openBenchServer();
  const postgres = `${await serverVersion(server.adminUrl)} (${server.embedded ? 'embedded, .data/bench-postgres' : 'BENCH_POSTGRES_URL'})`;
  const command = [
    process.env.BENCH_POSTGRES_URL ? 'BENCH_POSTGRES_URL=… ' : '',
    'npm run bench',
    argv.length ? ` -- ${argv.join(' ')}` : '',
  ].join('');
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const ctx: BenchContext = {
    server,
    argv,
    seed,
    scale,
    seconds: positive(flagValue(argv, 'seconds') ?? process.env.BENCH_SECONDS, 6, 'seconds'),
    warmupSeconds: positive(
      flagValue(argv, 'warmup') ?? process.env.BENCH_WARMUP_SECONDS,
      2,
      'warmup',
    ),
    aggregateSamples: positive(flagValue(argv, 'samples'), 11, 'samples'),
    connections: (flagValue(argv, 'connections') ?? '1,8,32').split(',').map(Number),
    soakMinutes,
    resultsFile: path.resolve(flagValue(argv, 'results') || RESULTS_FILE),
    async freshCopy(name) {
      if (!ctx.generated) throw new Error('the generate step must run first');
      await cloneDatabase(server.adminUrl, ctx.generated, name);
      return name;
    },
    async facts(database) {
      return {
        machine: machineLine(),
        node: process.version,
        postgres,
        date: new Date().toISOString().slice(0, 10),
        command,
        database,
        seed,
        volumes: volumesAt(scale),
        seconds: ctx.seconds,
        warmupSeconds: ctx.warmupSeconds,
        loadAverage,
      };
    },
    say,
  };
  try {
    for (const step of STEPS) {
      const selected = only
        ? only.includes(step.name) ||
          (step.name === 'generate' && only.some((name) => NEEDS_GENERATED.includes(name)))
        : true;
      if (!selected || (step.wanted && !step.wanted(ctx))) continue;
      const stepStarted = Date.now();
      say(`== ${step.name}`);
      await step.run(ctx);
      say(`== ${step.name}: ${((Date.now() - stepStarted) / 1000).toFixed(0)} s`);
    }
  } finally {
    await server.stop();
  }
  say(
    `npm run bench: ${((Date.now() - started) / 1000).toFixed(0)} s in all; results in ${ctx.resultsFile}`,
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
