import { randomUUID } from 'node:crypto';
import { OsaraStage } from '../../src/cases/case-enums';
import { OsaraAnswerRecord } from '../../src/osara/osara-answer-record.entity';
import { OsaraPartnerRequest } from '../../src/osara/osara-partner-request.entity';
import { auditRowsOf } from '../audit/audit-support';
import { expectRefused, type RowCounts } from '../mutations/refusals';
import {
  makeCase,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
  type Member,
} from '../support/factories';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { AskPartner } from './osara-operations';

/*
 * OSARA scanning: a partner's answer to a request for its data carries content (docs/rules.md
 * "OSARA scanning"): its own records about people on the case, a note shared under a sharing
 * basis of its own, or that it holds nothing. Who reads what follows the records' own policy and
 * the note's basis.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

type Input = Record<string, unknown>;

const ANSWER = `id answeredAt nothingHeld answeredBy { id }
  housingRecords { id tenancyType tenancyBreaches officerNotes }
  policeRecords { id }
  note { text basisKind sharingBasis { id kind } }`;

interface AnswerView {
  id: string;
  answeredAt: string | null;
  nothingHeld: boolean;
  answeredBy: { id: string } | null;
  housingRecords:
    | {
        id: string;
        tenancyType: string | null;
        tenancyBreaches: string | null;
        officerNotes: string | null;
      }[]
    | null;
  policeRecords: { id: string }[] | null;
  note: {
    text: string | null;
    basisKind: string | null;
    sharingBasis: { id: string; kind: string } | null;
  } | null;
}

const Answer = gql<{ recordPartnerDataAnswered: AnswerView | null }, { input: Input }>(
  `mutation ($input: RecordPartnerDataAnsweredInput!) { recordPartnerDataAnswered(input: $input) { ${ANSWER} } }`,
);
const ReadRequests = gql<
  { case: { osara: { partnerRequests: AnswerView[] } } | null },
  { id: string }
>(`query ($id: ID!) { case(id: $id) { osara { partnerRequests { ${ANSWER} } } } }`);
const AnalystReads = gql<any, { id: string }>(
  `query ($id: ID!) { case(id: $id) { osara { partnerRequests {
     id answeredAt nothingHeld note { text } housingRecords { id tenancyType } } } } }`,
);
const RecordHousing = gql<{ recordHousingRecord: { id: string } | null }, { input: Input }>(
  `mutation ($input: RecordHousingRecordInput!) { recordHousingRecord(input: $input) { id } }`,
);
const RecordPolice = gql<{ recordPoliceRecord: { id: string } | null }, { input: Input }>(
  `mutation ($input: RecordPoliceRecordInput!) { recordPoliceRecord(input: $input) { id } }`,
);
const RecordBasis = gql<{ recordSharingBasis: { id: string } | null }, { input: Input }>(
  `mutation ($input: RecordSharingBasisInput!) { recordSharingBasis(input: $input) { id } }`,
);
const WithdrawBasis = gql<{ withdrawSharingBasis: { id: string } | null }, { input: Input }>(
  `mutation ($input: WithdrawSharingBasisInput!) { withdrawSharingBasis(input: $input) { id } }`,
);

const NOTE = 'The tenant told our officer the visitors take her bank card on Fridays';
const BREACHES = 'Two breaches of tenancy since May: visitors after 11pm';
const OFFICER_NOTES = 'Officer thinks the tenant is frightened of her cousin';

/** Sends `document` as `member`, failing the test on any error. */
async function ok<R>(document: any, input: Input, member: Member): Promise<R> {
  const answer = await hub.request(document, { input } as never, member.token);
  expect(answer.errors).toBeUndefined();
  return answer.data as R;
}

/**
 * A case the police lead at Scanning, with housing and the council on it, a victim and a
 * perpetrator; housing asked for its data, holding a tenancy record about the victim and the
 * victim's consent to share with the police (not the council) on this case.
 */
async function setting() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const analyst = await makeMember(em, police.partner, Role.ANALYST);
  const victim = await makePerson(em);
  const perpetrator = await makePerson(em);
  const onCase = await makeCase(em, police, {
    others: [housing.partner, council.partner],
    people: [
      [victim, PersonRole.VICTIM],
      [perpetrator, PersonRole.PERPETRATOR],
    ],
  });
  onCase.osara.stage = OsaraStage.SCANNING;
  await em.flush();
  const asked = await ok<{ askPartnerForData: { id: string } }>(
    AskPartner,
    { caseId: onCase.id, partnerId: housing.partner.id },
    police,
  );
  const tenancy = await ok<{ recordHousingRecord: { id: string } }>(
    RecordHousing,
    {
      caseId: onCase.id,
      personId: victim.id,
      tenancyType: 'assured',
      tenancyBreaches: BREACHES,
      officerNotes: OFFICER_NOTES,
    },
    housing,
  );
  const consent = await ok<{ recordSharingBasis: { id: string } }>(
    RecordBasis,
    {
      caseId: onCase.id,
      personId: victim.id,
      recipientPartnerIds: [police.partner.id],
      kind: 'CONSENT',
      reason: 'The victim agreed on 1 December to share with the police',
    },
    housing,
  );
  const requestId = asked.askPartnerForData.id;
  const rows: RowCounts = async (db) => ({
    answered: await db.count(OsaraPartnerRequest, { id: requestId, answeredAt: { $ne: null } }),
    noted: await db.count(OsaraPartnerRequest, { id: requestId, note: { $ne: null } }),
    nothingHeld: await db.count(OsaraPartnerRequest, { id: requestId, nothingHeld: true }),
    records: await db.count(OsaraAnswerRecord, { request: requestId }),
  });
  return {
    police,
    housing,
    council,
    analyst,
    victim,
    perpetrator,
    onCase,
    requestId,
    recordId: tenancy.recordHousingRecord.id,
    basisId: consent.recordSharingBasis.id,
    rows,
  };
}

type Setting = Awaited<ReturnType<typeof setting>>;

const answerWithRecordAndNote = (s: Setting) => ({
  requestId: s.requestId,
  partnerRecordIds: [s.recordId],
  note: { text: NOTE, sharingBasisId: s.basisId },
});

const requestAs = async (s: Setting, member: Member) => {
  const answer = await hub.request(ReadRequests, { id: s.onCase.id }, member.token);
  return { answer, request: answer.data?.case?.osara.partnerRequests[0] };
};

describe('a partner\u2019s answer to a request for its data', () => {
  it('housing answers with its housing record and a note under the victim\u2019s consent', async () => {
    const s = await setting();
    const answered = await ok<{ recordPartnerDataAnswered: AnswerView }>(
      Answer,
      answerWithRecordAndNote(s),
      s.housing,
    );
    const request = answered.recordPartnerDataAnswered;
    expect(request).toMatchObject({
      answeredAt: expect.any(String),
      answeredBy: { id: s.housing.user.id },
      nothingHeld: false,
      policeRecords: [],
      note: { text: NOTE, basisKind: 'CONSENT', sharingBasis: { id: s.basisId } },
    });
    // The owner reads its own record in full, officer's notes included.
    expect(request.housingRecords).toEqual([
      {
        id: s.recordId,
        tenancyType: 'assured',
        tenancyBreaches: BREACHES,
        officerNotes: OFFICER_NOTES,
      },
    ]);
    expect(await s.rows(hub.em())).toEqual({ answered: 1, noted: 1, nothingHeld: 0, records: 1 });
  });

  it('shows the police (the requester) the record fields the policy releases and the note, and audits the note', async () => {
    const s = await setting();
    await ok(Answer, answerWithRecordAndNote(s), s.housing);
    const { answer, request } = await requestAs(s, s.police);
    expect(request?.note).toEqual({
      text: NOTE,
      basisKind: 'CONSENT',
      sharingBasis: { id: s.basisId, kind: 'CONSENT' },
    });
    expect(request?.housingRecords).toEqual([
      { id: s.recordId, tenancyType: 'assured', tenancyBreaches: BREACHES, officerNotes: null },
    ]);
    // The housing officer's notes stay with the provider: refused at their path.
    expect(
      (answer.errors ?? []).map((error) => [error.extensions?.code, error.path?.slice(-1)[0]]),
    ).toEqual([['FORBIDDEN', 'officerNotes']]);
    const audited = await auditRowsOf(
      hub,
      s.police.user.id,
      "and subject_type = 'OsaraSharedNote'",
    );
    expect(audited.map((row) => [row.subject_id, row.person_id, row.case_id, row.fields])).toEqual([
      [s.requestId, s.victim.id, s.onCase.id, expect.arrayContaining(['text'])],
    ]);
  });

  it('keeps the note from a partner on the case its basis does not name, and from everyone once withdrawn', async () => {
    const s = await setting();
    await ok(Answer, answerWithRecordAndNote(s), s.housing);
    const byCouncil = await requestAs(s, s.council);
    expect(byCouncil.request?.note).toBeNull();
    expect(byCouncil.request?.housingRecords?.map((record) => record.tenancyType)).toEqual([
      'assured',
    ]);
    expect(JSON.stringify(byCouncil.answer)).not.toContain('bank card');
    await ok(WithdrawBasis, { sharingBasisId: s.basisId, reason: 'Consent withdrawn' }, s.housing);
    expect((await requestAs(s, s.police)).request?.note).toBeNull();
    expect((await requestAs(s, s.housing)).request?.note?.text).toBe(NOTE);
  });

  it('shows an analyst no note and no identities: when it was answered, not what', async () => {
    const s = await setting();
    await ok(Answer, answerWithRecordAndNote(s), s.housing);
    const answer = await hub.request(AnalystReads, { id: s.onCase.id }, s.analyst.token);
    const request = answer.data.case.osara.partnerRequests[0];
    expect(request).toEqual({
      id: s.requestId,
      answeredAt: expect.any(String),
      nothingHeld: false,
      note: null,
      housingRecords: null,
    });
    expect(
      (answer.errors ?? []).map((error) => [error.extensions?.code, error.path?.slice(-1)[0]]),
    ).toEqual([
      ['FORBIDDEN', 'note'],
      ['FORBIDDEN', 'housingRecords'],
    ]);
    const text = JSON.stringify(answer);
    for (const secret of ['bank card', 'assured', BREACHES, s.victim.familyName, s.recordId])
      expect(text).not.toContain(secret);
  });

  it('answers another partner\u2019s record, or one about someone not on the case, as a missing one, writing nothing', async () => {
    const s = await setting();
    const em = hub.em();
    const police = await ok<{ recordPoliceRecord: { id: string } }>(
      RecordPolice,
      { caseId: s.onCase.id, personId: s.victim.id, warningsSummary: 'CPW issued in October' },
      s.police,
    );
    // Housing's own record about someone on another case of its own.
    const elsewhere = await makePerson(em);
    const otherCase = await makeCase(em, s.housing, {
      people: [[elsewhere, PersonRole.VICTIM]],
    });
    const offCase = await ok<{ recordHousingRecord: { id: string } }>(
      RecordHousing,
      { caseId: otherCase.id, personId: elsewhere.id, tenancyType: 'starter' },
      s.housing,
    );
    const messages: string[] = [];
    for (const id of [
      police.recordPoliceRecord.id,
      offCase.recordHousingRecord.id,
      randomUUID(),
      'not-an-id',
    ]) {
      const refused = await expectRefused(
        hub,
        s.rows,
        () =>
          hub.request(
            Answer,
            { input: { requestId: s.requestId, partnerRecordIds: [s.recordId, id] } },
            s.housing.token,
          ),
        'NOT_FOUND',
      );
      messages.push(refused.errors![0].message.replace(id, '<id>'));
    }
    expect(new Set(messages)).toEqual(new Set(['No partner record with id <id> that you can see']));
    expect(await s.rows(em)).toEqual({ answered: 0, noted: 0, nothingHeld: 0, records: 0 });
  });

  it('records that the partner holds nothing, so the requester knows it looked', async () => {
    const s = await setting();
    await ok(Answer, { requestId: s.requestId, nothingHeld: true }, s.housing);
    const { request } = await requestAs(s, s.police);
    expect(request).toMatchObject({
      answeredAt: expect.any(String),
      nothingHeld: true,
      housingRecords: [],
      note: null,
    });
    expect(await s.rows(hub.em())).toEqual({ answered: 1, noted: 0, nothingHeld: 1, records: 0 });
  });

  it('refuses a second answer to the same request (CONFLICT), keeping the first', async () => {
    const s = await setting();
    await ok(Answer, answerWithRecordAndNote(s), s.housing);
    await expectRefused(
      hub,
      s.rows,
      () =>
        hub.request(
          Answer,
          { input: { requestId: s.requestId, nothingHeld: true } },
          s.housing.token,
        ),
      'CONFLICT',
    );
    expect((await requestAs(s, s.police)).request?.nothingHeld).toBe(false);
  });

  it('refuses an empty answer, and nothing held alongside records (BAD_USER_INPUT)', async () => {
    const s = await setting();
    for (const input of [
      { requestId: s.requestId },
      { requestId: s.requestId, partnerRecordIds: [] },
      { requestId: s.requestId, nothingHeld: false },
      { requestId: s.requestId, nothingHeld: true, partnerRecordIds: [s.recordId] },
      { requestId: s.requestId, note: { text: '   ', sharingBasisId: s.basisId } },
    ]) {
      await expectRefused(
        hub,
        s.rows,
        () => hub.request(Answer, { input }, s.housing.token),
        'BAD_USER_INPUT',
      );
    }
  });

  it('refuses a note under a basis that is not the answering partner\u2019s, or not in force', async () => {
    const s = await setting();
    const policeBasis = await ok<{ recordSharingBasis: { id: string } }>(
      RecordBasis,
      {
        caseId: s.onCase.id,
        personId: s.victim.id,
        recipientPartnerIds: [s.housing.partner.id],
        kind: 'CONSENT',
        reason: 'The victim agreed',
      },
      s.police,
    );
    const note = (sharingBasisId: string) => ({
      requestId: s.requestId,
      note: { text: NOTE, sharingBasisId },
    });
    await expectRefused(
      hub,
      s.rows,
      () =>
        hub.request(Answer, { input: note(policeBasis.recordSharingBasis.id) }, s.housing.token),
      'SHARING_BASIS_NOT_YOURS',
    );
    await ok(WithdrawBasis, { sharingBasisId: s.basisId, reason: 'Consent withdrawn' }, s.housing);
    await expectRefused(
      hub,
      s.rows,
      () => hub.request(Answer, { input: note(s.basisId) }, s.housing.token),
      'BAD_USER_INPUT',
    );
  });

  it('lets only the partner asked answer, and refuses an anonymous caller', async () => {
    const s = await setting();
    const byLead = await hub.request(
      Answer,
      { input: { requestId: s.requestId, nothingHeld: true } },
      s.police.token,
    );
    expect(codes(byLead)).toEqual(['PARTNER_DATA_REQUEST_NOT_YOURS']);
    const anonymous = await hub.request(Answer, {
      input: { requestId: s.requestId, nothingHeld: true },
    });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await s.rows(hub.em())).toEqual({ answered: 0, noted: 0, nothingHeld: 0, records: 0 });
  });
});
