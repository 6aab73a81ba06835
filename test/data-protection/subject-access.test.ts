import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { OsaraStage } from '../../src/cases/case-enums';
import { DEMO_IDS } from '../../src/demo/demo-data';
import { SubjectAccessRequest } from '../../src/subject-access/subject-access-request.entity';
import { subjectAccessDeadline } from '../../src/subject-access/subject-access.service';
import { demoToken } from '../audit/audit-support';
import { AskPartner, DataAnswered } from '../osara/osara-operations';
import {
  makeCase,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  type Member,
} from '../support/factories';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { expectRefused, type RowCounts } from '../mutations/refusals';

let hub: TestHub;
let dpo: string;
beforeAll(async () => {
  hub = await startTestHub();
  dpo = await demoToken('dpo.griffiths');
});
afterAll(async () => {
  await hub?.close();
});

interface Sar {
  id: string;
  personId: string | null;
  receivedOn: string;
  deadline: string;
  extendedDeadline: string | null;
  extensionReason: string | null;
  completedAt: string | null;
  overdue: boolean;
}
const SAR_FIELDS =
  'id personId receivedOn deadline extendedDeadline extensionReason completedAt overdue';

const RECORD = gql<
  { recordSubjectAccessRequest: Sar | null },
  { input: { personId: string; receivedOn: string } }
>(`mutation RecordSar($input: RecordSubjectAccessRequestInput!) {
  recordSubjectAccessRequest(input: $input) { ${SAR_FIELDS} }
}`);
const EXTEND = gql<
  { extendSubjectAccessRequest: Sar | null },
  { input: { requestId: string; reason: string } }
>(`mutation ExtendSar($input: ExtendSubjectAccessRequestInput!) {
  extendSubjectAccessRequest(input: $input) { ${SAR_FIELDS} }
}`);
const COMPLETE = gql<{ completeSubjectAccessRequest: Sar | null }, { id: string }>(
  `mutation CompleteSar($id: ID!) { completeSubjectAccessRequest(id: $id) { ${SAR_FIELDS} } }`,
);
const LIST = gql<{ subjectAccessRequests: Sar[] | null }>(
  `query Sars { subjectAccessRequests(includeCompleted: true) { ${SAR_FIELDS} } }`,
);
const AUDIT = gql<
  {
    auditEntries: {
      edges: { node: { userId: string; personId: string; purpose: string; subjectType: string } }[];
    } | null;
  },
  { personId: string }
>(`query SarAudit($personId: ID!) {
  auditEntries(filter: { personId: $personId }, first: 100) {
    edges { node { userId personId purpose subjectType } }
  }
}`);

type Input = Record<string, unknown>;
const RecordBasis = gql<{ recordSharingBasis: { id: string } | null }, { input: Input }>(
  `mutation ($input: RecordSharingBasisInput!) { recordSharingBasis(input: $input) { id } }`,
);
const RecordDrugAlcohol = gql<{ recordDrugAlcoholRecord: { id: string } | null }, { input: Input }>(
  `mutation ($input: RecordDrugAlcoholRecordInput!) { recordDrugAlcoholRecord(input: $input) { id } }`,
);
const HOUSING_NOTE = 'OSARA-NOTE: the tenant says the visitors take her bank card on Fridays';
const DRUGS_NOTE = 'OSARA-NOTE: she asked our worker not to tell her partner she called';

const OTHER_USERS = [
  'pc.morgan',
  'sgt.davies',
  'analyst.price',
  'legal.hughes',
  'admin.evans',
  'bi.service',
  'mh.thomas',
];

const sars: RowCounts = async (em) => ({
  requests: await em.count(SubjectAccessRequest, { person: DEMO_IDS.seren }),
});

async function recorded(receivedOn = '2026-01-31') {
  const response = await hub.request(
    RECORD,
    { input: { personId: DEMO_IDS.seren, receivedOn } },
    dpo,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.recordSubjectAccessRequest!;
}

const exportOf = (id: string, format: 'json' | 'html', token?: string) =>
  fetch(`${hub.url}/subject-access/${id}.${format}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe('subject access requests', () => {
  it('gives a request received on 31 January a deadline of 28 February: one calendar month', async () => {
    const request = await recorded('2026-01-31');
    expect(request).toEqual(
      expect.objectContaining({
        personId: DEMO_IDS.seren,
        receivedOn: '2026-01-31',
        deadline: '2026-02-28',
        extendedDeadline: null,
        completedAt: null,
      }),
    );
    expect(subjectAccessDeadline('2024-01-31')).toBe('2024-02-29');
    expect(subjectAccessDeadline('2026-03-15')).toBe('2026-04-15');
  });

  it('extends the deadline once by two further months, and only with a reason', async () => {
    const request = await recorded('2026-01-31');
    const noReason = await hub.request(
      EXTEND,
      { input: { requestId: request.id, reason: ' ' } },
      dpo,
    );
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    const extended = await hub.request(
      EXTEND,
      { input: { requestId: request.id, reason: 'Records held by five partners, some archived' } },
      dpo,
    );
    expect(extended.errors).toBeUndefined();
    expect(extended.data!.extendSubjectAccessRequest).toEqual(
      expect.objectContaining({
        deadline: '2026-02-28',
        extendedDeadline: '2026-04-30',
        extensionReason: 'Records held by five partners, some archived',
      }),
    );
    const again = await hub.request(
      EXTEND,
      { input: { requestId: request.id, reason: 'Still more records' } },
      dpo,
    );
    expect(codes(again)).toEqual(['SUBJECT_ACCESS_ALREADY_EXTENDED']);
  });

  it('tracks a request from receipt to completion', async () => {
    const request = await recorded('2026-01-31');
    expect(request.overdue).toBe(true);
    const completed = await hub.request(COMPLETE, { id: request.id }, dpo);
    expect(completed.data!.completeSubjectAccessRequest).toEqual(
      expect.objectContaining({ completedAt: expect.any(String), overdue: false }),
    );
    const list = await hub.request(LIST, {}, dpo);
    expect(list.data!.subjectAccessRequests!.map((r) => r.id)).toContain(request.id);
    expect(codes(await hub.request(COMPLETE, { id: request.id }, dpo))).toEqual([
      'SUBJECT_ACCESS_COMPLETED',
    ]);
  });

  it('exports everything every partner holds about the demo victim, clinical notes included, as JSON and as HTML', async () => {
    const request = await recorded();
    const response = await exportOf(request.id, 'json', dpo);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const data = (await response.json()) as any;
    const s = data.sections;
    expect(s.person).toEqual([
      expect.objectContaining({ id: DEMO_IDS.seren, given_name: 'Seren' }),
    ]);
    expect(s.cases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: DEMO_IDS.cuckooingCase, role_in_case: 'VICTIM' }),
      ]),
    );
    expect(s.incidents.length).toBeGreaterThan(0);
    expect(s.policeRecords).toEqual([
      expect.objectContaining({
        intelligence: 'POLICE-INTEL: address flagged as a suspected cuckooed premises.',
      }),
    ]);
    expect(s.housingRecords).toEqual([
      expect.objectContaining({
        officer_notes: 'HOUSING-NOTE: frightened to report; see her alone, mornings only.',
      }),
    ]);
    expect(s.mentalHealthRecords).toEqual([
      expect.objectContaining({
        clinical_notes: 'CLINICAL-NOTE: anxiety disorder; medication reviewed 8 June 2026.',
        owner_partner_name: 'West Wales NHS Community Mental Health Team',
      }),
    ]);
    expect(s.sharingBases).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'CONSENT' })]),
    );
    for (const section of [
      'interventions',
      'supportOffers',
      'jointVisits',
      'caseReviewDecisions',
      'caseReviewApplications',
      'caseReviewAlerts',
      'drugAlcoholRecords',
    ]) {
      expect(Array.isArray(s[section])).toBe(true);
    }
    expect(s.supportOffers.length + s.jointVisits.length).toBeGreaterThan(0);

    const html = await exportOf(request.id, 'html', dpo);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await html.text();
    expect(text).toContain('CLINICAL-NOTE: anxiety disorder');
    expect(text).toContain('<h2>Mental health records</h2>');
    expect(text).toContain('<th>Clinical notes</th>');
  });

  it('exports the partners\u2019 answers to OSARA data requests that concern the person: a note under a basis about him, and the answers that gave his records (not a note about someone else)', async () => {
    const em = hub.em();
    const police = await makePartnerMember(em, PartnerKind.POLICE);
    const housing = await makePartnerMember(em, PartnerKind.HOUSING);
    const drugs = await makePartnerMember(em, PartnerKind.DRUG_ALCOHOL);
    const victim = await makePerson(em);
    const perpetrator = await makePerson(em);
    const stranger = await makePerson(em);
    const onCase = await makeCase(em, police, {
      others: [housing.partner, drugs.partner],
      people: [
        [victim, PersonRole.VICTIM],
        [perpetrator, PersonRole.PERPETRATOR],
        [stranger, PersonRole.WITNESS],
      ],
    });
    onCase.osara.stage = OsaraStage.SCANNING;
    await em.flush();
    const send = async <R>(
      document: TypedDocumentNode<R, { input: Input }>,
      input: Input,
      member: Member,
    ) => {
      const answer = await hub.request(document, { input }, member.token);
      expect(answer.errors).toBeUndefined();
      return answer.data!;
    };
    const ask = async (partner: Member) =>
      (await send(AskPartner, { caseId: onCase.id, partnerId: partner.partner.id }, police))
        .askPartnerForData!.id;
    const basis = async (owner: Member, personId: string) =>
      (
        await send(
          RecordBasis,
          {
            caseId: onCase.id,
            personId,
            recipientPartnerIds: [police.partner.id],
            kind: 'CONSENT',
            reason: 'Agreed on 1 December to share with the police',
          },
          owner,
        )
      ).recordSharingBasis!.id;
    // Housing answers with a note under the victim's consent and nothing of the perpetrator's.
    const housingRequest = await ask(housing);
    await send(
      DataAnswered,
      {
        requestId: housingRequest,
        note: { text: HOUSING_NOTE, sharingBasisId: await basis(housing, victim.id) },
      },
      housing,
    );
    // The drug service gives its record about the perpetrator, with a note about the victim.
    const drugsRequest = await ask(drugs);
    const record = (
      await send(
        RecordDrugAlcohol,
        { caseId: onCase.id, personId: perpetrator.id, engagedInTreatment: true },
        drugs,
      )
    ).recordDrugAlcoholRecord!.id;
    await send(
      DataAnswered,
      {
        requestId: drugsRequest,
        partnerRecordIds: [record],
        note: { text: DRUGS_NOTE, sharingBasisId: await basis(drugs, victim.id) },
      },
      drugs,
    );

    const answersOf = async (personId: string) => {
      const request = await hub.request(
        RECORD,
        { input: { personId, receivedOn: '2026-01-31' } },
        dpo,
      );
      const response = await exportOf(request.data!.recordSubjectAccessRequest!.id, 'json', dpo);
      expect(response.status).toBe(200);
      return ((await response.json()) as any).sections.partnerDataAnswers as any[];
    };
    expect(await answersOf(victim.id)).toEqual([
      expect.objectContaining({
        id: housingRequest,
        case_reference: onCase.reference,
        answering_partner_name: housing.partner.name,
        note: HOUSING_NOTE,
        records_given: [],
      }),
      expect.objectContaining({ id: drugsRequest, note: DRUGS_NOTE, records_given: [] }),
    ]);
    // His record was given; the note with it is about the victim, so it is not his to receive.
    const his = await answersOf(perpetrator.id);
    expect(his).toEqual([
      expect.objectContaining({
        id: drugsRequest,
        answering_partner_name: drugs.partner.name,
        note: null,
        records_given: [{ record_kind: 'DRUG_ALCOHOL', record_id: record }],
      }),
    ]);
    expect(JSON.stringify(his)).not.toContain(DRUGS_NOTE);
    expect(await answersOf(stranger.id)).toEqual([]);
  });

  it('audits the export: an entry naming the data protection officer, the person and the purpose "subject access"', async () => {
    const request = await recorded();
    expect((await exportOf(request.id, 'json', dpo)).status).toBe(200);
    const audit = await hub.request(AUDIT, { personId: DEMO_IDS.seren }, dpo);
    const dpoUser = await hub
      .em()
      .execute<{ id: string }[]>("select id from app_user where username = 'dpo.griffiths'");
    expect(audit.data!.auditEntries!.edges.map((e) => e.node)).toEqual(
      expect.arrayContaining([
        {
          userId: dpoUser[0].id,
          personId: DEMO_IDS.seren,
          purpose: 'subject access',
          subjectType: 'SubjectAccessExport',
        },
      ]),
    );
  });

  describe('only the data protection officer', () => {
    it('refuses every other role to record a request (FORBIDDEN), writing nothing', async () => {
      for (const username of OTHER_USERS) {
        const token = await demoToken(username);
        await expectRefused(
          hub,
          sars,
          () =>
            hub.request(
              RECORD,
              { input: { personId: DEMO_IDS.seren, receivedOn: '2026-01-31' } },
              token,
            ),
          'FORBIDDEN',
        );
      }
    });

    it('refuses every other role the export over the URL (FORBIDDEN), and an anonymous caller (UNAUTHENTICATED)', async () => {
      const request = await recorded();
      for (const username of OTHER_USERS) {
        const response = await exportOf(request.id, 'json', await demoToken(username));
        expect(response.status).toBe(403);
        expect(((await response.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
        expect((await exportOf(request.id, 'html', await demoToken(username))).status).toBe(403);
      }
      const anonymous = await exportOf(request.id, 'html');
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('answers an unknown request as not found', async () => {
      const response = await exportOf('00000000-0000-4000-8000-000000000000', 'json', dpo);
      expect(response.status).toBe(404);
    });

    it('refuses a request received in the future or for an unknown person', async () => {
      const future = await hub.request(
        RECORD,
        { input: { personId: DEMO_IDS.seren, receivedOn: '2999-01-01' } },
        dpo,
      );
      expect(codes(future)).toEqual(['BAD_USER_INPUT']);
      const unknown = await hub.request(
        RECORD,
        { input: { personId: '00000000-0000-4000-8000-000000000000', receivedOn: '2026-01-31' } },
        dpo,
      );
      expect(codes(unknown)).toEqual(['NOT_FOUND']);
    });
  });
});
