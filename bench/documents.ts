/**
 * How long the hub takes to print the demo cuckooing case's documents as PDF: the whole-meeting
 * pack of the demo meeting (as the chair, asb.jones) and the lead officer statement (as the lead
 * officer, pc.morgan), each fetched over HTTP one at a time, N times after a warm-up.
 *
 *   npx ts-node --transpile-only bench/documents.ts [requests=20]
 *
 * Uses DATABASE_URL when given (migrated, demo data loaded if the database is empty), otherwise
 * an embedded PostgreSQL in .data/bench-postgres. Writes the section "Documents" of
 * bench/RESULTS.md and keeps one PDF of each in .data/bench-documents/ (for the README's page
 * images: `pdftoppm -png -r 60 -f 1 -l 1`). Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { signDemoToken, partnerIdOf } from '../src/auth/demo-token';
import { loadConfig } from '../src/config';
import { DEMO_IDS } from '../src/demo/demo-data';
import { DEMO_USERS } from '../src/demo/demo-directory';
import { startHub } from '../src/server';
import {
  benchEnv,
  latencySummary,
  openDemoDatabase,
  runDescription,
  writeResultsSection,
} from './bench-support';

process.env.HUB_LOG = 'silent';
const requests = Number(process.argv[2] ?? 20);
const root = path.resolve(__dirname, '..');

interface Result {
  document: string;
  url: string;
  medianMs: number;
  p95Ms: number;
}

const tokenOf = (username: string) => {
  const user = DEMO_USERS.find((candidate) => candidate.username === username)!;
  return signDemoToken({ ...user, partnerId: partnerIdOf(user) });
};

/** The last PDF of each document, kept for the README's page images (.data is git-ignored). */
const OUT = path.join(root, '.data/bench-documents');

async function fetchPdf(url: string, token: string, keepAs?: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, 'x-purpose': 'benchmark' },
  });
  const body = Buffer.from(await response.arrayBuffer());
  const elapsed = performance.now() - started;
  if (response.status !== 200 || body.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new Error(`${url}: ${response.status} ${body.subarray(0, 300).toString('utf8')}`);
  }
  if (keepAs) fs.writeFileSync(path.join(OUT, keepAs), body);
  return elapsed;
}

async function measure(
  document: string,
  url: string,
  token: string,
  keepAs: string,
): Promise<Result> {
  fs.mkdirSync(OUT, { recursive: true });
  for (let i = 0; i < 3; i++) await fetchPdf(url, token, keepAs);
  const latencies: number[] = [];
  for (let i = 0; i < requests; i++) latencies.push(await fetchPdf(url, token));
  latencies.sort((a, b) => a - b);
  const result = {
    document,
    url,
    ...latencySummary(latencies),
  };
  console.log(JSON.stringify(result));
  return result;
}

async function main() {
  const base = benchEnv();
  const database = await openDemoDatabase(base);
  try {
    const hub = await startHub(loadConfig(base), database.orm, 0);
    let results: Result[];
    try {
      results = [
        await measure(
          'Meeting pack, whole meeting (PDF)',
          `${hub.url}/documents/meetings/${DEMO_IDS.meeting}/pack.pdf?audience=WHOLE_MEETING`,
          await tokenOf('asb.jones'),
          'meeting-pack.pdf',
        ),
        await measure(
          'Lead officer statement (PDF)',
          `${hub.url}/documents/cases/${DEMO_IDS.cuckooingCase}/statement.pdf`,
          await tokenOf('pc.morgan'),
          'lead-officer-statement.pdf',
        ),
      ];
    } finally {
      await hub.stop();
    }
    const [serverVersion] = await database.orm.em
      .fork()
      .execute<{ server_version: string }[]>('show server_version');
    writeResults(results, serverVersion.server_version, database.embedded);
  } finally {
    await database.close();
  }
}

function writeResults(results: Result[], postgres: string, embedded: boolean) {
  const lines = [
    `The demo cuckooing case's PDFs fetched over HTTP one at a time: the whole-meeting pack of the demo ` +
      `meeting (as \`asb.jones\`, the chair) and the lead officer statement (as \`pc.morgan\`), ` +
      `${requests} requests each after 3 warm-up requests, with the hub's one Chromium already running. ` +
      `Each includes loading and redacting the data, the audit, the HTML and printing it in a fresh browser context. Target: under 2 s each.`,
    '',
    ...runDescription(
      postgres,
      embedded,
      `npx ts-node --transpile-only bench/documents.ts${requests === 20 ? '' : ` ${requests}`}`,
    ),
    '',
    '| document | median (ms) | p95 (ms) |',
    '| -------- | ----------- | -------- |',
    ...results.map((r) => `| ${r.document} | ${r.medianMs.toFixed(0)} | ${r.p95Ms.toFixed(0)} |`),
    '',
  ];
  writeResultsSection('Documents', lines.join('\n'));
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
