import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { prepareDatabase } from '../../src/db/start-up';
import { DEMO_PARTNERS, demoUser } from '../../src/demo/demo-directory';
import {
  copyRowsPlainly,
  importIncidentFile,
  readPoliceUkRows,
} from '../../src/imports/import.service';
import { percentile } from '../bench-support';
import { cloneDatabase, dropDatabase, onServer, type BenchServer } from '../bench-postgres';
import { startIdentityProvider } from '../load/identity-provider';
import { startHub } from '../load/servers';
import { aggregateCases } from './cases';
import { scaleUp, syntheticRunId } from './scale-up';

/**
 * Issue 6's benchmark. The real data.police.uk file is imported into a fresh database and the
 * same rows are COPYed plainly into another, for the import rate against COPY; the import runs
 * twice to show it adds nothing the second time. The imported database is then scaled up to
 * 1,000,000 incidents with SYNTHETIC rows (scale-up.ts says how) and kept for later runs, and each
 * aggregate is asked of the hub (production build, BI service token, over HTTP) and run as the
 * same SQL statement straight on PostgreSQL, alternately, in the same run.
 */
export const POLICE_UK_FILE = [
  process.env.POLICE_UK_FILE,
  path.resolve(__dirname, '../../../shared/data/police-uk/asb-street-2018-10_2019-01.csv.gz'),
  '/work/shared/data/police-uk/asb-street-2018-10_2019-01.csv.gz',
].find((candidate) => candidate && fs.existsSync(candidate));

const BASE = 'asb_hub_bench_agg_base';
const COPY = 'asb_hub_bench_agg_copy';
const WORK = 'asb_hub_bench_agg_work';
/** Kept between runs: the scaled-up database the aggregates are measured on. */
const SCALED = 'asb_hub_bench_aggregates';
export const TARGET_INCIDENTS = 1_000_000;
const SEED = 42;
/** Time for one aggregate's rounds, both sides together, before its rounds are cut down. */
const BUDGET_MS = 20_000;
const MIN_SAMPLES = 5;

export interface AggregateTiming {
  name: string;
  cells: number;
  /** Rounds measured: each one hub request and one direct statement. */
  samples: number;
  directMedianMs: number;
  hubMedianMs: number;
  directP95Ms: number;
  hubP95Ms: number;
  ratio: number;
}

export interface AggregatesResults {
  file: string;
  import: {
    rows: number;
    /** Rows the first import wrote. */
    imported: number;
    copySeconds: number;
    copyRowsPerSecond: number;
    importSeconds: number;
    importRowsPerSecond: number;
    ratio: number;
    rejected: number;
    secondRunSeconds: number;
    secondRunImported: number;
    secondRunAlreadyPresent: number;
    incidentsFromFile: number;
  };
  scaledIncidents: number;
  syntheticIncidents: number;
  scaleUpSeconds: number | null;
  samples: number;
  timings: AggregateTiming[];
}

const police = DEMO_PARTNERS.police.id;

async function prepareBase(server: BenchServer) {
  await dropDatabase(server.adminUrl, BASE);
  await onServer(server.adminUrl, (client) => client.query(`CREATE DATABASE ${BASE}`));
  const database = await openDatabase(
    loadConfig({ NODE_ENV: 'development', DATABASE_URL: server.urlOf(BASE) }),
  );
  try {
    await prepareDatabase(database, { migrationsOnStart: 'apply', loadDemoData: true });
  } finally {
    await database.close();
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(server: BenchServer, name: string) {
  return onServer(server.adminUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return found.rowCount === 1;
  });
}

async function isScaled(server: BenchServer) {
  if (!(await databaseExists(server, SCALED))) return false;
  return withClient(server.urlOf(SCALED), async (client) => {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM incident)::int AS incidents,
              EXISTS (SELECT 1 FROM import_run WHERE id = $1) AS synthetic`,
      [syntheticRunId],
    );
    return rows[0].synthetic && rows[0].incidents >= TARGET_INCIDENTS;
  });
}

/** The plain COPY of the file's rows, read into memory first so that only the COPY is timed. */
async function measureCopy(server: BenchServer, file: string) {
  await cloneDatabase(server.adminUrl, BASE, COPY);
  try {
    return await withClient(server.urlOf(COPY), async (client) => {
      const runId = '5e5e5e5e-0000-4000-8000-00000000c0b1';
      await client.query(
        `INSERT INTO import_run (id, partner_id, format, file_name, file_sha256, status)
         VALUES ($1, $2, 'POLICE_UK', 'COPY baseline', 'baseline', 'COMPLETED')`,
        [runId, police],
      );
      const rows = [];
      for await (const row of readPoliceUkRows(file, { partnerId: police, importRunId: runId })) {
        rows.push(row);
      }
      const started = performance.now();
      await copyRowsPlainly(client, rows);
      return { rows: rows.length, seconds: (performance.now() - started) / 1000 };
    });
  } finally {
    await dropDatabase(server.adminUrl, COPY);
  }
}

async function measureImport(server: BenchServer, file: string, say: (line: string) => void) {
  await cloneDatabase(server.adminUrl, BASE, WORK);
  const databaseUrl = server.urlOf(WORK);
  const first = await importIncidentFile({ databaseUrl, file, partner: police });
  say(`  import: ${first.rowsImported} rows in ${first.seconds.toFixed(1)} s`);
  const second = await importIncidentFile({ databaseUrl, file, partner: police });
  say(`  import again: ${second.rowsImported} added in ${second.seconds.toFixed(1)} s`);
  const incidentsFromFile = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM incident
       WHERE import_run_id IN (SELECT id FROM import_run WHERE format = 'POLICE_UK')`,
    );
    return rows[0].n as number;
  });
  return { first, second, incidentsFromFile };
}

async function scaleUpWork(
  server: BenchServer,
  realImportRunId: string,
  say: (line: string) => void,
) {
  const started = performance.now();
  const result = await withClient(server.urlOf(WORK), (client) =>
    scaleUp(
      client,
      {
        targetIncidents: TARGET_INCIDENTS,
        seed: SEED,
        partners: {
          police,
          council: DEMO_PARTNERS.council.id,
          housing: DEMO_PARTNERS.housing.id,
        },
        userId: demoUser('analyst.price')!.id,
        realImportRunId,
      },
      say,
    ),
  );
  await dropDatabase(server.adminUrl, SCALED);
  await onServer(server.adminUrl, (client) =>
    client.query(`ALTER DATABASE ${WORK} RENAME TO ${SCALED}`),
  );
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

async function timeAggregates(server: BenchServer, samples: number, say: (line: string) => void) {
  const url = server.urlOf(SCALED);
  const idp = await startIdentityProvider();
  const hub = await startHub('hub-aggregates', url, idp.trustedIssuers);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const token = await idp.tokenFor('bi.service');
    const { rows } = await client.query(
      `SELECT l.local_authority FROM incident i JOIN lsoa l ON l.code = i.area_code
       GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const cases = aggregateCases(rows[0].local_authority, new Date());
    const timings: AggregateTiming[] = [];
    for (const aggregate of cases) {
      const direct: number[] = [];
      const viaHub: number[] = [];
      let cells = 0;
      const askHub = async () => {
        const started = performance.now();
        const response = await fetch(`${hub.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: aggregate.query, variables: aggregate.variables }),
        });
        const answer = (await response.json()) as {
          data?: Record<string, { cells: unknown[] } | null>;
          errors?: unknown[];
        };
        const elapsed = performance.now() - started;
        const table = answer.data && Object.values(answer.data)[0];
        if (answer.errors || !table) {
          throw new Error(`${aggregate.name}: ${JSON.stringify(answer).slice(0, 400)}`);
        }
        cells = table.cells.length;
        return elapsed;
      };
      const askDirect = async () => {
        const started = performance.now();
        await client.query(aggregate.sql.sql, aggregate.sql.params);
        return performance.now() - started;
      };
      // One of each to warm caches and plans, then alternate so drift hits both alike. A slow
      // aggregate gets fewer rounds (at least MIN_SAMPLES) so that the whole run stays short.
      const warm = (await askDirect()) + (await askHub());
      const rounds = Math.max(MIN_SAMPLES, Math.min(samples, Math.floor(BUDGET_MS / warm)));
      for (let i = 0; i < rounds; i++) {
        if (i % 2 === 0) {
          direct.push(await askDirect());
          viaHub.push(await askHub());
        } else {
          viaHub.push(await askHub());
          direct.push(await askDirect());
        }
      }
      direct.sort((a, b) => a - b);
      viaHub.sort((a, b) => a - b);
      const timing: AggregateTiming = {
        name: aggregate.name,
        cells,
        samples: rounds,
        directMedianMs: percentile(direct, 0.5),
        hubMedianMs: percentile(viaHub, 0.5),
        directP95Ms: percentile(direct, 0.95),
        hubP95Ms: percentile(viaHub, 0.95),
        ratio: percentile(viaHub, 0.5) / percentile(direct, 0.5),
      };
      say(
        `  ${timing.name}: direct ${timing.directMedianMs.toFixed(0)} ms, hub ${timing.hubMedianMs.toFixed(0)} ms (${timing.ratio.toFixed(2)}x, ${cells} cells)`,
      );
      timings.push(timing);
    }
    return timings;
  } finally {
    await client.end();
    await hub.stop();
    await idp.close();
  }
}

export async function runAggregatesBench(options: {
  server: BenchServer;
  samples: number;
  say: (line: string) => void;
}): Promise<AggregatesResults> {
  const { server, say } = options;
  const file = POLICE_UK_FILE;
  if (!file) {
    throw new Error(
      'The data.police.uk file was not found: set POLICE_UK_FILE to asb-street-2018-10_2019-01.csv.gz',
    );
  }
  say('  a fresh database, migrated, with the demo partners');
  await prepareBase(server);
  const copy = await measureCopy(server, file);
  say(`  plain COPY: ${copy.rows} rows in ${copy.seconds.toFixed(1)} s`);
  await dropDatabase(server.adminUrl, WORK);
  const imported = await measureImport(server, file, say);
  let scaleUpSeconds: number | null = null;
  if (await isScaled(server)) {
    say(`  ${SCALED} already holds the scaled-up data: kept`);
    await dropDatabase(server.adminUrl, WORK);
  } else {
    scaleUpSeconds = (await scaleUpWork(server, imported.first.runId, say)).seconds;
  }
  await dropDatabase(server.adminUrl, BASE);
  const counts = await withClient(server.urlOf(SCALED), async (client) => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE import_run_id = $1)::int AS synthetic
       FROM incident`,
      [syntheticRunId],
    );
    return rows[0] as { total: number; synthetic: number };
  });
  const timings = await timeAggregates(server, options.samples, say);
  return {
    file: path.basename(file),
    import: {
      rows: copy.rows,
      imported: imported.first.rowsImported,
      copySeconds: copy.seconds,
      copyRowsPerSecond: copy.rows / copy.seconds,
      importSeconds: imported.first.seconds,
      importRowsPerSecond: imported.first.rowsImported / imported.first.seconds,
      ratio: imported.first.rowsImported / imported.first.seconds / (copy.rows / copy.seconds),
      rejected: imported.first.rowsRejected,
      secondRunSeconds: imported.second.seconds,
      secondRunImported: imported.second.rowsImported,
      secondRunAlreadyPresent: imported.second.rowsAlreadyPresent,
      incidentsFromFile: imported.incidentsFromFile,
    },
    scaledIncidents: counts.total,
    syntheticIncidents: counts.synthetic,
    scaleUpSeconds,
    samples: options.samples,
    timings,
  };
}
