import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { HousingRecord } from '../../src/partner-records/housing-record.entity';
import { PartnerRecordRevision } from '../../src/partner-records/partner-record-revision.entity';
import { PoliceRecord } from '../../src/partner-records/police-record.entity';
import {
  makeCase,
  makeMember,
  makePartner,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import type { Viewer } from '../../src/auth/viewer';
import {
  finishedRun,
  form,
  getFrom,
  importInto,
  postImport,
  readReport,
  refusal,
  scratchDir,
  withClient,
  writeFile,
} from './import-support';

/*
 * A partner's own records brought in through POST /imports (docs/rules.md "Partner records"): the
 * partner's export, read through a `records` mapping, each row written by the partner-record
 * service, keyed on the partner's own reference.
 */

let hub: TestHub;
const importDir = scratchDir();
beforeAll(async () => {
  hub = await startTestHub({ IMPORT_DIR: importDir, RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(async () => {
  await hub?.close();
});

interface RunView {
  id: string;
  status: string;
  format: string;
  rowsImported: number;
  rowsUpdated: number;
  rowsAlreadyPresent: number;
  rowsRejected: number;
  rejectedReportUrl: string | null;
  failure: string | null;
}

/** The police force's export, in its own column names. */
const HEADER = ['Nominal ref', 'Hub person', 'Hub case', 'PNC', 'Markers', 'Warnings'];
const MAPPING = JSON.stringify({
  records: {
    kind: 'POLICE',
    personId: 'Hub person',
    caseId: 'Hub case',
    sourceReference: 'Nominal ref',
    fields: { pncReference: 'PNC', warningMarkers: 'Markers', warningsSummary: 'Warnings' },
  },
});
const exportOf = (rows: string[][]) =>
  [HEADER, ...rows].map((row) => row.join(',')).join('\n') + '\n';

/** A police force with a supervisor, a housing provider on its case, and two people in it. */
async function setting() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE, Role.SUPERVISOR);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING, Role.SUPERVISOR);
  const first = await makePerson(em);
  const second = await makePerson(em);
  const onCase = await makeCase(em, police, {
    others: [housing.partner],
    people: [
      [first, PersonRole.PERPETRATOR],
      [second, PersonRole.VICTIM],
    ],
  });
  return { police, housing, first, second, onCase };
}

async function upload(token: string, rows: string[][], mapping = MAPPING) {
  return postImport(
    hub,
    form({ file: [exportOf(rows), 'nominals.csv'], mapping: [mapping, 'mapping.json'] }),
    token,
  );
}

/** Uploads and waits for the run's end. */
async function imported(token: string, rows: string[][], mapping = MAPPING): Promise<RunView> {
  const answer = await upload(token, rows, mapping);
  expect([answer.status, answer.body.errors]).toEqual([202, undefined]);
  expect(answer.body.importRun.format).toBe('PARTNER_RECORD_CSV');
  return finishedRun<RunView>(hub, answer.body.importRun.statusUrl, token);
}

const revisionsOf = (partnerId: string) =>
  hub.em().fork().count(PartnerRecordRevision, { ownerPartner: partnerId });

const runsOf = (partnerId: string) =>
  withClient(hub, async (client) => {
    const { rows } = await client.query<{ n: string }>(
      'select count(*) as n from import_run where partner_id = $1',
      [partnerId],
    );
    return Number(rows[0].n);
  });

describe('POST /imports with a mapping of partner records', () => {
  it('refuses an anonymous caller with 401', async () => {
    const answer = await postImport(
      hub,
      form({ file: [exportOf([]), 'x.csv'], mapping: [MAPPING, 'm.json'] }),
    );
    expect([answer.status, answer.body.errors[0].extensions.code]).toEqual([
      401,
      'UNAUTHENTICATED',
    ]);
  });

  it('creates records, and a second upload of the same file changes nothing: every row already present, no revision added', async () => {
    const s = await setting();
    const rows = [
      ['UPL-1', s.first.id, s.onCase.id, '88/1X', 'VIOLENT;DRUGS', 'CPW issued'],
      ['UPL-2', s.second.id, s.onCase.id, '', '', 'Words of advice'],
    ];
    const first = await imported(s.police.token, rows);
    expect(first).toMatchObject({
      status: 'COMPLETED',
      rowsImported: 2,
      rowsUpdated: 0,
      rowsAlreadyPresent: 0,
      rowsRejected: 0,
      rejectedReportUrl: null,
    });
    const record = await hub
      .em()
      .fork()
      .findOneOrFail(PoliceRecord, { ownerPartner: s.police.partner.id, sourceReference: 'UPL-1' });
    expect([record.person.id, record.ownerPartner.id, record.warningMarkers]).toEqual([
      s.first.id,
      s.police.partner.id,
      ['VIOLENT', 'DRUGS'],
    ]);
    expect(await revisionsOf(s.police.partner.id)).toBe(2);
    // One audit entry for the run, naming the fields its rows write.
    const audited = await withClient(hub, (client) =>
      client.query<{ fields: string[] }>(
        `select fields from audit_entry where subject_type = 'ImportRun' and subject_id = $1`,
        [first.id],
      ),
    );
    expect(audited.rows.map((row) => row.fields)).toEqual([
      [
        'PoliceRecord.sourceReference',
        'PoliceRecord.pncReference',
        'PoliceRecord.warningMarkers',
        'PoliceRecord.warningsSummary',
        'PartnerRecordRevision.earlierValues',
      ],
    ]);

    const again = await imported(s.police.token, rows);
    expect(again.id).not.toBe(first.id);
    expect(again).toMatchObject({
      status: 'COMPLETED',
      rowsImported: 0,
      rowsUpdated: 0,
      rowsAlreadyPresent: 2,
      rowsRejected: 0,
    });
    expect(await revisionsOf(s.police.partner.id)).toBe(2);
    expect(await hub.em().fork().count(PoliceRecord, { ownerPartner: s.police.partner.id })).toBe(
      2,
    );
  });

  it('updates a changed row through the service, keeping its earlier values in the history', async () => {
    const s = await setting();
    const rows = [
      ['UPL-A', s.first.id, s.onCase.id, '', 'VIOLENT', 'CPW issued'],
      ['UPL-B', s.second.id, s.onCase.id, '', '', 'Words of advice'],
    ];
    await imported(s.police.token, rows);
    const changed = [rows[0], ['UPL-B', s.second.id, s.onCase.id, '', '', 'CPN issued']];
    const run = await imported(s.police.token, changed);
    expect(run).toMatchObject({ rowsImported: 0, rowsUpdated: 1, rowsAlreadyPresent: 1 });

    const em = hub.em().fork();
    const record = await em.findOneOrFail(PoliceRecord, {
      ownerPartner: s.police.partner.id,
      sourceReference: 'UPL-B',
    });
    expect(record.warningsSummary).toBe('CPN issued');
    const history = await em.find(
      PartnerRecordRevision,
      { recordId: record.id },
      { orderBy: { changedAt: 'desc', id: 'desc' } },
    );
    expect(history).toHaveLength(2);
    expect(history[0].changedFields).toEqual(['warningsSummary']);
    expect(history[0].earlierValues).toEqual({ warningsSummary: 'Words of advice' });
    expect(history[0].changedBy.id).toBe(s.police.user.id);
  });

  it('reports each bad row by its line in the rejected rows report and writes nothing of it, while the good rows land', async () => {
    const s = await setting();
    const outsider = await makePerson(hub.em());
    const third = await makePerson(hub.em());
    const rows = [
      ['UPL-G', s.first.id, s.onCase.id, '', 'VIOLENT', 'CPW issued'],
      ['UPL-X', outsider.id, s.onCase.id, '', '', 'Not on the case'],
      ['UPL-Y', s.second.id, s.onCase.id, '', 'not a code!', 'Bad marker'],
      ['', third.id, s.onCase.id, '', '', 'No reference'],
      ['UPL-G', s.second.id, s.onCase.id, '', '', 'Reference twice'],
      ['UPL-Z', s.second.id, s.onCase.id, '', ''],
    ];
    const run = await imported(s.police.token, rows);
    expect(run).toMatchObject({
      status: 'COMPLETED',
      rowsImported: 1,
      rowsRejected: 5,
      rejectedReportUrl: `/imports/${run.id}/rejected.csv`,
    });
    const report = await getFrom(hub, run.rejectedReportUrl!, s.police.token);
    expect(report.status).toBe(200);
    const file = writeFile(importDir, `${randomUUID()}.csv`, report.text);
    const [header, ...lines] = readReport(file);
    fs.rmSync(file);
    expect(header).toEqual(['line', 'reason', ...HEADER]);
    const byLine = lines
      .map(([line, reason]) => [Number(line), reason.split(':')[0]])
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(byLine).toEqual([
      [3, 'NOT_FOUND'], // someone in no case of the force's: as if missing
      [4, 'BAD_USER_INPUT'], // a marker that is not a code
      [5, 'BAD_USER_INPUT'], // no reference
      [6, 'BAD_USER_INPUT'], // a reference already on line 2
      [7, 'the line has 5 fields where the header has 6'],
    ]);
    expect(lines.find(([line]) => line === '7')![1]).toMatch(/^the line has 5 fields/);
    const em = hub.em().fork();
    expect(await em.count(PoliceRecord, { person: [s.second.id, outsider.id, third.id] })).toBe(0);
    expect(
      await em.count(PartnerRecordRevision, { person: [s.second.id, outsider.id, third.id] }),
    ).toBe(0);
    expect(await em.count(PoliceRecord, { ownerPartner: s.police.partner.id })).toBe(1);
  });

  it('rejects a row naming another partner\u2019s case exactly as one naming a case that does not exist, writing nothing', async () => {
    const s = await setting();
    const other = await makePartnerMember(hub.em(), PartnerKind.COUNCIL, Role.SUPERVISOR);
    const hidden = await makeCase(hub.em(), other, { people: [[s.first, PersonRole.VICTIM]] });
    const missing = randomUUID();
    const run = await imported(s.police.token, [
      ['UPL-H', s.first.id, hidden.id, '', 'VIOLENT', 'Their case'],
      ['UPL-M', s.first.id, missing, '', 'VIOLENT', 'No case'],
    ]);
    expect(run).toMatchObject({ rowsImported: 0, rowsRejected: 2 });
    const report = await getFrom(hub, run.rejectedReportUrl!, s.police.token);
    const file = writeFile(importDir, `${randomUUID()}.csv`, report.text);
    const [, ...lines] = readReport(file);
    fs.rmSync(file);
    const reasons = Object.fromEntries(lines.map(([line, reason]) => [line, reason]));
    expect(reasons['2']).toMatch(/^NOT_FOUND/);
    expect(reasons['2'].replace(hidden.id, '<id>')).toBe(reasons['3'].replace(missing, '<id>'));
    expect(await hub.em().fork().count(PoliceRecord, { person: s.first.id })).toBe(0);
  });

  it('refuses practitioners, analysts and other roles, and a supervisor of another kind of partner, keeping nothing', async () => {
    const s = await setting();
    const before = fs.readdirSync(importDir).sort();
    const rows = [['UPL-R', s.first.id, s.onCase.id, '', 'VIOLENT', 'CPW issued']];
    for (const role of [
      Role.PRACTITIONER,
      Role.ANALYST,
      Role.LEGAL,
      Role.BI_SERVICE,
      Role.ADMINISTRATOR,
      Role.DATA_PROTECTION_OFFICER,
    ]) {
      const member = await makeMember(hub.em(), s.police.partner, role);
      const answer = await upload(member.token, rows);
      expect([role, answer.status, answer.body.errors?.[0].extensions.code]).toEqual([
        role,
        403,
        'FORBIDDEN',
      ]);
    }
    // A housing provider's supervisor cannot bring in police records, nor its records without a kind
    // be taken for another partner's.
    const asHousing = await upload(s.housing.token, rows);
    expect([asHousing.status, asHousing.body.errors[0].extensions.code]).toEqual([
      403,
      'PARTNER_RECORD_WRONG_KIND',
    ]);
    const council = await makeMember(
      hub.em(),
      await makePartner(hub.em(), PartnerKind.COUNCIL),
      Role.SUPERVISOR,
    );
    const withoutKind = JSON.parse(MAPPING);
    delete withoutKind.records.kind;
    const asCouncil = await upload(council.token, rows, JSON.stringify(withoutKind));
    expect([asCouncil.status, asCouncil.body.errors[0].extensions.code]).toEqual([
      403,
      'PARTNER_RECORD_WRONG_KIND',
    ]);

    expect(await hub.em().fork().count(PoliceRecord, { person: s.first.id })).toBe(0);
    expect(await revisionsOf(s.police.partner.id)).toBe(0);
    expect(await runsOf(s.police.partner.id)).toBe(0);
    expect(await runsOf(s.housing.partner.id)).toBe(0);
    expect(fs.readdirSync(importDir).sort()).toEqual(before);
  });

  it('takes the kind from the importing partner when the mapping names none: a housing provider\u2019s tenancy records', async () => {
    const s = await setting();
    const mapping = JSON.stringify({
      records: {
        personId: 'Hub person',
        caseId: 'Hub case',
        sourceReference: 'Nominal ref',
        fields: { tenancyReference: 'PNC', tenancyType: 'Warnings' },
      },
    });
    const run = await imported(
      s.housing.token,
      [['TEN-1', s.first.id, s.onCase.id, 'T/778', 'VIOLENT', 'Secure']],
      mapping,
    );
    expect(run).toMatchObject({ status: 'COMPLETED', rowsImported: 1, rowsRejected: 0 });
    const record = await hub.em().fork().findOneOrFail(HousingRecord, {
      ownerPartner: s.housing.partner.id,
      sourceReference: 'TEN-1',
    });
    expect([record.tenancyReference, record.tenancyType]).toEqual(['T/778', 'Secure']);
  });

  it('refuses a mapping naming a field the kind does not have, or a column the file lacks, as a whole', async () => {
    const s = await setting();
    const rows = [['UPL-Q', s.first.id, s.onCase.id, '', 'VIOLENT', 'x']];
    const badField = JSON.parse(MAPPING);
    badField.records.fields.shoeSize = 'PNC';
    const answer = await upload(s.police.token, rows, JSON.stringify(badField));
    expect([answer.status, answer.body.errors[0].extensions.code]).toEqual([
      400,
      'IMPORT_MAPPING_INVALID',
    ]);
    const badColumn = JSON.parse(MAPPING);
    badColumn.records.fields.intelligence = 'Intel';
    const missing = await upload(s.police.token, rows, JSON.stringify(badColumn));
    expect([missing.status, missing.body.errors[0].extensions.code]).toEqual([
      400,
      'IMPORT_COLUMNS_MISSING',
    ]);
    expect(await runsOf(s.police.partner.id)).toBe(0);
  });

  it('resumes a stopped run after its checkpoint, reporting again a row the service refused before it', async () => {
    const s = await setting();
    const outsider = await makePerson(hub.em());
    const file = writeFile(
      scratchDir(),
      'nominals.csv',
      exportOf([
        ['UPL-S1', s.first.id, s.onCase.id, '', 'VIOLENT', 'CPW issued'],
        ['UPL-S2', outsider.id, s.onCase.id, '', '', 'Not on the case'],
        ['UPL-S3', s.second.id, s.onCase.id, '', '', 'Words of advice'],
      ]),
    );
    const viewer: Viewer = {
      userId: s.police.user.id,
      username: s.police.user.username,
      displayName: s.police.user.displayName,
      partnerId: s.police.partner.id,
      partnerKind: PartnerKind.POLICE,
      role: Role.SUPERVISOR,
    };
    const options = {
      orm: hub.orm,
      file,
      partner: s.police.partner.id,
      mapping: MAPPING,
      startedBy: viewer,
      batchRows: 1,
    };
    // Stopped once the first two rows (lines 2 and 3) have committed.
    const stop = new AbortController();
    const stopped = await refusal(
      importInto(hub, {
        ...options,
        signal: stop.signal,
        onProgress: (progress) => progress.line >= 3 && stop.abort(),
      }),
    );
    expect(stopped).toMatch(/^FAILED: Stopped after line 3/);
    expect(await hub.em().fork().count(PoliceRecord, { ownerPartner: s.police.partner.id })).toBe(
      1,
    );

    const resumed = await importInto(hub, options);
    expect(resumed).toMatchObject({
      status: 'COMPLETED',
      resumedAfterLine: 3,
      rowsImported: 2,
      rowsRejected: 1,
      rowsRead: 1,
    });
    const [, ...lines] = readReport(resumed.rejectedReportPath!);
    expect(lines.map(([line, reason]) => [line, reason.split(':')[0]])).toEqual([
      ['3', 'NOT_FOUND'],
    ]);
    expect(await hub.em().fork().count(PoliceRecord, { ownerPartner: s.police.partner.id })).toBe(
      2,
    );
    expect(await revisionsOf(s.police.partner.id)).toBe(2);
  });
});
