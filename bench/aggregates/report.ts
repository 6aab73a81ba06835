import { markdownTable } from '../bench-support';
import type { RunFacts } from '../load/report';
import type { AggregatesResults } from './index';

/** Issue 6's targets, on this 2-core machine, in the same run. */
export const AGGREGATE_TARGETS = { maxRatioToDirectSql: 1.5, minImportToCopy: 0.5 };

const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

export function aggregatesReport(results: AggregatesResults, run: RunFacts): string {
  const { import: imported, timings } = results;
  const worst = timings.reduce((a, b) => (b.ratio > a.ratio ? b : a), timings[0]);
  const missed = timings.filter((t) => t.ratio > AGGREGATE_TARGETS.maxRatioToDirectSql);
  return [
    `- machine: ${run.machine}`,
    `- Node.js ${run.node}, PostgreSQL ${run.postgres}`,
    `- load average when the run started: ${run.loadAverage.toFixed(2)}`,
    `- date: ${run.date}`,
    `- command: \`${run.command}\` (the \`aggregates\` step)`,
    `- data: the shared data.police.uk file \`${results.file}\`, imported, then scaled up to ` +
      `${results.scaledIncidents.toLocaleString('en-GB')} incidents, of which ` +
      `${results.syntheticIncidents.toLocaleString('en-GB')} are SYNTHETIC (real places, invented ` +
      `days and times with weekly and daily peaks: \`bench/aggregates/scale-up.ts\`)` +
      (results.scaleUpSeconds === null
        ? '; the scaled database was kept from an earlier run'
        : `; the scale-up took ${results.scaleUpSeconds.toFixed(0)} s`),
    '',
    '**Import against plain COPY** (same rows, fresh databases, one run):',
    '',
    markdownTable(
      ['', 'rows', 'seconds', 'rows per second'],
      [
        [
          'plain `COPY`',
          imported.rows,
          imported.copySeconds.toFixed(1),
          imported.copyRowsPerSecond.toFixed(0),
        ],
        [
          '`npm run import`',
          imported.imported,
          imported.importSeconds.toFixed(1),
          imported.importRowsPerSecond.toFixed(0),
        ],
        [
          'the same file again',
          imported.secondRunImported,
          imported.secondRunSeconds.toFixed(1),
          '(adds nothing)',
        ],
      ],
    ),
    '',
    `Import rate against COPY: ${imported.ratio.toFixed(2)} (target at least ${AGGREGATE_TARGETS.minImportToCopy}: ${met(imported.ratio >= AGGREGATE_TARGETS.minImportToCopy)}). ` +
      `The COPY baseline only writes rows already parsed in memory; the import also reads and checks ` +
      `the gzipped file, derives ids, and commits a checkpoint with each batch. After two imports the ` +
      `database holds ${imported.incidentsFromFile.toLocaleString('en-GB')} incidents from the file ` +
      `(${imported.secondRunAlreadyPresent.toLocaleString('en-GB')} rows found already present on the second run).`,
    '',
    `**Aggregates over ${results.scaledIncidents.toLocaleString('en-GB')} incidents**: each asked up to ${results.samples} times of the hub ` +
      '(production build, over HTTP, as a BI service token, small numbers suppressed) and run as the ' +
      'same SQL statement straight on PostgreSQL with `pg`, alternately, after one warm-up each ' +
      '(an aggregate whose SQL takes seconds gets fewer rounds, at least 5: the rounds column).',
    '',
    markdownTable(
      [
        'aggregate',
        'cells',
        'rounds',
        'SQL median (ms)',
        'hub median (ms)',
        'hub / SQL',
        'hub − SQL (ms)',
        'SQL p95 (ms)',
        'hub p95 (ms)',
      ],
      timings.map((t) => [
        t.name,
        t.cells,
        t.samples,
        ms(t.directMedianMs),
        ms(t.hubMedianMs),
        `${t.ratio.toFixed(2)}×`,
        ms(t.hubMedianMs - t.directMedianMs),
        ms(t.directP95Ms),
        ms(t.hubP95Ms),
      ]),
    ),
    '',
    `Target: every median within ${AGGREGATE_TARGETS.maxRatioToDirectSql}× of the direct SQL: ${met(missed.length === 0)}` +
      (missed.length === 0
        ? `; the largest ratio is ${worst.ratio.toFixed(2)}× (${worst.name}).`
        : `; over it: ${missed.map((t) => `${t.name} (${t.ratio.toFixed(2)}×)`).join(', ')}.`),
  ].join('\n');
}
