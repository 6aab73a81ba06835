import fs from 'node:fs';
import path from 'node:path';
import { fileSha256 } from '../../src/imports/import-file';
import { importLockKey } from '../../src/imports/import.service';
import { makeMember, makePartner, PartnerKind, Role, type Member } from '../support/factories';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';
import {
  type Body,
  countsFor,
  csv,
  finishedRun,
  form,
  getFrom,
  NOTHING,
  postImport,
  EXAMPLE_EXPORT,
  EXAMPLE_MAPPING,
  gzip,
  SAMPLE,
  sampleLines,
  scratchDir,
  withClient,
} from './import-support';

let hub: TestHub;
const importDir = scratchDir();
beforeAll(async () => {
  hub = await startTestHub({
    IMPORT_DIR: importDir,
    IMPORT_MAX_BYTES: '100000',
    RATE_LIMIT_PER_MINUTE: '100000',
  });
});
afterAll(async () => {
  await hub?.close();
});

const ROWS = sampleLines().length - 1;

interface RunView {
  id: string;
  status: string;
  format: string;
  fileName: string;
  progress: number;
  linesRead: number;
  rowsImported: number;
  rowsUpdated: number;
  rowsAlreadyPresent: number;
  rowsRejected: number;
  rejectedReportUrl: string | null;
  failure: string | null;
}

const IMPORT_RUN = gql<{ importRun: RunView | null }, { id: string }>(`
  query ($id: ID!) {
    importRun(id: $id) {
      id status format fileName progress linesRead rowsImported rowsUpdated rowsAlreadyPresent
      rowsRejected
      rejectedReportUrl failure
    }
  }`);

const IMPORT_RUNS = gql<{ importRuns: { id: string; partner: { id: string } }[] | null }>(`
  query { importRuns(first: 50) { id partner { id } } }`);

/** A partner with a member in each role. */
async function partnerStaff(kind = PartnerKind.POLICE) {
  const em = hub.em();
  const partner = await makePartner(em, kind);
  const staff = {} as Record<Role, Member>;
  for (const role of Object.values(Role)) staff[role] = await makeMember(em, partner, role);
  return { partner, staff };
}

/** The upload endpoint of the hub under test (import-support.ts). */
const post = (body: Body, token?: string, query = '', to: TestHub = hub) =>
  postImport(to, body, token, query);
const get = (url: string, token?: string, from: TestHub = hub) => getFrom(from, url, token);
const finished = (statusUrl: string, token: string, from: TestHub = hub) =>
  finishedRun<RunView>(from, statusUrl, token);

const storedFiles = () => fs.readdirSync(importDir).sort();

describe('POST /imports, the upload endpoint', () => {
  it('refuses an anonymous caller with 401, keeping nothing', async () => {
    const before = storedFiles();
    const answer = await post(csv(fs.readFileSync(SAMPLE)));
    expect(answer.status).toBe(401);
    expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(storedFiles()).toEqual(before);
  });

  it('refuses practitioners, the legal team, BI service accounts, administrators and the data protection officer with 403: only analysts and supervisors import', async () => {
    const { partner, staff } = await partnerStaff();
    const before = storedFiles();
    for (const role of [
      Role.PRACTITIONER,
      Role.LEGAL,
      Role.BI_SERVICE,
      Role.ADMINISTRATOR,
      Role.DATA_PROTECTION_OFFICER,
    ]) {
      const answer = await post(csv(fs.readFileSync(SAMPLE)), staff[role].token);
      expect([role, answer.status, answer.body.errors[0].extensions.code]).toEqual([
        role,
        403,
        'FORBIDDEN',
      ]);
    }
    expect(storedFiles()).toEqual(before);
    expect(await countsFor(hub, partner.id)).toMatchObject({ incidents: 0, runs: 0 });
  });

  it('accepts an analyst\u2019s data.police.uk file with 202, imports it in the background for the analyst\u2019s partner, and shows its progress at the status URL and in importRun', async () => {
    const { partner, staff } = await partnerStaff();
    const analyst = staff[Role.ANALYST];
    const answer = await post(csv(fs.readFileSync(SAMPLE)), analyst.token, '?fileName=street.csv');
    expect(answer.status).toBe(202);
    const { id, statusUrl } = answer.body.importRun;
    expect(answer.body.importRun).toMatchObject({
      status: 'RUNNING',
      format: 'POLICE_UK',
      fileName: 'street.csv',
      statusUrl: `/imports/${id}`,
    });
    const run = await finished(statusUrl, analyst.token);
    expect(run).toMatchObject({
      status: 'COMPLETED',
      progress: 1,
      linesRead: ROWS + 1,
      rowsImported: ROWS,
      rowsAlreadyPresent: 0,
      rowsRejected: 0,
      rejectedReportUrl: null,
      failure: null,
    });
    const viaGraphQL = await hub.request(IMPORT_RUN, { id }, analyst.token);
    const { partner: _partner, startedAt: _started, finishedAt: _finished, ...asRead } = run as any;
    expect(viaGraphQL.data?.importRun).toEqual({ ...asRead, fileName: 'street.csv' });

    expect(await countsFor(hub, partner.id)).toEqual({
      incidents: ROWS,
      reports: ROWS,
      runs: 1,
      audited: 1,
    });
    const [recorded] = await hub
      .em()
      .execute(
        'select count(*)::int as n from incident_report where partner_id = ? and recorded_by_id = ?',
        [partner.id, analyst.user.id],
      );
    expect(recorded.n).toBe(ROWS);
    const [audit] = await hub.em().execute('select * from audit_entry where subject_id = ?', [id]);
    expect(audit).toMatchObject({
      action: 'CREATE',
      subject_type: 'ImportRun',
      user_id: analyst.user.id,
      partner_id: partner.id,
      role: 'ANALYST',
      operation: 'POST /imports',
    });
    // The upload was kept in IMPORT_DIR only while its run needed it.
    for (let i = 0; i < 50 && storedFiles().some((name) => name.endsWith('-street.csv')); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(storedFiles().filter((name) => name.endsWith('-street.csv'))).toEqual([]);
  });

  it('takes a supervisor\u2019s partner system export with its mapping as a multipart form', async () => {
    const { partner, staff } = await partnerStaff(PartnerKind.HOUSING);
    const supervisor = staff[Role.SUPERVISOR];
    const answer = await post(
      form({
        file: [fs.readFileSync(EXAMPLE_EXPORT), 'asb-export.csv'],
        mapping: [fs.readFileSync(EXAMPLE_MAPPING), 'mapping.json'],
      }),
      supervisor.token,
    );
    expect(answer.status).toBe(202);
    expect(answer.body.importRun).toMatchObject({
      format: 'MAPPED_CSV',
      fileName: 'asb-export.csv',
    });
    const run = await finished(answer.body.importRun.statusUrl, supervisor.token);
    expect(run).toMatchObject({ status: 'COMPLETED', rowsImported: 6, rowsRejected: 0 });
    expect((await countsFor(hub, partner.id)).incidents).toBe(6);
  });

  it('takes a gzip body, and adds nothing for rows the partner imported before', async () => {
    const { partner, staff } = await partnerStaff();
    const analyst = staff[Role.ANALYST];
    const first = await post(csv(fs.readFileSync(SAMPLE)), analyst.token);
    await finished(first.body.importRun.statusUrl, analyst.token);
    const packed = await post(
      { kind: 'raw', type: 'application/gzip', data: gzip(fs.readFileSync(SAMPLE, 'utf8')) },
      analyst.token,
    );
    expect(packed.status).toBe(202);
    const run = await finished(packed.body.importRun.statusUrl, analyst.token);
    expect(run).toMatchObject({ status: 'COMPLETED', rowsImported: 0, rowsAlreadyPresent: ROWS });
    expect((await countsFor(hub, partner.id)).incidents).toBe(ROWS);
  });

  it('refuses an upload larger than IMPORT_MAX_BYTES with 413 PAYLOAD_TOO_LARGE, as a body or a form, keeping nothing', async () => {
    const { partner, staff } = await partnerStaff();
    const analyst = staff[Role.ANALYST];
    const big = Buffer.concat(Array(3).fill(fs.readFileSync(SAMPLE)));
    expect(big.length).toBeGreaterThan(100_000);
    const before = storedFiles();
    for (const body of [csv(big), form({ file: [big, 'big.csv'] })]) {
      const answer = await post(body, analyst.token);
      expect([answer.status, answer.body.errors[0].extensions.code]).toEqual([
        413,
        'PAYLOAD_TOO_LARGE',
      ]);
    }
    expect(storedFiles()).toEqual(before);
    expect(await countsFor(hub, partner.id)).toMatchObject({ incidents: 0, runs: 0 });
  });

  it('refuses a whole file it cannot import with its code, keeping nothing', async () => {
    const { partner, staff } = await partnerStaff();
    const analyst = staff[Role.ANALYST];
    const before = storedFiles();
    const cases: [Body, number, string][] = [
      [csv('Ref,When,What\n1,2024-01-01,Noise\n'), 400, 'IMPORT_UNKNOWN_FORMAT'],
      [csv(`${sampleLines()[0]}\n`), 400, 'IMPORT_EMPTY_FILE'],
      [form({ upload: [fs.readFileSync(SAMPLE), 'street.csv'] }), 400, 'BAD_USER_INPUT'],
      [
        form({
          file: [fs.readFileSync(EXAMPLE_EXPORT), 'asb.csv'],
          mapping: ['{"occurredAt": ', 'mapping.json'],
        }),
        400,
        'IMPORT_MAPPING_INVALID',
      ],
      [{ kind: 'raw', type: 'application/json', data: '{}' }, 415, 'BAD_USER_INPUT'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await post(body, analyst.token);
      expect([answer.status, answer.body.errors[0].extensions.code]).toEqual([status, code]);
    }
    expect(storedFiles()).toEqual(before);
    expect(await countsFor(hub, partner.id)).toEqual(NOTHING);
  });

  it('refuses a second upload of a file while it is being imported with 409 IMPORT_ALREADY_RUNNING', async () => {
    const { partner, staff } = await partnerStaff();
    const key = importLockKey(partner.id, await fileSha256(SAMPLE));
    await withClient(hub, async (client) => {
      await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [key]);
      const answer = await post(csv(fs.readFileSync(SAMPLE)), staff[Role.ANALYST].token);
      expect([answer.status, answer.body.errors[0].extensions.code]).toEqual([
        409,
        'IMPORT_ALREADY_RUNNING',
      ]);
    });
    expect(await countsFor(hub, partner.id)).toMatchObject({ incidents: 0, runs: 0 });
  });
});

describe('the rejected rows report of an upload', () => {
  it('serves the rejected rows report to the importing partner\u2019s analysts and supervisors only, and audits each download', async () => {
    const { staff } = await partnerStaff();
    const analyst = staff[Role.ANALYST];
    const lines = sampleLines();
    const bad = lines[1].replace('2018-10', '2018-13');
    const body = [lines[0], lines[1], bad, lines[2]].join('\n') + '\n';
    const answer = await post(csv(body), analyst.token, '?fileName=october.csv');
    const run = await finished(answer.body.importRun.statusUrl, analyst.token);
    expect(run).toMatchObject({
      status: 'COMPLETED',
      rowsRejected: 1,
      rejectedReportUrl: `/imports/${run.id}/rejected.csv`,
    });
    // The report is kept next to the upload.
    expect(storedFiles().some((name) => name.endsWith('-october.csv.rejected.csv'))).toBe(true);

    const download = await get(run.rejectedReportUrl!, analyst.token);
    expect(download.status).toBe(200);
    expect(download.type).toMatch(/^text\/csv/);
    expect(download.text.split('\n').slice(0, 2)).toEqual([
      `line,reason,${lines[0]}`,
      `3,"Month ""2018-13"" is not a month in YYYY-MM form",${bad}`,
    ]);
    expect((await get(run.rejectedReportUrl!, staff[Role.SUPERVISOR].token)).status).toBe(200);

    const other = await partnerStaff();
    const refused = [
      [undefined, 401],
      [staff[Role.PRACTITIONER].token, 403],
      [staff[Role.BI_SERVICE].token, 403],
      [other.staff[Role.ANALYST].token, 404],
    ] as const;
    for (const [token, status] of refused) {
      expect((await get(run.rejectedReportUrl!, token)).status).toBe(status);
    }
    const reads = await hub
      .em()
      .execute(
        "select user_id, role, fields from audit_entry where subject_type = 'ImportRejectedRows' and subject_id = ? order by occurred_at",
        [run.id],
      );
    expect(reads).toEqual([
      { user_id: analyst.user.id, role: 'ANALYST', fields: ['line', 'reason', 'row'] },
      {
        user_id: staff[Role.SUPERVISOR].user.id,
        role: 'SUPERVISOR',
        fields: ['line', 'reason', 'row'],
      },
    ]);
  });
});

describe('importRun and importRuns', () => {
  it('refuses an anonymous caller', async () => {
    const answer = await hub.request(IMPORT_RUNS, {});
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses roles that may not import: a practitioner, a BI service account, an administrator', async () => {
    const { staff } = await partnerStaff();
    for (const role of [Role.PRACTITIONER, Role.BI_SERVICE, Role.ADMINISTRATOR]) {
      const answer = await hub.request(IMPORT_RUNS, {}, staff[role].token);
      expect([role, codes(answer)]).toEqual([role, ['FORBIDDEN']]);
    }
  });

  it('does not show another partner\u2019s import run: importRun answers as for a missing one, and importRuns lists only the partner\u2019s own', async () => {
    const mine = await partnerStaff();
    const theirs = await partnerStaff();
    const answer = await post(csv(fs.readFileSync(SAMPLE)), theirs.staff[Role.ANALYST].token);
    const { id } = answer.body.importRun;
    await finished(answer.body.importRun.statusUrl, theirs.staff[Role.ANALYST].token);

    const hidden = await hub.request(IMPORT_RUN, { id }, mine.staff[Role.ANALYST].token);
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect((await get(`/imports/${id}`, mine.staff[Role.ANALYST].token)).status).toBe(404);
    const listed = await hub.request(IMPORT_RUNS, {}, mine.staff[Role.SUPERVISOR].token);
    expect(listed.data?.importRuns).toEqual([]);
    const own = await hub.request(IMPORT_RUNS, {}, theirs.staff[Role.SUPERVISOR].token);
    expect(own.data?.importRuns).toEqual([{ id, partner: { id: theirs.partner.id } }]);
  });
});

describe('an upload when the hub stops', () => {
  it('stops an upload\u2019s import after the batch in flight when the hub stops, hands it over, and resumes it when the same file is uploaded again', async () => {
    const dir = scratchDir();
    const env = { IMPORT_DIR: dir, IMPORT_BATCH_ROWS: '100', RATE_LIMIT_PER_MINUTE: '100000' };
    const { partner, staff } = await partnerStaff();
    const token = staff[Role.ANALYST].token;
    const [header, ...rows] = sampleLines();
    const many = [header, ...Array.from({ length: 100 }, () => rows).flat()].join('\n') + '\n';
    const total = rows.length * 100;

    const stopping = await startTestHub(env);
    const answer = await post(csv(many), token, '', stopping);
    expect(answer.status).toBe(202);
    const { id, statusUrl } = answer.body.importRun;
    for (let i = 0; i < 400; i++) {
      const { json } = await get(statusUrl, token, stopping);
      if (json().importRun.linesRead > 1) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await stopping.close();

    const [stopped] = await hub
      .em()
      .execute(
        'select status, failure, upload_kept, rows_imported, checkpoint_line from import_run where id = ?',
        [id],
      );
    // Handed over: left RUNNING with its upload kept, for any hub's takeover sweep (or this upload).
    expect(stopped).toMatchObject({ status: 'RUNNING', failure: null, upload_kept: true });
    expect(stopped.rows_imported).toBeGreaterThan(0);
    expect(stopped.rows_imported).toBeLessThan(total);
    expect((await countsFor(hub, partner.id)).incidents).toBe(stopped.rows_imported);

    const again = await startTestHub(env);
    try {
      const resumed = await post(csv(many), token, '', again);
      expect(resumed.body.importRun).toMatchObject({
        id,
        resumedAfterLine: stopped.checkpoint_line,
      });
      const run = await finished(statusUrl, token, again);
      expect(run).toMatchObject({
        status: 'COMPLETED',
        rowsImported: total,
        rowsAlreadyPresent: 0,
      });
    } finally {
      await again.close();
    }
    expect(await countsFor(hub, partner.id)).toMatchObject({ incidents: total, runs: 1 });
  });
});

// The folder is the test's own; nothing else is left in it.
afterAll(() => fs.rmSync(path.resolve(importDir), { recursive: true, force: true }));
