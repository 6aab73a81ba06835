/**
 * What the audit of reads costs: N requests of the demo cuckooing case's full view, as the lead
 * police officer, with the audit on and then off, on one database and one process.
 *
 *   npx ts-node --transpile-only bench/audit-overhead.ts [requests=300] [concurrency=4]
 *
 * Uses DATABASE_URL when given (migrated, demo data loaded if the database is empty), otherwise
 * an embedded PostgreSQL in .data/bench-postgres. Writes the section "Audit overhead" of
 * bench/RESULTS.md. AUDIT=off exists for this script only; the hub refuses it in production.
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
const requests = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 4);
const root = path.resolve(__dirname, '..');
const query = fs.readFileSync(path.join(root, 'test/operations/case-view.graphql'), 'utf8');

interface Run {
  audit: 'on' | 'off';
  requestsPerSecond: number;
  medianMs: number;
  p95Ms: number;
}

async function run(url: string, token: string, count: number): Promise<Omit<Run, 'audit'>> {
  const latencies: number[] = [];
  let next = 0;
  const body = JSON.stringify({
    query,
    operationName: 'CaseView',
    variables: { id: DEMO_IDS.cuckooingCase },
  });
  const worker = async () => {
    while (next < count) {
      next++;
      const started = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-purpose': 'benchmark',
        },
        body,
      });
      const answer = (await response.json()) as { data?: { case?: { reference?: string } } };
      if (answer.data?.case?.reference !== 'ASB-2026-0001') {
        throw new Error(`unexpected answer: ${JSON.stringify(answer).slice(0, 300)}`);
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: count / seconds,
    ...latencySummary(latencies),
  };
}

async function main() {
  const base = benchEnv();
  const database = await openDemoDatabase(base);
  try {
    const lead = DEMO_USERS.find((user) => user.username === 'pc.morgan')!;
    const token = await signDemoToken({ ...lead, partnerId: partnerIdOf(lead) });
    const hubs = {
      on: await startHub(loadConfig({ ...base, AUDIT: 'on' }), database.orm, 0),
      off: await startHub(loadConfig({ ...base, AUDIT: 'off' }), database.orm, 0),
    };
    const results: Run[] = [];
    try {
      // Warm both (JIT, connection pool, PostgreSQL caches), then alternate, best of two each.
      for (const audit of ['on', 'off'] as const)
        await run(`${hubs[audit].url}/graphql`, token, 100);
      const best: Record<string, Run> = {};
      for (const round of [0, 1]) {
        for (const audit of round === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
          const result = { audit, ...(await run(`${hubs[audit].url}/graphql`, token, requests)) };
          console.log(JSON.stringify(result));
          if (!best[audit] || result.requestsPerSecond > best[audit].requestsPerSecond) {
            best[audit] = result;
          }
        }
      }
      results.push(best.on, best.off);
    } finally {
      await hubs.on.stop();
      await hubs.off.stop();
    }
    const [serverVersion] = await database.orm.em
      .fork()
      .execute<{ server_version: string }[]>('show server_version');
    writeResults(results, serverVersion.server_version, database.embedded);
  } finally {
    await database.close();
  }
}

const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;

function writeResults(results: Run[], postgres: string, embedded: boolean) {
  const [on, off] = results;
  const lines = [
    `The full case view of the demo cuckooing case (\`test/operations/case-view.graphql\`, as \`pc.morgan\`), ` +
      `${requests} requests at concurrency ${concurrency}, with the audit of reads on (one batched INSERT ` +
      `per request) and off (\`AUDIT=off\`, refused in production); best of two alternating rounds after a warm-up.`,
    '',
    ...runDescription(
      postgres,
      embedded,
      `npx ts-node --transpile-only bench/audit-overhead.ts ${requests} ${concurrency}`,
    ),
    '',
    '| audit | requests per second | median latency (ms) | p95 latency (ms) |',
    '| ----- | ------------------- | ------------------- | ---------------- |',
    ...[on, off].map(
      (r) =>
        `| ${r.audit} | ${r.requestsPerSecond.toFixed(1)} | ${r.medianMs.toFixed(1)} | ${r.p95Ms.toFixed(1)} |`,
    ),
    '',
    `Audit on compared with off: ${signed(((on.requestsPerSecond - off.requestsPerSecond) / off.requestsPerSecond) * 100)}% ` +
      `requests per second, ${signed(on.medianMs - off.medianMs)} ms on the median latency ` +
      `(differences of a few per cent are within this machine's run-to-run noise).`,
    '',
  ];
  writeResultsSection('Audit overhead', lines.join('\n'));
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
