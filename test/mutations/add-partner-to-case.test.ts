import { CasePartner } from '../../src/cases/case-partner.entity';
import {
  AddPartnerToCaseDocument,
  ReadBackCaseDocument,
  type AddPartnerToCaseInput,
} from '../generated/graphql';
import {
  makeCase,
  makeMember,
  makePartnerMember,
  PartnerKind,
  Role,
  type Member,
} from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import {
  expectRefused,
  MALFORMED_ID,
  NON_CASEWORK_ROLES,
  UNKNOWN_ID,
  type RowCounts,
} from './refusals';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

/** A police-led case the council takes part in; a mental health service not yet on it. */
async function setting() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const mentalHealth = await makePartnerMember(em, PartnerKind.MENTAL_HEALTH);
  const onCase = await makeCase(em, police, { others: [council.partner] });
  const rows: RowCounts = async (check) => ({
    partnersOnCase: await check.count(CasePartner, { case: onCase.id }),
  });
  return { police, council, mentalHealth, onCase, rows };
}

const add = (input: AddPartnerToCaseInput, member?: Member) =>
  hub.request(AddPartnerToCaseDocument, { input }, member?.token);

describe('addPartnerToCase', () => {
  it('brings another partner into the case, which can then read it', async () => {
    const { police, council, mentalHealth, onCase, rows } = await setting();
    const before = await hub.request(ReadBackCaseDocument, { id: onCase.id }, mentalHealth.token);
    expect(codes(before)).toEqual(['NOT_FOUND']);

    const response = await add({ caseId: onCase.id, partnerId: mentalHealth.partner.id }, police);
    expect(response.errors).toBeUndefined();
    expect(response.data!.addPartnerToCase!).toEqual({
      id: onCase.id,
      partners: [
        { id: police.partner.id },
        { id: council.partner.id },
        { id: mentalHealth.partner.id },
      ],
    });
    expect(await rows(hub.em())).toEqual({ partnersOnCase: 3 });

    const after = await hub.request(ReadBackCaseDocument, { id: onCase.id }, mentalHealth.token);
    expect(after.errors).toBeUndefined();
    expect(after.data!.case!.partners.map((p) => p.id)).toContain(mentalHealth.partner.id);
  });

  it('lets a supervisor of a partner on the case that does not lead it bring another in', async () => {
    const { council, mentalHealth, onCase, rows } = await setting();
    const supervisor = await makeMember(hub.em(), council.partner, Role.SUPERVISOR);
    const response = await add(
      { caseId: onCase.id, partnerId: mentalHealth.partner.id },
      supervisor,
    );
    expect(response.errors).toBeUndefined();
    expect((await rows(hub.em())).partnersOnCase).toBe(3);
  });

  describe('refuses, writing nothing,', () => {
    it('refuses a practitioner of a partner that does not lead the case', async () => {
      const { council, mentalHealth, onCase, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => add({ caseId: onCase.id, partnerId: mentalHealth.partner.id }, council),
        'FORBIDDEN',
      );
    });

    it('refuses an anonymous caller', async () => {
      const { mentalHealth, onCase, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => add({ caseId: onCase.id, partnerId: mentalHealth.partner.id }),
        'UNAUTHENTICATED',
        401,
      );
    });

    it('refuses analysts, administrators and other roles that do not do casework', async () => {
      const { police, mentalHealth, onCase, rows } = await setting();
      for (const role of NON_CASEWORK_ROLES) {
        const member = await makeMember(hub.em(), police.partner, role);
        await expectRefused(
          hub,
          rows,
          () => add({ caseId: onCase.id, partnerId: mentalHealth.partner.id }, member),
          'FORBIDDEN',
        );
      }
    });

    it('does not let a partner add itself to a case it is not part of, answering as for an unknown case', async () => {
      const { mentalHealth, onCase, rows } = await setting();
      const hidden = await expectRefused(
        hub,
        rows,
        () => add({ caseId: onCase.id, partnerId: mentalHealth.partner.id }, mentalHealth),
        'NOT_FOUND',
      );
      const unknown = await add(
        { caseId: UNKNOWN_ID, partnerId: mentalHealth.partner.id },
        mentalHealth,
      );
      expect(hidden.errors![0].message).toBe(
        unknown.errors![0].message.replace(UNKNOWN_ID, onCase.id),
      );
    });

    it('refuses an unknown case and a malformed case id as not found', async () => {
      const { police, mentalHealth, rows } = await setting();
      for (const caseId of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(
          hub,
          rows,
          () => add({ caseId, partnerId: mentalHealth.partner.id }, police),
          'NOT_FOUND',
        );
      }
    });

    it('refuses an unknown partner and a malformed partner id as not found', async () => {
      const { police, onCase, rows } = await setting();
      for (const partnerId of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(
          hub,
          rows,
          () => add({ caseId: onCase.id, partnerId }, police),
          'NOT_FOUND',
        );
      }
    });

    it('refuses to add a partner that already takes part, the lead included, as a conflict', async () => {
      const { police, council, onCase, rows } = await setting();
      for (const partner of [council.partner, police.partner]) {
        await expectRefused(
          hub,
          rows,
          () => add({ caseId: onCase.id, partnerId: partner.id }, police),
          'CONFLICT',
        );
      }
    });

    it('refuses a request that names no partner, before anything runs', async () => {
      const { police, onCase, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => add({ caseId: onCase.id } as AddPartnerToCaseInput, police),
        'BAD_USER_INPUT',
        400,
      );
    });
  });
});
