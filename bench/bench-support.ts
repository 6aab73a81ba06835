import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { prepareDatabase } from '../src/db/start-up';

/**
 * What every benchmark here starts from: the hub's environment (DATABASE_URL when given,
 * otherwise an embedded PostgreSQL of the benchmarks' own in .data/bench-postgres), and that
 * database migrated with the demo story loaded.
 */
export function benchEnv(): Record<string, string> {
  return {
    NODE_ENV: 'development',
    PORT: '0',
    EMBEDDED_PG_DIR: path.resolve(__dirname, '../.data/bench-postgres'),
    EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT ?? '54339',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  };
}

export async function openDemoDatabase(env = benchEnv()) {
  const database = await openDatabase(loadConfig(env));
  await prepareDatabase(database, { migrationsOnStart: 'apply', loadDemoData: true });
  return database;
}

/** The p-th quantile (0 to 1, nearest rank) of values already sorted ascending. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
}

/** Median and 95th percentile (nearest rank) of latencies already sorted ascending. */
export function latencySummary(sorted: number[]) {
  return { medianMs: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
}

/** The machine a result was measured on, as RESULTS.md states it. */
export function machineLine(): string {
  const cpu = os.cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`;
}

export const RESULTS_FILE = path.join(__dirname, 'RESULTS.md');

/**
 * Replaces one `## heading` section of bench/RESULTS.md (up to the next `## `), or adds it at
 * the end: each benchmark owns its sections and leaves the others alone.
 */
export function writeResultsSection(heading: string, body: string, file = RESULTS_FILE) {
  const section = `## ${heading}\n\n${body.trim()}\n`;
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n';
  const start = existing.indexOf(`\n## ${heading}\n`);
  let replaced: string;
  if (start === -1) {
    replaced = `${existing.trimEnd()}\n\n${section}`;
  } else {
    const next = existing.indexOf('\n## ', start + 1);
    replaced =
      existing.slice(0, start + 1) + section + (next === -1 ? '' : `\n${existing.slice(next + 1)}`);
  }
  fs.writeFileSync(file, replaced);
}

/** The lines every results section starts with: what ran, where and when. */
export function runDescription(postgres: string, embedded: boolean, command: string): string[] {
  return [
    `- machine: ${machineLine()}`,
    `- Node.js ${process.version}, PostgreSQL ${postgres} (${embedded ? 'embedded' : 'DATABASE_URL'})`,
    `- date: ${new Date().toISOString().slice(0, 10)}`,
    `- command: \`${command}\``,
  ];
}

/** A Markdown table, for the RESULTS.md sections the benchmarks write. */
export function markdownTable(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
