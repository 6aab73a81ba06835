/**
 * `npm run bench:generate -- [--seed 42] [--scale 1] [--force]`
 *
 * Builds the load benchmark's SYNTHETIC force area (bench/generate/dataset.ts) into the database
 * `asb_hub_bench_s<seed>` on the benchmark server (BENCH_POSTGRES_URL, or the embedded server in
 * .data/bench-postgres), unless it already holds that seed's data. Progress goes to stderr.
 */
import 'reflect-metadata';
import { openBenchServer } from '../bench-postgres';
import { ensureGenerated } from './load';

export function generateOptionsFrom(argv: string[]) {
  const value = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    if (at === -1) return fallback;
    const parsed = Number(argv[at + 1]);
    if (!Number.isFinite(parsed) || parsed <= 0)
      throw new Error(`--${name} needs a positive number`);
    return parsed;
  };
  return {
    seed: Math.floor(value('seed', Number(process.env.BENCH_SEED ?? 42))),
    scale: value('scale', Number(process.env.BENCH_SCALE ?? 1)),
    force: argv.includes('--force'),
  };
}

async function main() {
  process.env.HUB_LOG = 'silent';
  const server = await openBenchServer();
  try {
    const { database } = await ensureGenerated(server, generateOptionsFrom(process.argv.slice(2)));
    process.stdout.write(`${server.urlOf(database)}\n`);
  } finally {
    await server.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
