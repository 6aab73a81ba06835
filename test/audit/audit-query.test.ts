import { clock } from '../../src/common/clock';
import { randomUUID } from 'node:crypto';
import { gql } from '../support/gql';
import {
  makeCase,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
} from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { auditRowsOf, postWith } from './audit-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

interface Page {
  auditEntries: {
    edges: {
      cursor: string;
      node: {
        id: string;
        action: string;
        subjectType: string;
        subjectId: string;
        personId: string | null;
        caseId: string | null;
        userId: string;
        fields: string[];
        purpose: string | null;
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
}
interface Vars {
  filter?: Record<string, unknown>;
  first?: number;
  after?: string | null;
}

const AUDIT = gql<Page, Vars>(`
  query Audit($filter: AuditEntryFilter, $first: Int, $after: String) {
    auditEntries(filter: $filter, first: $first, after: $after) {
      edges { cursor node { id action subjectType subjectId personId caseId userId fields purpose } }
      pageInfo { hasNextPage endCursor }
    }
  }`);

const READ_CASE = gql<unknown, { id: string }>(`
  query ($id: ID!) { case(id: $id) { people { role person { givenName familyName } } } }`);

/** A police-led case with one victim, read twice by a police practitioner with a purpose. */
async function readCase() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const victim = await makePerson(em);
  const onCase = await makeCase(em, police, { people: [[victim, PersonRole.VICTIM]] });
  const purpose = `Preparing the problem-solving meeting ${randomUUID()}`;
  const before = clock.now();
  for (let i = 0; i < 2; i++) {
    await postWith(
      hub,
      READ_CASE,
      { id: onCase.id },
      {
        authorization: `Bearer ${police.token}`,
        'x-purpose': purpose,
      },
    );
  }
  return { police, victim, onCase, purpose, before };
}

describe('auditEntries', () => {
  it('lets supervisors and the data protection officer query the audit by person, user, case and period, a page at a time', async () => {
    const { police, victim, onCase, purpose, before } = await readCase();
    const dpo = await makePartnerMember(
      hub.em(),
      PartnerKind.COUNCIL,
      Role.DATA_PROTECTION_OFFICER,
    );
    const supervisor = await makeMember(hub.em(), police.partner, Role.SUPERVISOR);

    for (const auditor of [dpo, supervisor]) {
      const byPerson = await hub.request(AUDIT, { filter: { personId: victim.id } }, auditor.token);
      expect(byPerson.errors).toBeUndefined();
      const nodes = byPerson.data!.auditEntries!.edges.map((edge) => edge.node);
      // Two requests each read the person and their place in the case.
      expect(nodes.filter((node) => node.subjectType === 'Person')).toHaveLength(2);
      expect(nodes.every((node) => node.personId === victim.id)).toBe(true);
      expect(nodes.find((node) => node.subjectType === 'Person')).toMatchObject({
        action: 'READ',
        userId: police.user.id,
        caseId: onCase.id,
        purpose,
      });

      const byUser = await hub.request(
        AUDIT,
        { filter: { userId: police.user.id } },
        auditor.token,
      );
      expect(byUser.data!.auditEntries!.edges.every((e) => e.node.userId === police.user.id)).toBe(
        true,
      );
      // Reading the audit is audited against the case too, so count the practitioner's entries only.
      const byCase = await hub.request(
        AUDIT,
        { filter: { caseId: onCase.id, userId: police.user.id } },
        auditor.token,
      );
      expect(byCase.data!.auditEntries!.edges.length).toBeGreaterThanOrEqual(4);
      expect(byCase.data!.auditEntries!.edges.every((e) => e.node.caseId === onCase.id)).toBe(true);

      const inPeriod = await hub.request(
        AUDIT,
        {
          filter: {
            caseId: onCase.id,
            userId: police.user.id,
            from: before.toISOString(),
            to: clock.now().toISOString(),
          },
        },
        auditor.token,
      );
      expect(inPeriod.data!.auditEntries!.edges.length).toBe(
        byCase.data!.auditEntries!.edges.length,
      );
      const beforeIt = await hub.request(
        AUDIT,
        { filter: { caseId: onCase.id, to: new Date(before.getTime() - 60_000).toISOString() } },
        auditor.token,
      );
      expect(beforeIt.data!.auditEntries!.edges).toEqual([]);
    }

    // Paging: one entry at a time, every entry once.
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const answer: { data?: Page | null } = await hub.request(
        AUDIT,
        { filter: { personId: victim.id, userId: police.user.id }, first: 1, after },
        dpo.token,
      );
      const connection: NonNullable<Page['auditEntries']> = answer.data!.auditEntries!;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.length).toBe(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('caps the page size', async () => {
    const dpo = await makePartnerMember(
      hub.em(),
      PartnerKind.COUNCIL,
      Role.DATA_PROTECTION_OFFICER,
    );
    const answer = await hub.request(AUDIT, { first: hub.config.maxPageSize + 1 }, dpo.token);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.data?.auditEntries ?? null).toBeNull();
  });

  it('shows a supervisor only the audit of their own partner\u2019s staff', async () => {
    const { victim } = await readCase();
    const otherSupervisor = await makePartnerMember(hub.em(), PartnerKind.POLICE, Role.SUPERVISOR);
    const answer = await hub.request(
      AUDIT,
      { filter: { personId: victim.id } },
      otherSupervisor.token,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.auditEntries!.edges).toEqual([]);
  });

  it('refuses practitioners, analysts, legal, administrators and BI service accounts (FORBIDDEN)', async () => {
    const { police, victim } = await readCase();
    for (const role of [
      Role.PRACTITIONER,
      Role.ANALYST,
      Role.LEGAL,
      Role.ADMINISTRATOR,
      Role.BI_SERVICE,
    ]) {
      const member = await makeMember(hub.em(), police.partner, role);
      const answer = await hub.request(AUDIT, { filter: { personId: victim.id } }, member.token);
      expect(codes(answer)).toEqual(['FORBIDDEN']);
      expect(answer.data?.auditEntries ?? null).toBeNull();
    }
  });

  it('audits reading the audit itself', async () => {
    const { victim } = await readCase();
    const dpo = await makePartnerMember(
      hub.em(),
      PartnerKind.COUNCIL,
      Role.DATA_PROTECTION_OFFICER,
    );
    const answer = await hub.request(AUDIT, { filter: { personId: victim.id } }, dpo.token);
    const ids = answer.data!.auditEntries!.edges.map((edge) => edge.node.id);
    const rows = await auditRowsOf(hub, dpo.user.id);
    expect(rows.length).toBe(ids.length);
    expect(rows.map((row) => row.subject_id).sort()).toEqual([...ids].sort());
    expect(
      rows.every((row) => row.subject_type === 'AuditEntry' && row.person_id === victim.id),
    ).toBe(true);
    expect(rows[0].operation).toBe('auditEntries');
  });
});
