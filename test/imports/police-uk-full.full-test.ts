import { makePartner, PartnerKind } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { countsFor, runCli } from './import-support';

/*
 * The whole shared data.police.uk file (288,693 ASB rows), through the command line as an operator
 * runs it. Not in `npm test` (a few minutes on two cores): `npm run test:import-full`.
 */
const FILE = '/work/shared/data/police-uk/asb-street-2018-10_2019-01.csv.gz';
const ROWS = 288_693;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({}, { private: true });
});
afterAll(async () => {
  await hub?.close();
});

const seconds = (stdout: string) => Number(/ in (\d+\.\d) s/.exec(stdout)?.[1]);
const rate = (stdout: string) => /([\d,]+) rows\/s/.exec(stdout)?.[1];

describe('the whole data.police.uk file', () => {
  it('importing the shared data.police.uk file twice leaves exactly 288,693 incidents', async () => {
    const partner = await makePartner(hub.em(), PartnerKind.POLICE);
    const first = await runCli(hub, [FILE, '--partner', partner.name]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Imported 288,693 new incidents, 0 already present, 0 rejected');
    const second = await runCli(hub, [FILE, '--partner', partner.name]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      'Imported 0 new incidents, 288,693 already present, 0 rejected',
    );
    expect(await countsFor(hub, partner.id)).toMatchObject({
      incidents: ROWS,
      reports: ROWS,
      runs: 2,
    });
    console.log(
      `first import: ${seconds(first.stdout)} s, ${rate(first.stdout)} rows/s; second: ${seconds(second.stdout)} s, ${rate(second.stdout)} rows/s`,
    );
  });

  it('resumes an import whose process was killed half-way, ending with exactly 288,693 incidents', async () => {
    const partner = await makePartner(hub.em(), PartnerKind.POLICE);
    let killedAt = '';
    const killed = await runCli(hub, [FILE, '--partner', partner.id], (stderr, child) => {
      const reached = /^ ?([4-9]\d)%/m.exec(stderr);
      if (reached && !killedAt) {
        killedAt = reached[1];
        child.kill('SIGKILL');
      }
    });
    expect(killed.signal).toBe('SIGKILL');
    const landed = (await countsFor(hub, partner.id)).incidents;
    expect(landed).toBeGreaterThan(0);
    expect(landed).toBeLessThan(ROWS);
    const [run] = await hub
      .em()
      .execute(
        'select status, checkpoint_line, rows_imported from import_run where partner_id = ?',
        [partner.id],
      );
    // The killed run is left RUNNING; every committed batch is in the counts, and nothing else is.
    expect(run).toMatchObject({ status: 'RUNNING', rows_imported: landed });

    // PostgreSQL ends the killed session (and lets go of its lock) once it notices the socket closed.
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await hub.em().execute(
        `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
          where l.locktype = 'advisory' and d.datname = current_database()`,
      );
      if (n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const resumed = await runCli(hub, [FILE, '--partner', partner.id]);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(
      `Imported 288,693 new incidents, 0 already present, 0 rejected`,
    );
    expect(resumed.stdout).toContain(
      `resumed after line ${(run.checkpoint_line as number).toLocaleString('en-GB')}`,
    );
    expect(await countsFor(hub, partner.id)).toMatchObject({
      incidents: ROWS,
      reports: ROWS,
      runs: 1,
    });
    console.log(
      `killed at ${killedAt}% with ${landed} incidents committed; resumed in ${seconds(resumed.stdout)} s`,
    );
  });
});
