import { Client } from 'pg';
import { incidentCounts } from '../../src/aggregates/incident-counts.service';
import type { AggregateDimension } from '../../src/aggregates/aggregate-enums';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { prepareDatabase } from '../../src/db/start-up';
import { DEMO_PARTNERS } from '../../src/demo/demo-directory';
import { importIncidentFile } from '../../src/imports/import.service';
import { POLICE_UK_FILE } from '../aggregates';
import { dropDatabase, onServer, openBenchServer, serverVersion } from '../bench-postgres';
import { markdownTable, runDescription, writeResultsSection } from '../bench-support';

/**
 * Issue 15's measure: the shared data.police.uk file imported into a fresh database, each
 * incidentCounts answer compared cell by cell with an independent count (plain SQL straight on
 * the incident table, written here and not taken from the hub). A visible cell either equals the
 * independent count or differs by the cell key method's move; the section says how often, by how
 * much on average and at most, and whether the moves average out.
 *
 *   npx ts-node --transpile-only bench/disclosure/index.ts
 */
const DATABASE = 'asb_hub_bench_disclosure';
const PERIOD = { from: '2018-10-01', to: '2019-02-01' };

/** The groupings compared, and the independent SQL key for each dimension. */
const GROUPINGS: { groupBy: AggregateDimension[]; keys: string[] }[] = [
  { groupBy: ['LSOA' as AggregateDimension], keys: ['area_code'] },
  {
    groupBy: ['LOCAL_AUTHORITY' as AggregateDimension],
    keys: ['(SELECT local_authority FROM lsoa WHERE code = area_code)'],
  },
  { groupBy: ['POLICE_FORCE' as AggregateDimension], keys: ['police_force'] },
  { groupBy: ['REPORTED_BY' as AggregateDimension], keys: ['reported_by'] },
  {
    groupBy: ['PERIOD_MONTH' as AggregateDimension],
    keys: [`to_char(occurred_at AT TIME ZONE 'Europe/London', 'YYYY-MM')`],
  },
  {
    groupBy: ['LSOA', 'PERIOD_MONTH'] as AggregateDimension[],
    keys: ['area_code', `to_char(occurred_at AT TIME ZONE 'Europe/London', 'YYYY-MM')`],
  },
  {
    groupBy: ['POLICE_FORCE', 'PERIOD_MONTH'] as AggregateDimension[],
    keys: ['police_force', `to_char(occurred_at AT TIME ZONE 'Europe/London', 'YYYY-MM')`],
  },
];

interface Comparison {
  grouping: string;
  cells: number;
  visible: number;
  suppressed: number;
  exact: number;
  meanAbs: number;
  max: number;
  meanMove: number;
  total: number;
  publishedTotal: number | null;
}

async function main() {
  const file = POLICE_UK_FILE;
  if (!file) throw new Error('The shared data.police.uk file is not there: set POLICE_UK_FILE');
  const server = await openBenchServer();
  const say = (line: string) => console.log(line);
  try {
    await dropDatabase(server.adminUrl, DATABASE);
    await onServer(server.adminUrl, (client) => client.query(`CREATE DATABASE ${DATABASE}`));
    const url = server.urlOf(DATABASE);
    const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: url });
    const database = await openDatabase(config);
    const comparisons: Comparison[] = [];
    let imported = 0;
    let control = '';
    try {
      await prepareDatabase(database, { migrationsOnStart: 'apply', loadDemoData: true });
      const summary = await importIncidentFile({
        databaseUrl: url,
        file,
        partner: DEMO_PARTNERS.police.id,
      });
      imported = summary.rowsImported;
      say(`imported ${imported} rows (${summary.rowsRejected} rejected)`);
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT small_number_threshold AS k, perturbation_max_noise AS d, perturbation_variance AS v FROM area_configuration`,
        );
        control = `threshold ${rows[0].k}, perturbationMaxNoise ${rows[0].d}, perturbationVariance ${rows[0].v}`;
        for (const { groupBy, keys } of GROUPINGS) {
          const table = await incidentCounts(database.orm.em.fork(), PERIOD, groupBy);
          const independent = await client.query<{ key: string; n: number }>(
            `SELECT concat_ws('|', ${keys.map((k) => `coalesce(${k}, '-')`).join(', ')}) AS key, count(*)::int AS n
FROM incident
WHERE occurred_at >= timestamptz '${PERIOD.from} 00:00 Europe/London'
  AND occurred_at < timestamptz '${PERIOD.to} 00:00 Europe/London'
GROUP BY 1`,
          );
          const truth = new Map(independent.rows.map((row) => [row.key, row.n]));
          const moves: number[] = [];
          let suppressed = 0;
          for (const cell of table.cells) {
            const key = cell.keys.map((k) => k.value ?? '-').join('|');
            const count = truth.get(key);
            if (count === undefined) throw new Error(`${groupBy}: ${key} has no independent count`);
            if (cell.count === null) suppressed += 1;
            else moves.push(cell.count - count);
          }
          if (table.cells.length !== truth.size) {
            throw new Error(`${groupBy}: ${table.cells.length} cells, ${truth.size} counted`);
          }
          const total = [...truth.values()].reduce((a, b) => a + b, 0);
          comparisons.push({
            grouping: groupBy.join(' x '),
            cells: table.cells.length,
            visible: moves.length,
            suppressed,
            exact: moves.filter((move) => move === 0).length,
            meanAbs: moves.reduce((a, b) => a + Math.abs(b), 0) / Math.max(1, moves.length),
            max: Math.max(0, ...moves.map(Math.abs)),
            meanMove: moves.reduce((a, b) => a + b, 0) / Math.max(1, moves.length),
            total,
            publishedTotal: table.total,
          });
          say(`  ${groupBy.join(' x ')}: ${JSON.stringify(comparisons.at(-1))}`);
        }
      } finally {
        await client.end();
      }
    } finally {
      await database.close();
    }
    const all = comparisons.reduce(
      (sum, c) => ({
        visible: sum.visible + c.visible,
        abs: sum.abs + c.meanAbs * c.visible,
        move: sum.move + c.meanMove * c.visible,
        exact: sum.exact + c.exact,
        max: Math.max(sum.max, c.max),
      }),
      { visible: 0, abs: 0, move: 0, exact: 0, max: 0 },
    );
    writeResultsSection(
      'Disclosure control on the real shared data (issue 15)',
      [
        ...runDescription(
          await serverVersion(server.adminUrl),
          server.embedded,
          'npx ts-node --transpile-only bench/disclosure/index.ts',
        ),
        `- data: ${file.split('/').at(-1)}, ${imported} incidents imported into a fresh database; period ${PERIOD.from} to ${PERIOD.to}`,
        `- control: ${control} (the defaults)`,
        `- independent count: plain SQL on \`incident\` grouped by the same keys, not the hub's statement`,
        '',
        markdownTable(
          [
            'grouping',
            'cells',
            'visible',
            'suppressed',
            'visible and exact',
            'mean size of change',
            'largest change',
            'mean change',
            'true total',
            'published total',
          ],
          comparisons.map((c) => [
            c.grouping,
            c.cells,
            c.visible,
            c.suppressed,
            c.exact,
            c.meanAbs.toFixed(2),
            c.max,
            c.meanMove.toFixed(3),
            c.total,
            c.publishedTotal ?? 'suppressed',
          ]),
        ),
        '',
        `Every cell the hub lists has an independent count (no cell missing or extra). Over all ${all.visible} visible cells: ${all.exact} (${((100 * all.exact) / Math.max(1, all.visible)).toFixed(1)}%) exactly the independent count; the cell key method changed visible cells by ${(all.abs / Math.max(1, all.visible)).toFixed(2)} on average and at most ${all.max}; the mean change is ${(all.move / Math.max(1, all.visible)).toFixed(3)} (unbiased: the ptable's rows are symmetric).`,
      ].join('\n'),
    );
  } finally {
    await dropDatabase(server.adminUrl, DATABASE).catch(() => undefined);
    await server.stop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
