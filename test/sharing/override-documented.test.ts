import { clock } from '../../src/common/clock';
import { DEMO_PARTNERS, demoUser } from '../../src/demo/demo-directory';
import { SharingBasis } from '../../src/sharing/sharing-basis.entity';
import { Role } from '../../src/users/role.enum';
import {
  makeCase,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
} from '../support/factories';
import { gql } from '../support/gql';
import { startTestHub, type TestHub } from '../support/hub';
import { expectRefused, field, type RowCounts } from '../mutations/refusals';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const RECORD = gql<
  { recordSharingBasis: { id: string } | null },
  {
    input: {
      personId: string;
      caseId: string;
      kind: string;
      reason: string;
      allPartnersOnCase?: boolean | null;
    };
  }
>(`mutation RecordBasisWithoutOverride($input: RecordSharingBasisInput!) {
  recordSharingBasis(input: $input) { id }
}`);

const OVERRIDE = gql<
  { recordSharingOverride: { id: string } | null },
  {
    input: {
      personId: string;
      caseId: string;
      kind: string;
      decisionMaker: string;
      lawfulBasis: string;
      reason: string;
      allPartnersOnCase?: boolean | null;
    };
  }
>(`mutation RecordUndocumentedOverride($input: RecordSharingOverrideInput!) {
  recordSharingOverride(input: $input) { id }
}`);

/** A housing-led case the drug and alcohol service takes part in, about a person it works with. */
async function setting() {
  const em = hub.em();
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const service = await makePartnerMember(em, PartnerKind.DRUG_ALCOHOL);
  const supervisor = await makeMember(em, service.partner, Role.SUPERVISOR);
  const person = await makePerson(em);
  const onCase = await makeCase(em, housing, {
    others: [service.partner],
    people: [[person, PersonRole.VICTIM]],
  });
  const rows: RowCounts = async (check) => ({
    bases: await check.count(SharingBasis, { person: person.id }),
  });
  return { housing, service, supervisor, person, onCase, rows };
}

/** Inserts a basis straight into the table, past the service, as a seed or a script might. */
async function insertDirectly(
  s: Awaited<ReturnType<typeof setting>>,
  row: {
    kind: string;
    override: boolean;
    decisionMaker: string | null;
    lawfulBasis: string | null;
  },
) {
  await hub
    .em()
    .getConnection()
    .execute(
      `insert into sharing_basis (id, person_id, owner_partner_id, case_id, recipient_partner_ids, kind, reason,
         decided_by_id, recorded_at, override, decision_maker, lawful_basis)
       values (gen_random_uuid(), ?, ?, ?, ?::uuid[], ?, 'Inserted by hand', ?, ?, ?, ?, ?)`,
      [
        s.person.id,
        s.service.partner.id,
        s.onCase.id,
        `{${s.housing.partner.id}}`,
        row.kind,
        s.supervisor.user.id,
        clock.now(),
        row.override,
        row.decisionMaker,
        row.lawfulBasis,
      ],
    );
}

describe('a sharing basis other than consent is a documented override', () => {
  it('the database refuses a safeguarding basis inserted directly without override, decision maker or lawful basis', async () => {
    const s = await setting();
    const documented = {
      kind: 'SAFEGUARDING',
      override: true,
      decisionMaker: 'Dr D. Lead, safeguarding lead',
      lawfulBasis: 'DPA 2018 sch.1 para 18',
    };
    for (const broken of [
      { override: false },
      { decisionMaker: null },
      { lawfulBasis: null },
      { decisionMaker: '  ' },
      { lawfulBasis: '' },
      { kind: 'PREVENTING_UNLAWFUL_ACTS', override: false, decisionMaker: null, lawfulBasis: null },
    ]) {
      await expect(insertDirectly(s, { ...documented, ...broken })).rejects.toThrow(
        /sharing_basis_override_documented/,
      );
    }
    expect(await s.rows(hub.em())).toEqual({ bases: 0 });

    // The check lets through what the hub records: a documented override, and plain consent.
    await insertDirectly(s, documented);
    await insertDirectly(s, {
      kind: 'CONSENT',
      override: false,
      decisionMaker: null,
      lawfulBasis: null,
    });
    expect(await s.rows(hub.em())).toEqual({ bases: 2 });
  });

  it('the GraphQL mutations still refuse an undocumented override with BAD_USER_INPUT, and a basis without consent recorded as consent with OVERRIDE_REQUIRED', async () => {
    const s = await setting();
    const base = { personId: s.person.id, caseId: s.onCase.id, allPartnersOnCase: true };
    const asConsent = await expectRefused(
      hub,
      s.rows,
      () =>
        hub.request(
          RECORD,
          { input: { ...base, kind: 'SAFEGUARDING', reason: 'At risk of exploitation' } },
          s.supervisor.token,
        ),
      // The consent path names what to do instead: record an override.
      'OVERRIDE_REQUIRED',
    );
    expect(field(asConsent)).toBe('kind');
    for (const [blank, name] of [
      [{ decisionMaker: ' ', lawfulBasis: 'DPA 2018 sch.1 para 18' }, 'decisionMaker'],
      [{ decisionMaker: 'Dr D. Lead', lawfulBasis: '' }, 'lawfulBasis'],
    ] as const) {
      const response = await expectRefused(
        hub,
        s.rows,
        () =>
          hub.request(
            OVERRIDE,
            {
              input: {
                ...base,
                kind: 'SAFEGUARDING',
                reason: 'At risk of exploitation',
                ...blank,
              },
            },
            s.supervisor.token,
          ),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe(name);
    }
  });

  it('the demo’s safeguarding basis is an override recorded by a supervisor of the drug and alcohol service, naming who decided and on what lawful basis', async () => {
    const bases = await hub.em().find(SharingBasis, {
      ownerPartner: DEMO_PARTNERS.drugAlcohol.id,
      kind: 'SAFEGUARDING' as SharingBasis['kind'],
    });
    expect(bases).toHaveLength(1);
    const [basis] = bases;
    expect(basis.override).toBe(true);
    expect(basis.decisionMaker).toMatch(/\S/);
    expect(basis.lawfulBasis).toMatch(/sch\.1 para 18/);
    expect(basis.decidedBy.id).toBe(demoUser('dac.rees')!.id);
    expect(demoUser('dac.rees')!.role).toBe(Role.SUPERVISOR);
  });
});
