import { ActionStatus } from '../../src/actions/action-enums';
import { Action } from '../../src/actions/action.entity';
import { CasePartner } from '../../src/cases/case-partner.entity';
import { NO_RECIPIENT_LEFT } from '../../src/corrections/case-partner-removal.service';
import { Correction } from '../../src/corrections/correction.entity';
import { HubEventKind } from '../../src/notifications/hub-event-kind.enum';
import { HubEvent } from '../../src/notifications/hub-event.entity';
import { MentalHealthRecord } from '../../src/partner-records/mental-health-record.entity';
import { SharingBasisKind } from '../../src/sharing/sharing-basis-kind.enum';
import { SharingBasis } from '../../src/sharing/sharing-basis.entity';
import { daysAgo, expectRefused, UNKNOWN_ID, type RowCounts } from '../mutations/refusals';
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

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const dayIn = (days: number) => daysAgo(-days).toISOString().slice(0, 10);

/**
 * A police-led case the council and a housing provider take part in, about a victim. The council
 * has an open action and a done one; three sharing bases about the victim: housing's naming the
 * council and the police, the police's naming only the council, the council's own naming the police.
 */
async function setting() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const outsider = await makePartnerMember(em, PartnerKind.MENTAL_HEALTH);
  const analyst = await makeMember(em, police.partner, Role.ANALYST);
  const victim = await makePerson(em);
  const onCase = await makeCase(em, police, {
    others: [council.partner, housing.partner],
    people: [[victim, PersonRole.VICTIM]],
  });
  const action = (title: string, status: ActionStatus) =>
    em.create(Action, {
      case: onCase,
      assignedPartner: council.partner,
      title,
      dueDate: dayIn(7),
      status,
      overdueRaisedAt: status === ActionStatus.OPEN ? daysAgo(1) : null,
    });
  const openAction = action('Check the tenancy file', ActionStatus.OPEN);
  const doneAction = action('Visit the victim', ActionStatus.DONE);
  const basis = (owner: Member, recipients: Member[]) =>
    em.create(SharingBasis, {
      person: victim,
      ownerPartner: owner.partner,
      case: onCase,
      recipientPartnerIds: recipients.map((m) => m.partner.id),
      kind: SharingBasisKind.CONSENT,
      reason: 'The victim agreed',
      decidedBy: owner.user,
      recordedAt: daysAgo(3),
    });
  const housingBasis = basis(housing, [council, police]);
  const policeBasis = basis(police, [council]);
  const councilBasis = basis(council, [police]);
  await em.flush();
  const caseId = onCase.id;
  /** Everything a removal touches on this case: a refusal leaves all of it as it was. */
  const rows: RowCounts = async (check) => ({
    partners: await check.count(CasePartner, { case: caseId }),
    corrections: await check.count(Correction, { case: caseId }),
    councilOpenActions: await check.count(Action, {
      case: caseId,
      assignedPartner: council.partner.id,
      status: ActionStatus.OPEN,
    }),
    basesNamingCouncil: (await check.find(SharingBasis, { case: caseId })).filter((b) =>
      b.recipientPartnerIds.includes(council.partner.id),
    ).length,
    withdrawnBases: await check.count(SharingBasis, { case: caseId, withdrawnAt: { $ne: null } }),
    events: await check.count(HubEvent, { case: caseId }),
  });
  return {
    police,
    council,
    housing,
    outsider,
    analyst,
    onCase,
    openAction,
    doneAction,
    housingBasis,
    policeBasis,
    councilBasis,
    rows,
  };
}

const REMOVE_PARTNER = gql<any, any>(`mutation ($input: RemovePartnerFromCaseInput!) {
  removePartnerFromCase(input: $input) {
    id record recordId field previousValue newValue reason correctedByPartner { id } } }`);
const CASE = gql<any, any>(`query ($id: ID!) { case(id: $id) { id partners { id }
  corrections { record field reason } } }`);
const STATEMENT = gql<any, any>(`query ($caseId: ID!) { leadOfficerStatement(caseId: $caseId) {
  amendments } }`);

const remove = (caseId: string, partnerId: string, by: Member, reason = 'Brought in by mistake') =>
  hub.request(REMOVE_PARTNER, { input: { caseId, partnerId, reason } }, by.token);

describe('removePartnerFromCase', () => {
  it('lets the lead partner take a partner off the case: its open actions pass to the lead, sharing bases stop releasing to it, and it then gets NOT_FOUND for the case', async () => {
    const s = await setting();
    const { police, council, onCase } = s;
    const before = await s.rows(hub.em());
    const response = await remove(onCase.id, council.partner.id, police);
    expect(response.errors).toBeUndefined();
    const correction = response.data.removePartnerFromCase;
    expect(correction).toMatchObject({
      record: 'CASE_PARTNER',
      field: 'removed',
      newValue: 'removed from the case',
      reason: 'Brought in by mistake',
      correctedByPartner: { id: police.partner.id },
    });
    // The history keeps what the partner had there: who, since when, what was passed on.
    expect(correction.previousValue).toContain(`${council.partner.name} (${council.partner.id})`);
    expect(correction.previousValue).toContain(
      `open actions passed to the lead partner: ${s.openAction.id}`,
    );
    for (const basis of [s.housingBasis, s.policeBasis])
      expect(correction.previousValue).toContain(basis.id);
    expect(correction.previousValue).not.toContain(s.councilBasis.id);
    expect(await s.rows(hub.em())).toEqual({
      ...before,
      partners: before.partners - 1,
      corrections: before.corrections + 1,
      councilOpenActions: 0,
      basesNamingCouncil: 0,
      withdrawnBases: before.withdrawnBases + 1,
      events: before.events + 1,
    });

    // The council no longer reaches the case, exactly as if it did not exist.
    const read = await hub.request(CASE, { id: onCase.id }, council.token);
    const missing = await hub.request(CASE, { id: UNKNOWN_ID }, council.token);
    expect(codes(read)).toEqual(['NOT_FOUND']);
    expect(read.errors![0].message.replace(onCase.id, '<id>')).toBe(
      missing.errors![0].message.replace(UNKNOWN_ID, '<id>'),
    );

    // Its open action is the lead's now, to be told of again when overdue; the done one stays its own.
    const em = hub.em();
    const open = await em.findOneOrFail(Action, s.openAction.id);
    expect(open.assignedPartner.id).toBe(police.partner.id);
    expect(open.overdueRaisedAt).toBeNull();
    expect((await em.findOneOrFail(Action, s.doneAction.id)).assignedPartner.id).toBe(
      council.partner.id,
    );
    const told = await em.find(HubEvent, {
      case: onCase.id,
      kind: HubEventKind.ACTION_ASSIGNED,
      audiencePartner: police.partner.id,
    });
    expect(told.map((event) => event.subjectIds)).toEqual([{ actionId: s.openAction.id }]);

    // Bases: housing's still releases to the police only; the police's, naming only the council,
    // is withdrawn; the council's own basis is its decision and stays.
    const housingBasis = await em.findOneOrFail(SharingBasis, s.housingBasis.id);
    expect(housingBasis.recipientPartnerIds).toEqual([police.partner.id]);
    expect(housingBasis.withdrawnAt).toBeNull();
    const policeBasis = await em.findOneOrFail(SharingBasis, s.policeBasis.id);
    expect(policeBasis.recipientPartnerIds).toEqual([]);
    expect(policeBasis.withdrawnAt).not.toBeNull();
    expect(policeBasis.withdrawalReason).toBe(NO_RECIPIENT_LEFT);
    const councilBasis = await em.findOneOrFail(SharingBasis, s.councilBasis.id);
    expect([councilBasis.recipientPartnerIds, councilBasis.withdrawnAt]).toEqual([
      [police.partner.id],
      null,
    ]);

    // The case's partners and history, and the statement's amendments, say so.
    const lead = await hub.request(CASE, { id: onCase.id }, police.token);
    expect(lead.data.case.partners.map((p: any) => p.id)).not.toContain(council.partner.id);
    expect(lead.data.case.corrections).toEqual([
      { record: 'CASE_PARTNER', field: 'removed', reason: 'Brought in by mistake' },
    ]);
    const statement = await hub.request(STATEMENT, { caseId: onCase.id }, police.token);
    expect(statement.data.leadOfficerStatement.amendments.join('\n')).toContain(
      'Partner removed from the case',
    );
  });

  it('lets a partner take itself off a case, after which it no longer sees it', async () => {
    const { police, council, housing, onCase } = await setting();
    const response = await remove(onCase.id, council.partner.id, council, 'Our part is over');
    expect(response.errors).toBeUndefined();
    expect(response.data.removePartnerFromCase).toMatchObject({
      record: 'CASE_PARTNER',
      correctedByPartner: { id: council.partner.id },
    });
    expect(codes(await hub.request(CASE, { id: onCase.id }, council.token))).toEqual(['NOT_FOUND']);
    for (const still of [police, housing]) {
      const read = await hub.request(CASE, { id: onCase.id }, still.token);
      expect(read.errors).toBeUndefined();
      expect(read.data.case.partners.map((p: any) => p.id).sort()).toEqual(
        [police.partner.id, housing.partner.id].sort(),
      );
    }
  });

  it('is refused to a partner on the case that neither leads it nor is the one leaving (FORBIDDEN), and to an analyst, changing nothing', async () => {
    const { council, housing, analyst, onCase, rows } = await setting();
    const refused = await expectRefused(
      hub,
      rows,
      () => remove(onCase.id, council.partner.id, housing),
      'FORBIDDEN',
    );
    expect(refused.errors![0].extensions!.field).toBe('Mutation.removePartnerFromCase');
    await expectRefused(
      hub,
      rows,
      () => remove(onCase.id, council.partner.id, analyst),
      'FORBIDDEN',
    );
    expect(codes(await hub.request(CASE, { id: onCase.id }, council.token))).toEqual([]);
  });

  it('will not take the lead partner off its case (LEAD_HANDOVER_REQUIRED), even at its own request, changing nothing', async () => {
    const { police, council, onCase, rows } = await setting();
    const refused = await expectRefused(
      hub,
      rows,
      () => remove(onCase.id, police.partner.id, police),
      'LEAD_HANDOVER_REQUIRED',
    );
    expect(refused.errors![0].extensions!.field).toBe('partnerId');
    // Another partner on the case may not try it at all.
    await expectRefused(
      hub,
      rows,
      () => remove(onCase.id, police.partner.id, council),
      'FORBIDDEN',
    );
  });

  it('answers a hidden case exactly as a missing one (NOT_FOUND), and refuses an unknown partner (NOT_FOUND), one not on the case (PARTNER_NOT_ON_CASE) and an empty reason (BAD_USER_INPUT), changing nothing', async () => {
    const { police, council, outsider, onCase, rows } = await setting();
    const hidden = await expectRefused(
      hub,
      rows,
      () => remove(onCase.id, outsider.partner.id, outsider),
      'NOT_FOUND',
    );
    const missing = await expectRefused(
      hub,
      rows,
      () => remove(UNKNOWN_ID, outsider.partner.id, outsider),
      'NOT_FOUND',
    );
    expect(hidden.errors![0].message.replace(onCase.id, '<id>')).toBe(
      missing.errors![0].message.replace(UNKNOWN_ID, '<id>'),
    );
    await expectRefused(hub, rows, () => remove(onCase.id, UNKNOWN_ID, police), 'NOT_FOUND');
    await expectRefused(hub, rows, () => remove(onCase.id, 'not-an-id', police), 'NOT_FOUND');
    await expectRefused(
      hub,
      rows,
      () => remove(onCase.id, outsider.partner.id, police),
      'PARTNER_NOT_ON_CASE',
    );
    await expectRefused(
      hub,
      rows,
      () => remove(onCase.id, council.partner.id, police, '   '),
      'BAD_USER_INPUT',
    );
  });

  it('releases nothing again to a partner brought back after its removal, until the owner names it afresh', async () => {
    const em = hub.em();
    const housing = await makePartnerMember(em, PartnerKind.HOUSING);
    const mentalHealth = await makePartnerMember(em, PartnerKind.MENTAL_HEALTH);
    const council = await makePartnerMember(em, PartnerKind.COUNCIL);
    const tenant = await makePerson(em);
    const onCase = await makeCase(em, housing, {
      others: [mentalHealth.partner, council.partner],
      people: [[tenant, PersonRole.VICTIM]],
    });
    const careContact = 'Care coordinator C. Removal, 01267 222222';
    em.create(MentalHealthRecord, {
      ownerPartner: mentalHealth.partner,
      person: tenant,
      careContact,
    });
    em.create(SharingBasis, {
      person: tenant,
      ownerPartner: mentalHealth.partner,
      case: onCase,
      recipientPartnerIds: [council.partner.id, housing.partner.id],
      kind: SharingBasisKind.CONSENT,
      reason: 'The tenant agreed',
      decidedBy: mentalHealth.user,
      recordedAt: daysAgo(2),
    });
    await em.flush();
    const SEEN = gql<any, any>(`query ($id: ID!) { case(id: $id) {
      people { person { mentalHealthRecords { careContact } } } } }`);
    const contactSeenBy = async (member: Member) => {
      const read = await hub.request(SEEN, { id: onCase.id }, member.token);
      return read.data?.case?.people[0].person.mentalHealthRecords[0]?.careContact ?? null;
    };
    expect(await contactSeenBy(council)).toBe(careContact);

    expect((await remove(onCase.id, council.partner.id, housing)).errors).toBeUndefined();
    const back = await hub.request(
      gql<any, any>(
        `mutation ($input: AddPartnerToCaseInput!) { addPartnerToCase(input: $input) { id } }`,
      ),
      { input: { caseId: onCase.id, partnerId: council.partner.id } },
      housing.token,
    );
    expect(back.errors).toBeUndefined();
    expect(await contactSeenBy(council)).toBeNull();
    expect(await contactSeenBy(housing)).toBe(careContact);
  });
});
