import { CasePartner } from '../../src/cases/case-partner.entity';
import { HubEvent } from '../../src/notifications/hub-event.entity';
import { MentalHealthRecord } from '../../src/partner-records/mental-health-record.entity';
import { SharingBasis } from '../../src/sharing/sharing-basis.entity';
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
import { startTestHub, type TestHub } from '../support/hub';
import {
  expectRefused,
  field,
  MALFORMED_ID,
  UNKNOWN_ID,
  type RowCounts,
} from '../mutations/refusals';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

interface RecordInput {
  personId: string;
  caseId: string;
  kind: string;
  reason: string;
  recipientPartnerIds?: string[] | null;
  allPartnersOnCase?: boolean | null;
}
const RECORD = gql<
  { recordSharingBasis: { id: string; recipientPartners: { id: string }[] } | null },
  { input: RecordInput }
>(`mutation Record($input: RecordSharingBasisInput!) {
  recordSharingBasis(input: $input) { id recipientPartners { id } case { id } }
}`);

const ADD_PARTNER = gql<
  { addPartnerToCase: { id: string } | null },
  { input: { caseId: string; partnerId: string } }
>(`mutation Add($input: AddPartnerToCaseInput!) { addPartnerToCase(input: $input) { id } }`);

interface SeenPerson {
  id: string;
  mentalHealthRecords: { id: string; careContact: string | null }[];
  sharingBases: { id: string }[] | null;
}
const CASE_SEEN = gql<
  { case: { people: { person: SeenPerson | null }[] } | null },
  { id: string }
>(`query Seen($id: ID!) {
  case(id: $id) { people { person { id mentalHealthRecords { id careContact } sharingBases { id } } } }
}`);

const NOTIFICATIONS = gql<
  { notifications: { edges: { node: { kind: string; caseId: string; summary: string } }[] } },
  Record<string, never>
>(`query Heard { notifications(first: 50) { edges { node { kind caseId summary } } } }`);

const CARE_CONTACT = 'Care coordinator C. Scope, 01267 111111';

/**
 * Seren's consent chain. A housing-led case A, which the mental health service and the council
 * take part in, and a police-led case B about the same tenant, which housing and the council take
 * part in and the mental health service does not. The tenant consented to the mental health
 * service sharing her care contact "with the partners on her case": case A.
 */
async function chain() {
  const em = hub.em();
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const housingSupervisor = await makeMember(em, housing.partner, Role.SUPERVISOR);
  const mentalHealth = await makePartnerMember(em, PartnerKind.MENTAL_HEALTH);
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const drugAlcohol = await makePartnerMember(em, PartnerKind.DRUG_ALCOHOL);
  const outsider = await makePartnerMember(em, PartnerKind.OTHER);
  const tenant = await makePerson(em);
  const caseA = await makeCase(em, housing, {
    others: [mentalHealth.partner, council.partner],
    people: [[tenant, PersonRole.VICTIM]],
  });
  const caseB = await makeCase(em, police, {
    others: [housing.partner, council.partner],
    people: [[tenant, PersonRole.VICTIM]],
  });
  const record = em.create(MentalHealthRecord, {
    ownerPartner: mentalHealth.partner,
    person: tenant,
    careContact: CARE_CONTACT,
    clinicalNotes: 'CLINICAL-NOTE: never leaves the service',
  });
  await em.flush();
  const consent: RecordInput = {
    personId: tenant.id,
    caseId: caseA.id,
    kind: 'CONSENT',
    reason: 'Tenant consented to share her care contact with the partners on her case',
    allPartnersOnCase: true,
  };
  const rows: RowCounts = async (check) => ({
    bases: await check.count(SharingBasis, { person: tenant.id }),
    partnersOnA: await check.count(CasePartner, { case: caseA.id }),
    events: await check.count(HubEvent, { case: { $in: [caseA.id, caseB.id] } }),
  });
  return {
    housing,
    housingSupervisor,
    mentalHealth,
    council,
    police,
    drugAlcohol,
    outsider,
    tenant,
    caseA,
    caseB,
    record,
    consent,
    rows,
  };
}

/** What `member` reads of the tenant's mental health records, seen through `caseId`. */
async function careContactsSeen(member: Member, caseId: string, personId: string) {
  const response = await hub.request(CASE_SEEN, { id: caseId }, member.token);
  expect(response.errors).toBeUndefined();
  const person = response.data!.case!.people.find((row) => row.person?.id === personId)!.person!;
  return person.mentalHealthRecords.map((row) => row.careContact);
}

const record = (input: RecordInput, member: Member) => hub.request(RECORD, { input }, member.token);

describe('a sharing basis releases only to the partners and the case it names', () => {
  describe('recording refuses, writing nothing,', () => {
    it('refuses an empty recipient partner id instead of reading it as "no recipient"', async () => {
      const { mentalHealth, consent, rows } = await chain();
      for (const recipientPartnerIds of [[''], ['   '], []]) {
        const response = await expectRefused(
          hub,
          rows,
          () => record({ ...consent, allPartnersOnCase: null, recipientPartnerIds }, mentalHealth),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe('recipientPartnerIds');
      }
    });

    it('refuses a basis naming no recipients at all, and one naming both a list and every partner', async () => {
      const { mentalHealth, housing, consent, rows } = await chain();
      for (const input of [
        { ...consent, allPartnersOnCase: null },
        { ...consent, recipientPartnerIds: [housing.partner.id] },
      ]) {
        await expectRefused(hub, rows, () => record(input, mentalHealth), 'BAD_USER_INPUT');
      }
    });

    it('refuses an unknown recipient, and a partner not on the case, alike as not found', async () => {
      const { mentalHealth, police, outsider, consent, rows } = await chain();
      const answers = [];
      for (const id of [UNKNOWN_ID, MALFORMED_ID, police.partner.id, outsider.partner.id]) {
        const response = await expectRefused(
          hub,
          rows,
          () =>
            record(
              { ...consent, allPartnersOnCase: null, recipientPartnerIds: [id] },
              mentalHealth,
            ),
          'NOT_FOUND',
        );
        answers.push(response.errors![0].message.replace(id, 'ID'));
      }
      // Hidden equals missing: one message shape whatever the id.
      expect(new Set(answers).size).toBe(1);
    });

    it('refuses a basis for a case the recorder’s partner does not take part in, as for an unknown case', async () => {
      const { mentalHealth, caseB, consent, rows } = await chain();
      const hidden = await expectRefused(
        hub,
        rows,
        () => record({ ...consent, caseId: caseB.id }, mentalHealth),
        'NOT_FOUND',
      );
      const unknown = await record({ ...consent, caseId: UNKNOWN_ID }, mentalHealth);
      expect(hidden.errors![0].message.replace(caseB.id, 'ID')).toBe(
        unknown.errors![0].message.replace(UNKNOWN_ID, 'ID'),
      );
    });
  });

  it('releases the care contact on case A to its partners, and not on case B to the same partners', async () => {
    const { mentalHealth, housing, council, tenant, caseA, caseB, consent } = await chain();
    const recorded = await record(consent, mentalHealth);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordSharingBasis!.recipientPartners.map((p) => p.id).sort()).toEqual(
      [housing.partner.id, council.partner.id].sort(),
    );
    for (const member of [housing, council]) {
      expect(await careContactsSeen(member, caseA.id, tenant.id)).toEqual([CARE_CONTACT]);
      // Case B: the mental health service is not on it, and the consent was not for it.
      expect(await careContactsSeen(member, caseB.id, tenant.id)).toEqual([]);
    }
  });

  it('walks the chain: a non-lead cannot add a partner; the lead can, the owner is told, and nothing is released until the owner names the newcomer, then on that case only', async () => {
    const c = await chain();
    expect((await record(c.consent, c.mentalHealth)).errors).toBeUndefined();

    // Link 1: the council, on the case but not its lead, may not bring the drug service in.
    await expectRefused(
      hub,
      c.rows,
      () =>
        hub.request(
          ADD_PARTNER,
          { input: { caseId: c.caseA.id, partnerId: c.drugAlcohol.partner.id } },
          c.council.token,
        ),
      'FORBIDDEN',
    );
    // A partner not on the case gets as much as for an unknown case.
    await expectRefused(
      hub,
      c.rows,
      () =>
        hub.request(
          ADD_PARTNER,
          { input: { caseId: c.caseA.id, partnerId: c.drugAlcohol.partner.id } },
          c.outsider.token,
        ),
      'NOT_FOUND',
    );

    // Link 2: the lead partner can; the owner partner alone hears it must decide.
    const added = await hub.request(
      ADD_PARTNER,
      { input: { caseId: c.caseA.id, partnerId: c.drugAlcohol.partner.id } },
      c.housing.token,
    );
    expect(added.errors).toBeUndefined();
    const heard = async (member: Member) =>
      (await hub.request(NOTIFICATIONS, {}, member.token))
        .data!.notifications.edges.map((edge) => edge.node)
        .filter((node) => node.caseId === c.caseA.id && node.kind === 'SHARING_REVIEW_NEEDED');
    const told = await heard(c.mentalHealth);
    expect(told).toEqual([
      expect.objectContaining({ kind: 'SHARING_REVIEW_NEEDED', caseId: c.caseA.id }),
    ]);
    expect(told[0].summary).not.toContain(c.tenant.familyName);
    for (const member of [c.housing, c.council, c.drugAlcohol])
      expect(await heard(member)).toEqual([]);

    // Link 3: the newcomer reads nothing special-category, on the case or by the person's id.
    expect(await careContactsSeen(c.drugAlcohol, c.caseA.id, c.tenant.id)).toEqual([]);
    const byId = await hub.request(
      gql<
        { person: { mentalHealthRecords: unknown[]; sharingBases: unknown[] | null } | null },
        { id: string }
      >(
        `query ById($id: ID!) { person(id: $id) { mentalHealthRecords { id } sharingBases { id } } }`,
      ),
      { id: c.tenant.id },
      c.drugAlcohol.token,
    );
    expect(byId.errors).toBeUndefined();
    expect(byId.data!.person).toEqual({ mentalHealthRecords: [], sharingBases: [] });

    // Link 4: the owner records a new basis naming the newcomer; released on case A only.
    const named = await record(
      { ...c.consent, allPartnersOnCase: null, recipientPartnerIds: [c.drugAlcohol.partner.id] },
      c.mentalHealth,
    );
    expect(named.errors).toBeUndefined();
    expect(await careContactsSeen(c.drugAlcohol, c.caseA.id, c.tenant.id)).toEqual([CARE_CONTACT]);
    // The drug service joins case B too (by its lead): the basis for case A does not follow it.
    const toB = await hub.request(
      ADD_PARTNER,
      { input: { caseId: c.caseB.id, partnerId: c.drugAlcohol.partner.id } },
      c.police.token,
    );
    expect(toB.errors).toBeUndefined();
    expect(await careContactsSeen(c.drugAlcohol, c.caseB.id, c.tenant.id)).toEqual([]);
  });

  it('does not cover a partner added after a basis for "every partner on the case" was recorded', async () => {
    const c = await chain();
    expect((await record(c.consent, c.mentalHealth)).errors).toBeUndefined();
    const added = await hub.request(
      ADD_PARTNER,
      { input: { caseId: c.caseA.id, partnerId: c.police.partner.id } },
      c.housingSupervisor.token,
    );
    expect(added.errors).toBeUndefined();
    expect(await careContactsSeen(c.police, c.caseA.id, c.tenant.id)).toEqual([]);
    expect(await careContactsSeen(c.housing, c.caseA.id, c.tenant.id)).toEqual([CARE_CONTACT]);
  });
});
