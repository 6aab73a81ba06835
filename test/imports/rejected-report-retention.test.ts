import fs from 'node:fs';
import { clock, setClock } from '../../src/common/clock';
import { resumeTestClock } from '../support/clock';
import { makePartnerMember, PartnerKind, Role } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { Client } from 'pg';
import { databaseUrlOf, sampleLines, scratchDir } from './import-support';

const DAY = 24 * 3600 * 1000;
let hub: TestHub;
const importDir = scratchDir();

beforeAll(async () => {
  // A database of its own: the test moves the clock a month on, and its sweep would delete the
  // reports of other tests' runs on the shared database.
  hub = await startTestHub(
    {
      IMPORT_DIR: importDir,
      IMPORT_REJECTED_REPORT_DAYS: '30',
      IMPORT_RETENTION_SWEEP_MS: '50',
    },
    { private: true },
  );
});
afterAll(async () => {
  resumeTestClock();
  await hub?.close();
});

const reports = () => fs.readdirSync(importDir).filter((name) => name.endsWith('.rejected.csv'));
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

it('deletes a rejected rows report once its run ended more than IMPORT_REJECTED_REPORT_DAYS ago, keeping the run and its counts', async () => {
  const analyst = await makePartnerMember(hub.em(), PartnerKind.POLICE, Role.ANALYST);
  const lines = sampleLines();
  const body = [lines[0], lines[1], lines[1].replace('2018-10', '2018-13')].join('\n') + '\n';
  const base = hub.url;
  const posted = await fetch(`${base}/imports?fileName=retention.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${analyst.token}`, 'content-type': 'text/csv' },
    body,
  });
  expect(posted.status).toBe(202);
  const { importRun } = (await posted.json()) as { importRun: { id: string; statusUrl: string } };
  const statusOf = async () =>
    (
      (await (
        await fetch(`${base}${importRun.statusUrl}`, {
          headers: { authorization: `Bearer ${analyst.token}` },
        })
      ).json()) as {
        importRun: { status: string; rowsRejected: number; rejectedReportUrl: string | null };
      }
    ).importRun;
  for (let i = 0; i < 200 && (await statusOf()).status === 'RUNNING'; i++) await settle();
  expect(await statusOf()).toMatchObject({ status: 'COMPLETED', rowsRejected: 1 });
  expect(reports()).toHaveLength(1);
  const download = () =>
    fetch(`${base}/imports/${importRun.id}/rejected.csv`, {
      headers: { authorization: `Bearer ${analyst.token}` },
    }).then((response) => response.status);
  expect(await download()).toBe(200);

  const ended = clock.nowMs();
  setClock(new Date(ended + 29 * DAY));
  await settle();
  expect(reports()).toHaveLength(1);

  // While another process runs the sweep (it holds the sweep's lock), this one does not.
  const other = new Client({ connectionString: databaseUrlOf(hub) });
  await other.connect();
  try {
    await other.query('select pg_advisory_lock(hashtext($1))', [
      'asb-hub:rejected rows report retention',
    ]);
    setClock(new Date(ended + 31 * DAY));
    await settle();
    expect(reports()).toHaveLength(1);
  } finally {
    await other.end();
  }
  await settle();
  expect(reports()).toEqual([]);

  resumeTestClock();
  expect(await download()).toBe(404);
  expect(await statusOf()).toMatchObject({
    status: 'COMPLETED',
    rowsRejected: 1,
    rejectedReportUrl: null,
  });
});
