import { SharingBasis } from '../../src/sharing/sharing-basis.entity';
import {
  ReadBackSharingBasesDocument,
  RecordSharingBasisDocument,
  type RecordSharingBasisInput,
  type SharingBasisKind,
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
 * A council-led case that the police and a mental health service take part in, about a
 * perpetrator the mental health service knows. A drug and alcohol service is not on the case.
 */
async function setting() {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const mentalHealth = await makePartnerMember(em, PartnerKind.MENTAL_HEALTH);
  const drugAlcohol = await makePartnerMember(em, PartnerKind.DRUG_ALCOHOL);
  const perpetrator = await makePerson(em);
  const onCase = await makeCase(em, council, {
    others: [police.partner, mentalHealth.partner],
    people: [[perpetrator, PersonRole.PERPETRATOR]],
  });
  const input: RecordSharingBasisInput = {
    personId: perpetrator.id,
    kind: 'CONSENT',
    reason: 'Consent given in person to the care coordinator, signed form on file',
    caseId: onCase.id,
    recipientPartnerIds: [council.partner.id],
  };
  const rows: RowCounts = async (check) => ({
    bases: await check.count(SharingBasis, { person: perpetrator.id }),
  });
  return { council, police, mentalHealth, drugAlcohol, perpetrator, input, rows };
}

const record = (input: RecordSharingBasisInput, member?: Member) =>
  hub.request(RecordSharingBasisDocument, { input }, member?.token);

const basesSeenBy = async (personId: string, member: Member) => {
  const response = await hub.request(ReadBackSharingBasesDocument, { id: personId }, member.token);
  expect(response.errors).toBeUndefined();
  return response.data!.person!.sharingBases!;
};

describe('recordSharingBasis', () => {
  it('records a person’s consent to release the mental health service’s fields to the council alone', async () => {
    const { council, police, mentalHealth, perpetrator, input, rows } = await setting();
    const response = await record(input, mentalHealth);
    expect(response.errors).toBeUndefined();
    const basis = response.data!.recordSharingBasis!;
    expect(basis).toEqual({
      id: expect.any(String),
      kind: 'CONSENT',
      reason: input.reason,
      ownerPartner: { id: mentalHealth.partner.id },
      recipientPartners: [{ id: council.partner.id }],
    });
    expect(await rows(hub.em())).toEqual({ bases: 1 });

    // The owner and the recipient see it; the police, on the case but not released to, do not.
    for (const member of [mentalHealth, council]) {
      expect(await basesSeenBy(perpetrator.id, member)).toEqual([
        expect.objectContaining({
          id: basis.id,
          kind: 'CONSENT',
          ownerPartner: { id: mentalHealth.partner.id },
          recipientPartners: [{ id: council.partner.id }],
          decidedBy: { id: mentalHealth.user.id },
        }),
      ]);
    }
    expect(await basesSeenBy(perpetrator.id, police)).toEqual([]);
  });

  it('refuses a safeguarding basis recorded as if it were consent: without consent it is an override, for a supervisor', async () => {
    const { mentalHealth, input, rows } = await setting();
    const response = await expectRefused(
      hub,
      rows,
      () =>
        record(
          {
            ...input,
            kind: 'SAFEGUARDING',
            reason: 'Risk of serious harm to neighbours; decided by the safeguarding lead',
            recipientPartnerIds: null,
            allPartnersOnCase: true,
            expiresAt: daysFromNow(90).toISOString(),
          },
          mentalHealth,
        ),
      'OVERRIDE_REQUIRED',
    );
    expect(response.errors![0].message).toContain('recordSharingOverride');
  });

  describe('refuses, writing nothing,', () => {
    it('refuses an anonymous caller', async () => {
      const { input, rows } = await setting();
      await expectRefused(hub, rows, () => record(input), 'UNAUTHENTICATED', 401);
    });

    it('refuses analysts, administrators and other roles that do not do casework', async () => {
      const { mentalHealth, input, rows } = await setting();
      for (const role of NON_CASEWORK_ROLES) {
        const member = await makeMember(hub.em(), mentalHealth.partner, role);
        await expectRefused(hub, rows, () => record(input, member), 'FORBIDDEN');
      }
    });

    it('does not let a partner record a basis about someone in no case it takes part in, answering as for an unknown person', async () => {
      const { drugAlcohol, police, input, rows } = await setting();
      const hidden = await expectRefused(
        hub,
        rows,
        () => record({ ...input, recipientPartnerIds: [police.partner.id] }, drugAlcohol),
        'NOT_FOUND',
      );
      const unknown = await record(
        { ...input, personId: UNKNOWN_ID, recipientPartnerIds: [police.partner.id] },
        drugAlcohol,
      );
      expect(hidden.errors![0].message).toBe(
        unknown.errors![0].message.replace(UNKNOWN_ID, input.personId),
      );
    });

    it('refuses an unknown person and a malformed person id as not found', async () => {
      const { mentalHealth, input, rows } = await setting();
      for (const personId of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(
          hub,
          rows,
          () => record({ ...input, personId }, mentalHealth),
          'NOT_FOUND',
        );
      }
    });

    it('refuses a release to the caller’s own partner, which already sees its records', async () => {
      const { mentalHealth, input, rows } = await setting();
      const response = await expectRefused(
        hub,
        rows,
        () => record({ ...input, recipientPartnerIds: [mentalHealth.partner.id] }, mentalHealth),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('recipientPartnerIds');
    });

    it('refuses an unknown recipient partner and a malformed one as not found', async () => {
      const { mentalHealth, input, rows } = await setting();
      for (const recipientPartnerId of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(
          hub,
          rows,
          () => record({ ...input, recipientPartnerIds: [recipientPartnerId] }, mentalHealth),
          'NOT_FOUND',
        );
      }
    });

    it('refuses a basis with no reason recorded', async () => {
      const { mentalHealth, input, rows } = await setting();
      for (const reason of ['', '   ']) {
        const response = await expectRefused(
          hub,
          rows,
          () => record({ ...input, reason }, mentalHealth),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe('reason');
      }
    });

    it('refuses a basis that has already expired', async () => {
      const { mentalHealth, input, rows } = await setting();
      const response = await expectRefused(
        hub,
        rows,
        () => record({ ...input, expiresAt: daysAgo(1).toISOString() }, mentalHealth),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('expiresAt');
    });

    it('refuses a kind of basis the hub does not know, before anything runs', async () => {
      const { mentalHealth, input, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () =>
          record(
            { ...input, kind: 'LEGITIMATE_INTEREST' as string as SharingBasisKind },
            mentalHealth,
          ),
        'BAD_USER_INPUT',
        400,
      );
    });
  });
});
