import { clock } from '../../src/common/clock';
import { MentalHealthRecord } from '../../src/partner-records/mental-health-record.entity';
import { SharingBasis } from '../../src/sharing/sharing-basis.entity';
import { auditRowsOf } from '../audit/audit-support';
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
import { expectRefused, field, type RowCounts } from '../mutations/refusals';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

interface Basis {
  id: string;
  kind: string;
  override: boolean;
  decisionMaker: string | null;
  lawfulBasis: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}
const BASIS_FIELDS = 'id kind override decisionMaker lawfulBasis withdrawnAt withdrawalReason';

const WITHDRAW = gql<
  { withdrawSharingBasis: Basis | null },
  { input: { sharingBasisId: string; reason: string } }
>(`mutation Withdraw($input: WithdrawSharingBasisInput!) {
  withdrawSharingBasis(input: $input) { ${BASIS_FIELDS} }
}`);

interface OverrideInput {
  personId: string;
  kind: string;
  decisionMaker: string;
  lawfulBasis: string;
  reason: string;
  caseId: string;
  recipientPartnerIds?: string[] | null;
  allPartnersOnCase?: boolean | null;
}
const OVERRIDE = gql<{ recordSharingOverride: Basis | null }, { input: OverrideInput }>(
  `mutation Override($input: RecordSharingOverrideInput!) {
    recordSharingOverride(input: $input) { ${BASIS_FIELDS} }
  }`,
);

const MENTAL_HEALTH_SEEN = gql<
  { person: { mentalHealthRecords: { id: string; careContact: string | null }[] } | null },
  { id: string }
>(`query Seen($id: ID!) { person(id: $id) { mentalHealthRecords { id careContact } } }`);

/**
 * A housing-led case the mental health service takes part in, about a tenant the service knows;
 * the tenant consented to the service releasing its care contact to every partner on the case.
 */
async function setting() {
  const em = hub.em();
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const mentalHealth = await makePartnerMember(em, PartnerKind.MENTAL_HEALTH);
  const supervisor = await makeMember(em, mentalHealth.partner, Role.SUPERVISOR);
  const tenant = await makePerson(em);
  const onCase = await makeCase(em, housing, {
    others: [mentalHealth.partner],
    people: [[tenant, PersonRole.VICTIM]],
  });
  const record = em.create(MentalHealthRecord, {
    ownerPartner: mentalHealth.partner,
    person: tenant,
    careContact: 'Care coordinator A. Care, 01267 000000',
    clinicalNotes: 'CLINICAL-NOTE: not for partners',
  });
  const consent = em.create(SharingBasis, {
    person: tenant,
    ownerPartner: mentalHealth.partner,
    case: onCase,
    recipientPartnerIds: [housing.partner.id],
    kind: 'CONSENT' as SharingBasis['kind'],
    reason: 'Consent given to the care coordinator, form on file',
    decidedBy: mentalHealth.user,
    recordedAt: new Date(clock.nowMs() - 60_000),
  });
  await em.flush();
  const rows: RowCounts = async (check) => ({
    bases: await check.count(SharingBasis, { person: tenant.id }),
    withdrawn: await check.count(SharingBasis, { person: tenant.id, withdrawnAt: { $ne: null } }),
  });
  const override: OverrideInput = {
    personId: tenant.id,
    caseId: onCase.id,
    allPartnersOnCase: true,
    kind: 'SAFEGUARDING',
    decisionMaker: 'Dr B. Lead, safeguarding lead',
    lawfulBasis: 'UK GDPR art. 6(1)(e); DPA 2018 sch.1 para 18',
    reason: 'Tenant at risk of exploitation; consent withdrawn under pressure from visitors',
  };
  return { housing, mentalHealth, supervisor, tenant, record, consent, rows, override };
}

const seenBy = async (personId: string, member: Member) => {
  const response = await hub.request(MENTAL_HEALTH_SEEN, { id: personId }, member.token);
  expect(response.errors).toBeUndefined();
  return response.data!.person!.mentalHealthRecords;
};

describe('consent and overrides drive what partners see', () => {
  it('hides the mental health record from the housing officer on the next request once consent is withdrawn', async () => {
    const { housing, mentalHealth, tenant, record, consent } = await setting();
    expect(await seenBy(tenant.id, housing)).toEqual([
      { id: record.id, careContact: 'Care coordinator A. Care, 01267 000000' },
    ]);
    const response = await hub.request(
      WITHDRAW,
      { input: { sharingBasisId: consent.id, reason: 'Tenant withdrew consent by phone' } },
      mentalHealth.token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.withdrawSharingBasis).toEqual(
      expect.objectContaining({
        id: consent.id,
        withdrawnAt: expect.any(String),
        withdrawalReason: 'Tenant withdrew consent by phone',
      }),
    );
    expect(await seenBy(tenant.id, housing)).toEqual([]);
    // The owner still sees its own record.
    expect(await seenBy(tenant.id, mentalHealth)).toHaveLength(1);
  });

  it('releases the record again when a supervisor of the owner partner records a safeguarding override', async () => {
    const { housing, mentalHealth, supervisor, tenant, record, consent, override } =
      await setting();
    await hub.request(
      WITHDRAW,
      { input: { sharingBasisId: consent.id, reason: 'Tenant withdrew consent' } },
      mentalHealth.token,
    );
    expect(await seenBy(tenant.id, housing)).toEqual([]);
    const response = await hub.request(OVERRIDE, { input: override }, supervisor.token);
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordSharingOverride).toEqual(
      expect.objectContaining({
        kind: 'SAFEGUARDING',
        override: true,
        decisionMaker: override.decisionMaker,
        lawfulBasis: override.lawfulBasis,
        withdrawnAt: null,
      }),
    );
    expect(await seenBy(tenant.id, housing)).toEqual([
      { id: record.id, careContact: 'Care coordinator A. Care, 01267 000000' },
    ]);
  });

  it('audits each change of basis in the write audit: the withdrawal and the override', async () => {
    const { mentalHealth, supervisor, consent, override, tenant } = await setting();
    await hub.request(
      WITHDRAW,
      { input: { sharingBasisId: consent.id, reason: 'Tenant withdrew consent' } },
      mentalHealth.token,
    );
    const overridden = await hub.request(OVERRIDE, { input: override }, supervisor.token);
    const withdrawals = await auditRowsOf(hub, mentalHealth.user.id, "and action = 'UPDATE'");
    expect(withdrawals).toEqual([
      expect.objectContaining({
        subject_type: 'SharingBasis',
        subject_id: consent.id,
        person_id: tenant.id,
        operation: 'withdrawSharingBasis',
        fields: expect.arrayContaining(['withdrawnAt', 'withdrawnBy', 'withdrawalReason']),
      }),
    ]);
    const overrides = await auditRowsOf(hub, supervisor.user.id, "and action = 'CREATE'");
    expect(overrides).toEqual([
      expect.objectContaining({
        subject_type: 'SharingBasis',
        subject_id: overridden.data!.recordSharingOverride!.id,
        person_id: tenant.id,
        role: 'SUPERVISOR',
        operation: 'recordSharingOverride',
        fields: expect.arrayContaining(['override', 'decisionMaker', 'lawfulBasis', 'reason']),
      }),
    ]);
  });

  describe('refuses, writing nothing,', () => {
    it('refuses an override by a practitioner: only a supervisor of the owner partner may share without consent', async () => {
      const { mentalHealth, override, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => hub.request(OVERRIDE, { input: override }, mentalHealth.token),
        'FORBIDDEN',
      );
    });

    it('refuses to withdraw a basis another partner recorded', async () => {
      const { housing, consent, rows } = await setting();
      const housingSupervisor = await makeMember(hub.em(), housing.partner, Role.SUPERVISOR);
      for (const member of [housing, housingSupervisor]) {
        await expectRefused(
          hub,
          rows,
          () =>
            hub.request(
              WITHDRAW,
              { input: { sharingBasisId: consent.id, reason: 'We think it should go' } },
              member.token,
            ),
          'SHARING_BASIS_NOT_YOURS',
        );
      }
    });

    it('refuses an anonymous caller', async () => {
      const { consent, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => hub.request(WITHDRAW, { input: { sharingBasisId: consent.id, reason: 'x y' } }),
        'UNAUTHENTICATED',
        401,
      );
    });

    it('refuses a withdrawal without a reason, an override without who decided, its lawful basis or why, and consent recorded as an override', async () => {
      const { mentalHealth, supervisor, consent, override, rows } = await setting();
      const noReason = await expectRefused(
        hub,
        rows,
        () =>
          hub.request(
            WITHDRAW,
            { input: { sharingBasisId: consent.id, reason: '  ' } },
            mentalHealth.token,
          ),
        'BAD_USER_INPUT',
      );
      expect(field(noReason)).toBe('reason');
      for (const [bad, name] of [
        [{ decisionMaker: ' ' }, 'decisionMaker'],
        [{ lawfulBasis: '' }, 'lawfulBasis'],
        [{ reason: '' }, 'reason'],
        [{ kind: 'CONSENT' }, 'kind'],
      ] as const) {
        const response = await expectRefused(
          hub,
          rows,
          () => hub.request(OVERRIDE, { input: { ...override, ...bad } }, supervisor.token),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe(name);
      }
    });

    it('refuses to withdraw a basis twice', async () => {
      const { mentalHealth, consent, rows } = await setting();
      const input = { sharingBasisId: consent.id, reason: 'Tenant withdrew consent' };
      await hub.request(WITHDRAW, { input }, mentalHealth.token);
      await expectRefused(
        hub,
        rows,
        () => hub.request(WITHDRAW, { input }, mentalHealth.token),
        'CONFLICT',
      );
    });

    it('answers an unknown basis as not found', async () => {
      const { mentalHealth } = await setting();
      const response = await hub.request(
        WITHDRAW,
        { input: { sharingBasisId: '00000000-0000-4000-8000-000000000000', reason: 'why not' } },
        mentalHealth.token,
      );
      expect(codes(response)).toEqual(['NOT_FOUND']);
    });
  });
});
