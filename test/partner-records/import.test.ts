import { PartnerRecordRevision } from '../../src/partner-records/partner-record-revision.entity';
import { PoliceRecord } from '../../src/partner-records/police-record.entity';
import {
  makeCase,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
} from '../support/factories';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';

/* Bulk import of a partner's own records from its system, keyed on its own reference. */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

type Any = any;
const IMPORT = gql<Any, Any>(`mutation ($kind: PartnerRecordKind!, $csv: String!) {
  importPartnerRecords(kind: $kind, csv: $csv) { created updated unchanged rejected { line reasons } } }`);

async function setting() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE, Role.SUPERVISOR);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
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

const csvOf = (rows: string[][]) =>
  ['sourceReference,personId,caseId,pncReference,warningMarkers,warningsSummary', ...rows]
    .map((row) => (Array.isArray(row) ? row.join(',') : row))
    .join('\n') + '\n';

describe('importing partner records from a partner system', () => {
  it('creates records, changes nothing on a second import, and updates a changed row with history', async () => {
    const s = await setting();
    const rows = [
      ['NOM-1', s.first.id, s.onCase.id, '88/1X', 'VIOLENT;DRUGS', 'CPW issued'],
      ['NOM-2', s.second.id, s.onCase.id, '', '', 'Words of advice'],
    ];
    const first = await hub.request(IMPORT, { kind: 'POLICE', csv: csvOf(rows) }, s.police.token);
    expect(first.errors).toBeUndefined();
    expect(first.data.importPartnerRecords).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });
    const revisions = () =>
      hub.em().count(PartnerRecordRevision, { ownerPartner: s.police.partner.id });
    expect(await revisions()).toBe(2);

    const again = await hub.request(IMPORT, { kind: 'POLICE', csv: csvOf(rows) }, s.police.token);
    expect(again.data.importPartnerRecords).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      rejected: [],
    });
    expect(await revisions()).toBe(2);

    const changed = [rows[0], ['NOM-2', s.second.id, s.onCase.id, '', '', 'CPW issued']];
    const third = await hub.request(
      IMPORT,
      { kind: 'POLICE', csv: csvOf(changed) },
      s.police.token,
    );
    expect(third.data.importPartnerRecords).toEqual({
      created: 0,
      updated: 1,
      unchanged: 1,
      rejected: [],
    });
    expect(await revisions()).toBe(3);
    const record = await hub
      .em()
      .findOneOrFail(PoliceRecord, { ownerPartner: s.police.partner.id, sourceReference: 'NOM-2' });
    expect(record.warningsSummary).toBe('CPW issued');
    const latest = await hub
      .em()
      .findOneOrFail(
        PartnerRecordRevision,
        { recordId: record.id },
        { orderBy: { changedAt: 'desc', id: 'desc' } },
      );
    expect(latest.changedFields).toEqual(['warningsSummary']);
    expect(latest.earlierValues).toEqual({ warningsSummary: 'Words of advice' });
  });

  it('reports a bad row with its line and writes nothing of it, while the good rows land', async () => {
    const s = await setting();
    const outsider = await makePerson(hub.em());
    const csv = csvOf([
      ['NOM-A', s.first.id, s.onCase.id, '', 'VIOLENT', 'CPW issued'],
      ['NOM-B', outsider.id, s.onCase.id, '', '', 'Not on the case'],
      ['NOM-C', s.second.id, s.onCase.id, '', 'not a code!', 'Bad marker'],
    ]);
    const answer = await hub.request(IMPORT, { kind: 'POLICE', csv }, s.police.token);
    expect(answer.data.importPartnerRecords.created).toBe(1);
    expect(answer.data.importPartnerRecords.rejected).toEqual([
      { line: 3, reasons: [expect.stringMatching(/^NOT_FOUND/)] },
      { line: 4, reasons: [expect.stringMatching(/^BAD_USER_INPUT/)] },
    ]);
    expect(await hub.em().count(PoliceRecord, { person: s.second.id })).toBe(0);
    expect(await hub.em().count(PartnerRecordRevision, { person: s.second.id })).toBe(0);
  });

  it('refuses a housing provider importing police records, row by row, writing nothing', async () => {
    const s = await setting();
    const csv = csvOf([['H-1', s.first.id, s.onCase.id, '', '', 'x']]);
    const answer = await hub.request(IMPORT, { kind: 'POLICE', csv }, s.housing.token);
    expect(answer.data.importPartnerRecords.rejected).toEqual([
      { line: 2, reasons: [expect.stringMatching(/^PARTNER_RECORD_WRONG_KIND/)] },
    ]);
    expect(await hub.em().count(PoliceRecord, { person: s.first.id })).toBe(0);
  });

  it('refuses a file with an unknown column as a whole', async () => {
    const s = await setting();
    const csv = `sourceReference,personId,caseId,shoeSize\nX,${s.first.id},${s.onCase.id},9\n`;
    const answer = await hub.request(IMPORT, { kind: 'POLICE', csv }, s.police.token);
    expect(codes(answer)).toEqual(['IMPORT_COLUMNS_MISSING']);
  });
});
