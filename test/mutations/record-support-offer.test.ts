import { SupportOffer } from '../../src/support/support-offer.entity';
import {
  ReadBackCaseDocument,
  RecordSupportOfferDocument,
  type RecordSupportOfferInput,
  type SupportKind,
  type SupportResponse,
} from '../generated/graphql';
import {
  makeCase,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  type Member,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import {
  daysAgo,
  daysFromNow,
  expectRefused,
  field,
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

/**
 * A housing-led case that the police and a drug and alcohol service take part in, with a
 * victim and a perpetrator. The mental health service is not on the case.
 */
async function setting() {
  const em = hub.em();
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const drugAlcohol = await makePartnerMember(em, PartnerKind.DRUG_ALCOHOL);
  const mentalHealth = await makePartnerMember(em, PartnerKind.MENTAL_HEALTH);
  const victim = await makePerson(em);
  const perpetrator = await makePerson(em);
  const onCase = await makeCase(em, housing, {
    others: [police.partner, drugAlcohol.partner],
    people: [
      [victim, PersonRole.VICTIM],
      [perpetrator, PersonRole.PERPETRATOR],
    ],
  });
  const input: RecordSupportOfferInput = {
    caseId: onCase.id,
    personId: perpetrator.id,
    kind: 'DRUG_ALCOHOL_REFERRAL',
    details: 'Referred to the community alcohol team',
    offeredAt: daysAgo(4).toISOString(),
    response: 'ACCEPTED',
  };
  const rows: RowCounts = async (check) => ({
    offers: await check.count(SupportOffer, { case: onCase.id }),
  });
  return { housing, police, drugAlcohol, mentalHealth, victim, perpetrator, onCase, input, rows };
}

const record = (input: RecordSupportOfferInput, member?: Member) =>
  hub.request(RecordSupportOfferDocument, { input }, member?.token);

describe('recordSupportOffer', () => {
  it('records support the caller’s partner offered someone in the case, and their answer', async () => {
    const { housing, police, perpetrator, onCase, input, rows } = await setting();
    const response = await record(input, housing);
    expect(response.errors).toBeUndefined();
    const offer = response.data!.recordSupportOffer!;
    expect(offer).toEqual({
      id: expect.any(String),
      kind: 'DRUG_ALCOHOL_REFERRAL',
      response: 'ACCEPTED',
      details: 'Referred to the community alcohol team',
      offeredAt: input.offeredAt,
      offeredBy: { id: housing.partner.id },
      person: { id: perpetrator.id },
    });
    expect(await rows(hub.em())).toEqual({ offers: 1 });

    const readBack = await hub.request(ReadBackCaseDocument, { id: onCase.id }, police.token);
    expect(readBack.errors).toBeUndefined();
    expect(readBack.data!.case!.supportOffers).toEqual([
      {
        id: offer.id,
        kind: 'DRUG_ALCOHOL_REFERRAL',
        details: 'Referred to the community alcohol team',
        offeredAt: input.offeredAt,
        response: 'ACCEPTED',
        offeredBy: { id: housing.partner.id },
        person: { id: perpetrator.id },
      },
    ]);
  });

  it('records support another partner on the case offered, declined, with no details', async () => {
    const { police, drugAlcohol, victim, input, rows } = await setting();
    const response = await record(
      {
        ...input,
        personId: victim.id,
        offeredByPartnerId: drugAlcohol.partner.id,
        kind: 'VICTIM_SUPPORT',
        details: '   ',
        response: 'DECLINED',
      },
      police,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordSupportOffer!).toMatchObject({
      kind: 'VICTIM_SUPPORT',
      response: 'DECLINED',
      details: null,
      offeredBy: { id: drugAlcohol.partner.id },
      person: { id: victim.id },
    });
    expect(await rows(hub.em())).toEqual({ offers: 1 });
  });

  describe('refuses, writing nothing,', () => {
    it('refuses an anonymous caller', async () => {
      const { input, rows } = await setting();
      await expectRefused(hub, rows, () => record(input), 'UNAUTHENTICATED', 401);
    });

    it('refuses analysts, administrators and other roles that do not do casework', async () => {
      const { housing, input, rows } = await setting();
      for (const role of NON_CASEWORK_ROLES) {
        const member = await makeMember(hub.em(), housing.partner, role);
        await expectRefused(hub, rows, () => record(input, member), 'FORBIDDEN');
      }
    });

    it('does not let another partner write to a case it is not part of', async () => {
      const { mentalHealth, input, rows } = await setting();
      await expectRefused(hub, rows, () => record(input, mentalHealth), 'NOT_FOUND');
    });

    it('refuses an unknown case and a malformed case id as not found', async () => {
      const { housing, input, rows } = await setting();
      for (const caseId of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(hub, rows, () => record({ ...input, caseId }, housing), 'NOT_FOUND');
      }
    });

    it('refuses an offer to someone not in the case', async () => {
      const { housing, input, rows } = await setting();
      const outsider = await makePerson(hub.em());
      // Known to housing through another of its cases, but not in this one.
      await makeCase(hub.em(), housing, { people: [[outsider, PersonRole.WITNESS]] });
      const response = await expectRefused(
        hub,
        rows,
        () => record({ ...input, personId: outsider.id }, housing),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('people');
      // An id no case of housing's knows is as missing as any hidden one.
      await expectRefused(
        hub,
        rows,
        () => record({ ...input, personId: UNKNOWN_ID }, housing),
        'NOT_FOUND',
      );
    });

    it('refuses a malformed or empty person id as not found', async () => {
      const { housing, input, rows } = await setting();
      for (const personId of [MALFORMED_ID, '']) {
        await expectRefused(hub, rows, () => record({ ...input, personId }, housing), 'NOT_FOUND');
      }
    });

    it('refuses an offer said to be made by a partner not on the case', async () => {
      const { housing, mentalHealth, input, rows } = await setting();
      for (const offeredByPartnerId of [mentalHealth.partner.id, UNKNOWN_ID]) {
        const response = await expectRefused(
          hub,
          rows,
          () => record({ ...input, offeredByPartnerId }, housing),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe('offeredByPartnerId');
      }
      await expectRefused(
        hub,
        rows,
        () => record({ ...input, offeredByPartnerId: MALFORMED_ID }, housing),
        'NOT_FOUND',
      );
    });

    it('refuses details longer than anyone would write (the offer has no other text)', async () => {
      const { housing, input, rows } = await setting();
      const response = await expectRefused(
        hub,
        rows,
        () => record({ ...input, details: 'x'.repeat(10_001) }, housing),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('details');
    });

    it('refuses an offer dated in the future', async () => {
      const { housing, input, rows } = await setting();
      const response = await expectRefused(
        hub,
        rows,
        () => record({ ...input, offeredAt: daysFromNow(1).toISOString() }, housing),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('offeredAt');
    });

    it('refuses a kind of support or an answer the hub does not know, before anything runs', async () => {
      const { housing, input, rows } = await setting();
      for (const change of [
        { kind: 'BOXING_CLUB' as string as SupportKind },
        { response: 'MAYBE' as string as SupportResponse },
      ]) {
        await expectRefused(
          hub,
          rows,
          () => record({ ...input, ...change }, housing),
          'BAD_USER_INPUT',
          400,
        );
      }
    });
  });
});
