import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ProgressBar } from '../../src/cli/progress-bar';
import { openDatabase } from '../../src/db/database';
import { prepareDatabase } from '../../src/db/start-up';
import { migrationsDir } from '../../src/db/orm-options';
import { dropDatabase, onServer, requireBenchName, type BenchServer } from '../bench-postgres';
import { generateDataset, TABLES, volumesAt, type Dataset, type TableName } from './dataset';

/** Bump when the generator's output changes, so that databases generated before are rebuilt. */
export const GENERATOR_VERSION = 2;

export interface GenerateOptions {
  seed: number;
  /** 1 is issue 7's force area (50,000 people, 200,000 incidents, 10,000 cases). */
  scale: number;
  /** Rebuild even when the database already holds this seed's data. */
  force?: boolean;
  silent?: boolean;
}

export const databaseNameFor = ({ seed, scale }: Pick<GenerateOptions, 'seed' | 'scale'>) =>
  `asb_hub_bench_s${seed}${scale === 1 ? '' : `_x${String(scale).replace('.', '_')}`}`;

function latestMigration(): string {
  return fs
    .readdirSync(migrationsDir)
    .filter((name) => /^Migration\d+.*\.(ts|js)$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => name.replace(/\.(ts|js)$/, ''))
    .sort()
    .at(-1)!;
}

/** What a generated database says about itself (COMMENT ON DATABASE), to know it need not be rebuilt. */
export const markerFor = ({ seed, scale }: Pick<GenerateOptions, 'seed' | 'scale'>) =>
  `asb-hub bench data: generator v${GENERATOR_VERSION}, seed ${seed}, scale ${scale}, schema ${latestMigration()}`;

async function markerOf(server: BenchServer, database: string): Promise<string | null> {
  return onServer(server.adminUrl, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [database],
    );
    return rows.length ? rows[0].comment : null;
  });
}

/**
 * The generated database for a seed and scale, built unless it is already there: created afresh,
 * migrated, the demo partners and users loaded (their tokens are what the benchmark signs in
 * with), then the dataset copied in. Answers its name and whether it was built now.
 */
export async function ensureGenerated(server: BenchServer, options: GenerateOptions) {
  const database = databaseNameFor(options);
  requireBenchName(database);
  const marker = markerFor(options);
  if (!options.force && (await markerOf(server, database)) === marker) {
    if (!options.silent) process.stderr.write(`${database}: already generated (${marker})\n`);
    return { database, generated: false };
  }
  const started = Date.now();
  await dropDatabase(server.adminUrl, database);
  await onServer(server.adminUrl, (client) => client.query(`create database ${database}`));
  const url = server.urlOf(database);
  const opened = await openDatabase({
    databaseUrl: url,
    embeddedPostgres: { dataDir: '', port: 0 },
  });
  try {
    await prepareDatabase(opened, { migrationsOnStart: 'apply', loadDemoData: true });
  } finally {
    await opened.close();
  }
  if (!options.silent) process.stderr.write(`${database}: building rows (seed ${options.seed})\n`);
  const dataset = generateDataset(options.seed, volumesAt(options.scale));
  await loadDataset(url, dataset, { silent: options.silent });
  await onServer(server.adminUrl, (client) =>
    client.query(`comment on database ${database} is '${marker.replace(/'/g, "''")}'`),
  );
  if (!options.silent) {
    process.stderr.write(
      `${database}: generated in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  return { database, generated: true };
}

/**
 * Copies the rows in with COPY, in one transaction. Foreign keys are checked only when asked
 * (the determinism test does; the full run trusts the generator, which is what makes it fast).
 */
export async function loadDataset(
  url: string,
  dataset: Dataset,
  options: { checkForeignKeys?: boolean; silent?: boolean } = {},
) {
  const tables = Object.keys(TABLES) as TableName[];
  const total = tables.reduce((sum, table) => sum + dataset.lines[table].length, 0);
  const bar = options.silent ? undefined : new ProgressBar();
  let copied = 0;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    if (!options.checkForeignKeys) {
      await client.query('set local session_replication_role = replica');
    }
    for (const table of tables) {
      const lines = dataset.lines[table];
      if (lines.length === 0) continue;
      const chunks = function* () {
        for (let i = 0; i < lines.length; i += 2000) {
          const slice = lines.slice(i, i + 2000);
          copied += slice.length;
          bar?.update(
            copied / total,
            `copying rows: ${copied.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} (${table})`,
          );
          yield slice.join('');
        }
      };
      const conflictFree = table !== 'lsoa';
      if (conflictFree) {
        await pipeline(
          Readable.from(chunks()),
          client.query(copyFrom(`copy ${table} (${TABLES[table].join(', ')}) from stdin`)),
        );
      } else {
        // Areas may already be there (an import of real LSOAs): keep those.
        await client.query(`create temp table bench_${table} (like ${table}) on commit drop`);
        await pipeline(
          Readable.from(chunks()),
          client.query(copyFrom(`copy bench_${table} (${TABLES[table].join(', ')}) from stdin`)),
        );
        await client.query(
          `insert into ${table} select * from bench_${table} on conflict do nothing`,
        );
      }
    }
    await client.query('commit');
    bar?.done();
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  // Fresh statistics and visibility maps, as a database that has been running a while has.
  const vacuum = new Client({ connectionString: url });
  await vacuum.connect();
  try {
    await vacuum.query('vacuum analyze');
  } finally {
    await vacuum.end();
  }
}
