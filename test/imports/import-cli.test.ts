import fs from 'node:fs';
import { makeMember, makePartner, PartnerKind, Role } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { findImportingUser } from '../../src/imports/import.service';
import {
  countsFor,
  databaseUrlOf,
  EXAMPLE_EXPORT,
  EXAMPLE_MAPPING,
  refusal,
  runCli,
  SAMPLE,
  sampleLines,
  scratchDir,
  writeFile,
} from './import-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const ROWS = sampleLines().length - 1;

describe('npm run import, the command line', () => {
  it('imports a data.police.uk file for the partner it names, with a progress line and a summary, and adds nothing the second time', async () => {
    const partner = await makePartner(hub.em(), PartnerKind.POLICE);
    const first = await runCli(hub, [SAMPLE, '--partner', partner.name]);
    expect(first.code).toBe(0);
    // Not a terminal: a line at each tenth, not a bar redrawn in place.
    expect(first.stderr).toMatch(
      /^100% {2}line 304: 303 imported, 0 already present, 0 rejected$/m,
    );
    expect(first.stdout).toMatch(
      /^Imported 303 new incidents, 0 already present, 0 rejected \(run [0-9a-f-]{36}\)\. 303 rows in \d+\.\d s, [\d,]+ rows\/s\. Rejected rows: none\n$/,
    );
    const second = await runCli(hub, [SAMPLE, '--partner', partner.id]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^Imported 0 new incidents, 303 already present, 0 rejected/);
    expect(await countsFor(hub, partner.id)).toMatchObject({ incidents: ROWS, runs: 2 });
  });

  it('imports a partner system export with --mapping as the hub user named by --user, writing rejected rows next to the input', async () => {
    const partner = await makePartner(hub.em(), PartnerKind.HOUSING);
    const analyst = await makeMember(hub.em(), partner, Role.ANALYST);
    const dir = scratchDir();
    const lines = fs.readFileSync(EXAMPLE_EXPORT, 'utf8').trimEnd().split('\n');
    const file = writeFile(
      dir,
      'export.csv',
      [...lines, 'TVH-9999,not a date,01/03/2025 10:00,NOISE,x,y,,,,N'].join('\n') + '\n',
    );
    const result = await runCli(hub, [
      file,
      '--mapping',
      EXAMPLE_MAPPING,
      '--partner',
      partner.name,
      '--user',
      analyst.user.username,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Imported 6 new incidents, 0 already present, 1 rejected`);
    expect(result.stdout).toContain(`Rejected rows: ${file}.rejected.csv`);
    expect(fs.readFileSync(`${file}.rejected.csv`, 'utf8')).toContain(
      '9,"Date Reported ""not a date"" is not a date in the form DD/MM/YYYY HH:mm"',
    );
    const [audit] = await hub.em().execute(
      `select a.user_id, a.role from audit_entry a join import_run r on r.id::text = a.subject_id
        where r.partner_id = ?`,
      [partner.id],
    );
    expect(audit).toEqual({ user_id: analyst.user.id, role: 'ANALYST' });
  });

  it('refuses an unknown partner and a call without --partner, with a reason and an exit code', async () => {
    const unknown = await runCli(hub, [SAMPLE, '--partner', 'No Such Constabulary']);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      1,
      'Refused (IMPORT_UNKNOWN_PARTNER): No partner has the id or exact name "No Such Constabulary"',
    ]);
    const usage = await runCli(hub, [SAMPLE]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^Usage: npm run import -- <file> --partner/);
  });

  it('names as --user only an active analyst or supervisor of the importing partner', async () => {
    const partner = await makePartner(hub.em(), PartnerKind.POLICE);
    const elsewhere = await makePartner(hub.em(), PartnerKind.POLICE);
    const url = databaseUrlOf(hub);
    const supervisor = await makeMember(hub.em(), partner, Role.SUPERVISOR);
    expect(await findImportingUser(url, supervisor.user.username, partner.name)).toMatchObject({
      userId: supervisor.user.id,
      role: Role.SUPERVISOR,
      partnerId: partner.id,
    });
    const practitioner = await makeMember(hub.em(), partner, Role.PRACTITIONER);
    const stranger = await makeMember(hub.em(), elsewhere, Role.ANALYST);
    for (const [username, reason] of [
      [practitioner.user.username, /only analysts and supervisors import incidents/],
      [
        stranger.user.username,
        /is not an active member of .*: only its own staff import its records/,
      ],
    ] as const) {
      const refused = findImportingUser(url, username, partner.id);
      await expect(refused).rejects.toThrow(reason);
      expect(await refusal(refused)).toBe('FORBIDDEN');
    }
  });
});
