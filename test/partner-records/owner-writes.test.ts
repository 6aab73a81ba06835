import { clock } from '../../src/common/clock';
import { PartnerRecordRevision } from '../../src/partner-records/partner-record-revision.entity';
import { MentalHealthRecord } from '../../src/partner-records/mental-health-record.entity';
import {
  makeMember,
  makePartnerMember,
  PartnerKind,
  Role,
  type Member,
} from '../support/factories';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';

/*
 * Issue 13, "done when": a new person on a new case, opened through the API; each partner writes
 * its own record; one field leaves by consent, one by a safeguarding override; and every partner
 * (police, housing, mental health, drug and alcohol, and a police analyst) sees exactly what the
 * policy says, through the case view, the lead officer statement and the meeting pack.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

type Any = any;
const OPEN_CASE = gql<Any, Any>(
  `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
);
const ADD_PARTNER = gql<Any, Any>(
  `mutation ($input: AddPartnerToCaseInput!) { addPartnerToCase(input: $input) { id } }`,
);
const ADD_PERSON = gql<Any, Any>(
  `mutation ($input: AddPersonToCaseInput!) { addPersonToCase(input: $input) { person { id } } }`,
);
const HISTORY =
  'history { changedFields earlierValues changedAt changedBy { id } changedByPartner { id } }';
const POLICE = `id warningsSummary warningMarkers nominalReference pncReference intelligence`;
const HOUSING = `id tenancyType tenancyConditions tenancyBreaches officerNotes`;
const MENTAL_HEALTH = `id knownToServices careContact riskSummary clinicalNotes`;
const DRUG_ALCOHOL = `id engagedInTreatment keyWorkerContact treatmentDetail`;
const RECORD_POLICE = gql<Any, Any>(
  `mutation ($input: RecordPoliceRecordInput!) { recordPoliceRecord(input: $input) { ${POLICE} } }`,
);
const RECORD_HOUSING = gql<Any, Any>(
  `mutation ($input: RecordHousingRecordInput!) { recordHousingRecord(input: $input) { ${HOUSING} } }`,
);
const RECORD_MENTAL_HEALTH = gql<Any, Any>(
  `mutation ($input: RecordMentalHealthRecordInput!) { recordMentalHealthRecord(input: $input) { ${MENTAL_HEALTH} ${HISTORY} } }`,
);
const RECORD_DRUG_ALCOHOL = gql<Any, Any>(
  `mutation ($input: RecordDrugAlcoholRecordInput!) { recordDrugAlcoholRecord(input: $input) { ${DRUG_ALCOHOL} } }`,
);
const CONSENT = gql<Any, Any>(
  `mutation ($input: RecordSharingBasisInput!) { recordSharingBasis(input: $input) { id } }`,
);
const OVERRIDE = gql<Any, Any>(
  `mutation ($input: RecordSharingOverrideInput!) { recordSharingOverride(input: $input) { id } }`,
);
const CASE_VIEW = gql<Any, Any>(`query ($id: ID!) { case(id: $id) { id people { person {
  policeRecords { ${POLICE} } housingRecords { ${HOUSING} }
  mentalHealthRecords { ${MENTAL_HEALTH} } drugAlcoholRecords { ${DRUG_ALCOHOL} } } } } }`);
const STATEMENT = gql<Any, Any>(
  `query ($id: ID!) { leadOfficerStatement(caseId: $id) { entries { summary details } withheld } }`,
);
const SCHEDULE = gql<Any, Any>(
  `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
);
const AGENDA = gql<Any, Any>(
  `mutation ($input: AddCaseToMeetingAgendaInput!) { addCaseToMeetingAgenda(input: $input) { id } }`,
);
const PACK = gql<Any, Any>(`query ($id: ID!, $partnerId: ID) {
  meetingPack(meetingId: $id, audience: PARTNER, partnerId: $partnerId) {
    items { people { records { kind owner { id } fields { name value } } } } } }`);

const TEXT = {
  intelligence: 'INTEL: seen with county line runners',
  warnings: 'CPW issued for noise, March',
  officerNotes: 'OFFICER-NOTE: rent arrears plan',
  conditions: 'No visitors after 11pm',
  careContact: 'Care coordinator Bethan, CMHT',
  riskSummary: 'RISK: vulnerable to exploitation',
  clinicalNotes: 'CLINICAL: medication reviewed',
  keyWorker: 'Key worker Rhys, Dyfodol',
  treatment: 'TREATMENT: methadone script',
};

async function ok<T = Any>(response: Promise<{ data?: T | null; errors?: unknown }>) {
  const answer = await response;
  expect(answer.errors).toBeUndefined();
  return answer.data as Any;
}

/** A new case opened by the police, with housing, MH and DA added, and a new person in it. */
async function setting() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE, Role.SUPERVISOR);
  const analyst = await makeMember(em, police.partner, Role.ANALYST);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const mentalHealth = await makePartnerMember(em, PartnerKind.MENTAL_HEALTH);
  const drugAlcohol = await makePartnerMember(em, PartnerKind.DRUG_ALCOHOL);
  const daSupervisor = await makeMember(em, drugAlcohol.partner, Role.SUPERVISOR);
  const opened = await ok(
    hub.request(
      OPEN_CASE,
      {
        input: {
          title: 'Cuckooing at a flat',
          centredOn: 'PERPETRATOR',
          riskLevel: 'HIGH',
          partnerIds: [],
        },
      },
      police.token,
    ),
  );
  const caseId = opened.openCase.id as string;
  for (const partner of [housing, mentalHealth, drugAlcohol])
    await ok(
      hub.request(ADD_PARTNER, { input: { caseId, partnerId: partner.partner.id } }, police.token),
    );
  const added = await ok(
    hub.request(
      ADD_PERSON,
      {
        input: {
          caseId,
          role: 'PERPETRATOR',
          newPerson: { givenName: 'Gareth', familyName: 'New', dateOfBirth: '1988-04-02' },
        },
      },
      police.token,
    ),
  );
  const personId = added.addPersonToCase.person.id as string;
  return { police, analyst, housing, mentalHealth, drugAlcohol, daSupervisor, caseId, personId };
}
type Setting = Awaited<ReturnType<typeof setting>>;

async function writeAll(s: Setting) {
  const on = { caseId: s.caseId, personId: s.personId };
  await ok(
    hub.request(
      RECORD_POLICE,
      {
        input: {
          ...on,
          warningsSummary: TEXT.warnings,
          warningMarkers: ['violent', 'DRUGS'],
          pncReference: '88/123456X',
          intelligence: TEXT.intelligence,
        },
      },
      s.police.token,
    ),
  );
  await ok(
    hub.request(
      RECORD_HOUSING,
      {
        input: {
          ...on,
          tenancyType: 'assured',
          tenancyConditions: TEXT.conditions,
          officerNotes: TEXT.officerNotes,
        },
      },
      s.housing.token,
    ),
  );
  await ok(
    hub.request(
      RECORD_MENTAL_HEALTH,
      {
        input: {
          ...on,
          knownToServices: true,
          careContact: TEXT.careContact,
          riskSummary: TEXT.riskSummary,
          clinicalNotes: TEXT.clinicalNotes,
        },
      },
      s.mentalHealth.token,
    ),
  );
  await ok(
    hub.request(
      RECORD_DRUG_ALCOHOL,
      {
        input: {
          ...on,
          engagedInTreatment: true,
          keyWorkerContact: TEXT.keyWorker,
          treatmentDetail: TEXT.treatment,
        },
      },
      s.drugAlcohol.token,
    ),
  );
  // The person consented to the mental health service telling the housing provider.
  await ok(
    hub.request(
      CONSENT,
      {
        input: {
          ...on,
          kind: 'CONSENT',
          recipientPartnerIds: [s.housing.partner.id],
          reason: 'Consented to the care coordinator on the 3rd, form on file',
        },
      },
      s.mentalHealth.token,
    ),
  );
  // The drug and alcohol service tells the police without consent, to safeguard him.
  await ok(
    hub.request(
      OVERRIDE,
      {
        input: {
          ...on,
          kind: 'SAFEGUARDING',
          recipientPartnerIds: [s.police.partner.id],
          decisionMaker: 'Safeguarding lead, Dyfodol',
          lawfulBasis: 'UK GDPR art. 6(1)(e); DPA 2018 sch.1 para 18',
          reason: 'His flat is taken over by dealers; at risk of harm',
        },
      },
      s.daSupervisor.token,
    ),
  );
}

/** The records on the case's one person, as `member` reads them (refused fields come back null). */
async function caseView(s: Setting, member: Member) {
  const answer = await hub.request(CASE_VIEW, { id: s.caseId }, member.token);
  return answer.data?.case?.people?.[0]?.person ?? null;
}
const strip = (rows: Any[]) => rows.map(({ id: _id, ...rest }) => rest);

describe('partner records written by their owner, as each partner sees them', () => {
  it('shows each partner exactly what the policy says through the case view', async () => {
    const s = await setting();
    await writeAll(s);

    const police = await caseView(s, s.police);
    expect(strip(police.policeRecords)).toEqual([
      {
        warningsSummary: TEXT.warnings,
        warningMarkers: ['VIOLENT', 'DRUGS'],
        nominalReference: null,
        pncReference: '88/123456X',
        intelligence: TEXT.intelligence,
      },
    ]);
    expect(strip(police.housingRecords)).toEqual([
      {
        tenancyType: 'assured',
        tenancyConditions: TEXT.conditions,
        tenancyBreaches: null,
        officerNotes: null,
      },
    ]);
    expect(police.mentalHealthRecords).toEqual([]);
    expect(strip(police.drugAlcoholRecords)).toEqual([
      { engagedInTreatment: true, keyWorkerContact: TEXT.keyWorker, treatmentDetail: null },
    ]);

    const housing = await caseView(s, s.housing);
    expect(strip(housing.policeRecords)).toEqual([
      {
        warningsSummary: TEXT.warnings,
        warningMarkers: ['VIOLENT', 'DRUGS'],
        nominalReference: null,
        pncReference: null,
        intelligence: null,
      },
    ]);
    expect(strip(housing.housingRecords)[0].officerNotes).toBe(TEXT.officerNotes);
    expect(strip(housing.mentalHealthRecords)).toEqual([
      {
        knownToServices: true,
        careContact: TEXT.careContact,
        riskSummary: null,
        clinicalNotes: null,
      },
    ]);
    expect(housing.drugAlcoholRecords).toEqual([]);

    const mentalHealth = await caseView(s, s.mentalHealth);
    expect(strip(mentalHealth.mentalHealthRecords)).toEqual([
      {
        knownToServices: true,
        careContact: TEXT.careContact,
        riskSummary: TEXT.riskSummary,
        clinicalNotes: TEXT.clinicalNotes,
      },
    ]);
    expect(mentalHealth.drugAlcoholRecords).toEqual([]);
    expect(mentalHealth.policeRecords[0].intelligence).toBeNull();

    const drugAlcohol = await caseView(s, s.drugAlcohol);
    expect(strip(drugAlcohol.drugAlcoholRecords)).toEqual([
      {
        engagedInTreatment: true,
        keyWorkerContact: TEXT.keyWorker,
        treatmentDetail: TEXT.treatment,
      },
    ]);
    expect(drugAlcohol.mentalHealthRecords).toEqual([]);
    expect(drugAlcohol.housingRecords[0].officerNotes).toBeNull();

    // The analyst reads the case but not its people, so no record at all.
    const analyst = await hub.request(CASE_VIEW, { id: s.caseId }, s.analyst.token);
    expect(analyst.data?.case?.id).toBe(s.caseId);
    expect(analyst.data?.case?.people ?? null).toBeNull();
    for (const value of Object.values(TEXT)) expect(JSON.stringify(analyst)).not.toContain(value);
  });

  it('keeps records out of the lead officer statement and shows each partner its pack as the policy says', async () => {
    const s = await setting();
    await writeAll(s);
    const members = [s.police, s.housing, s.mentalHealth, s.drugAlcohol, s.analyst];
    for (const member of members) {
      const statement = await hub.request(STATEMENT, { id: s.caseId }, member.token);
      expect(statement.data?.leadOfficerStatement).toBeTruthy();
      // Partner records are not chronology: none of their content is in any statement.
      for (const value of Object.values(TEXT))
        expect(JSON.stringify(statement)).not.toContain(value);
    }
    const partners = [s.police, s.housing, s.mentalHealth, s.drugAlcohol];
    const meeting = await ok(
      hub.request(
        SCHEDULE,
        {
          input: {
            chairUserId: s.police.user.id,
            heldAt: new Date(clock.nowMs() + 7 * 24 * 3600 * 1000).toISOString(),
            partnerIds: partners.map((member) => member.partner.id),
          },
        },
        s.police.token,
      ),
    );
    const meetingId = meeting.scheduleMeeting.id;
    await ok(hub.request(AGENDA, { input: { caseId: s.caseId, meetingId } }, s.police.token));
    const packOf = async (member: Member) => {
      const answer = await ok(
        hub.request(PACK, { id: meetingId, partnerId: member.partner.id }, member.token),
      );
      const records = answer.meetingPack.items[0].people[0].records as Any[];
      return Object.fromEntries(
        records.map((record) => [
          record.kind,
          Object.fromEntries(
            (record.fields as Any[])
              .filter((field) => field.value !== null)
              .map((field) => [field.name, field.value]),
          ),
        ]),
      );
    };
    const housingPack = await packOf(s.housing);
    expect(housingPack.MentalHealthRecord).toEqual({
      knownToServices: 'true',
      careContact: TEXT.careContact,
    });
    expect(housingPack.DrugAlcoholRecord).toBeUndefined();
    expect(housingPack.PoliceRecord).toEqual({
      warningsSummary: TEXT.warnings,
      warningMarkers: 'VIOLENT, DRUGS',
    });
    const policePack = await packOf(s.police);
    expect(policePack.DrugAlcoholRecord).toEqual({
      engagedInTreatment: 'true',
      keyWorkerContact: TEXT.keyWorker,
    });
    expect(policePack.MentalHealthRecord).toBeUndefined();
    expect(policePack.HousingRecord.officerNotes).toBeUndefined();
    const mentalHealthPack = await packOf(s.mentalHealth);
    expect(mentalHealthPack.MentalHealthRecord.clinicalNotes).toBe(TEXT.clinicalNotes);
    expect(mentalHealthPack.DrugAlcoholRecord).toBeUndefined();
    const drugAlcoholPack = await packOf(s.drugAlcohol);
    expect(drugAlcoholPack.DrugAlcoholRecord.treatmentDetail).toBe(TEXT.treatment);
    expect(drugAlcoholPack.MentalHealthRecord).toBeUndefined();
  });
});

describe('who may write a partner record', () => {
  it('refuses a partner not on the case exactly like a missing person or case, writing nothing', async () => {
    const s = await setting();
    const outsider = await makePartnerMember(hub.em(), PartnerKind.MENTAL_HEALTH);
    const input = { caseId: s.caseId, personId: s.personId, knownToServices: true };
    const hidden = await hub.request(RECORD_MENTAL_HEALTH, { input }, outsider.token);
    const missing = await hub.request(
      RECORD_MENTAL_HEALTH,
      { input: { ...input, caseId: '00000000-0000-4000-8000-000000000000' } },
      outsider.token,
    );
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(await hub.em().count(MentalHealthRecord, { person: s.personId })).toBe(0);
  });

  it('never lets one partner write into another partner\u2019s record: its write is its own', async () => {
    const s = await setting();
    await writeAll(s);
    const second = await makePartnerMember(hub.em(), PartnerKind.MENTAL_HEALTH);
    await ok(
      hub.request(
        ADD_PARTNER,
        { input: { caseId: s.caseId, partnerId: second.partner.id } },
        s.police.token,
      ),
    );
    await ok(
      hub.request(
        RECORD_MENTAL_HEALTH,
        { input: { caseId: s.caseId, personId: s.personId, clinicalNotes: 'Other trust' } },
        second.token,
      ),
    );
    const rows = await hub.em().find(MentalHealthRecord, { person: s.personId });
    const first = rows.find((row) => row.ownerPartner.id === s.mentalHealth.partner.id)!;
    expect(first.clinicalNotes).toBe(TEXT.clinicalNotes);
    expect(rows).toHaveLength(2);
  });

  it('refuses a housing provider writing a police record', async () => {
    const s = await setting();
    const answer = await hub.request(
      RECORD_POLICE,
      { input: { caseId: s.caseId, personId: s.personId, intelligence: 'Made up' } },
      s.housing.token,
    );
    expect(codes(answer)).toEqual(['PARTNER_RECORD_WRONG_KIND']);
  });

  it('refuses an empty write and a blank text, writing nothing', async () => {
    const s = await setting();
    const on = { caseId: s.caseId, personId: s.personId };
    const empty = await hub.request(RECORD_MENTAL_HEALTH, { input: on }, s.mentalHealth.token);
    const blank = await hub.request(
      RECORD_MENTAL_HEALTH,
      { input: { ...on, knownToServices: true, careContact: '   ' } },
      s.mentalHealth.token,
    );
    expect(codes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(await hub.em().count(MentalHealthRecord, { person: s.personId })).toBe(0);
    expect(await hub.em().count(PartnerRecordRevision, { person: s.personId })).toBe(0);
  });

  it('refuses an analyst: writing is casework', async () => {
    const s = await setting();
    const answer = await hub.request(
      RECORD_POLICE,
      { input: { caseId: s.caseId, personId: s.personId, warningsSummary: 'x' } },
      s.analyst.token,
    );
    expect(codes(answer)).toEqual(['FORBIDDEN']);
  });
});

describe('the history of a partner record', () => {
  it('keeps who changed which fields and their earlier values, for the owner only', async () => {
    const s = await setting();
    await writeAll(s);
    const on = { caseId: s.caseId, personId: s.personId };
    const again = await ok(
      hub.request(
        RECORD_MENTAL_HEALTH,
        { input: { ...on, careContact: 'Care coordinator Ffion, CMHT', knownToServices: true } },
        s.mentalHealth.token,
      ),
    );
    const history = again.recordMentalHealthRecord.history;
    expect(history).toHaveLength(2);
    expect(history[0]).toEqual(
      expect.objectContaining({
        changedFields: ['careContact'],
        changedBy: { id: s.mentalHealth.user.id },
        changedByPartner: { id: s.mentalHealth.partner.id },
      }),
    );
    expect(JSON.parse(history[0].earlierValues)).toEqual({ careContact: TEXT.careContact });
    expect(JSON.parse(history[1].earlierValues)).toEqual({
      knownToServices: null,
      careContact: null,
      riskSummary: null,
      clinicalNotes: null,
    });
    // The same write again changes nothing and adds no revision.
    const same = await ok(
      hub.request(
        RECORD_MENTAL_HEALTH,
        { input: { ...on, careContact: 'Care coordinator Ffion, CMHT' } },
        s.mentalHealth.token,
      ),
    );
    expect(same.recordMentalHealthRecord.history).toHaveLength(2);
    // The housing provider, to whom the record is released by consent, does not see its history.
    const housingView = await hub.request(
      gql<Any, Any>(
        `query ($id: ID!) { person(id: $id) { mentalHealthRecords { careContact ${HISTORY} } } }`,
      ),
      { id: s.personId },
      s.housing.token,
    );
    expect(housingView.data.person.mentalHealthRecords[0].careContact).toBe(
      'Care coordinator Ffion, CMHT',
    );
    expect(housingView.data.person.mentalHealthRecords[0].history).toBeNull();
    expect(codes(housingView)).toEqual(['FORBIDDEN']);
  });
});
