import { clock } from '../../src/common/clock';
import { DEMO_IDS } from '../../src/demo/demo-data';
import { DEMO_PARTNERS } from '../../src/demo/demo-directory';
import { demoToken } from '../audit/audit-support';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';

/** Deletes demo cases, so it runs on a private copy of the database. */
let hub: TestHub;
let dpo: string;
beforeAll(async () => {
  hub = await startTestHub({}, { private: true });
  dpo = await demoToken('dpo.griffiths');
});
afterAll(async () => {
  await hub?.close();
});

interface Tombstone {
  reference: string;
  caseId: string;
  reason: string;
  peopleCount: number;
  peopleDeleted: number;
  incidentCounts: { category: string; month: string; count: number }[];
  interventionCounts: { kind: string; count: number }[];
}
const TOMBSTONE =
  'reference caseId reason peopleCount peopleDeleted incidentCounts { category month count } interventionCounts { kind count }';

const DUE = gql<{
  casesDueForDeletionReview: { caseId: string; reference: string; reviewDueOn: string }[] | null;
}>(`query Due { casesDueForDeletionReview { caseId reference reviewDueOn } }`);
const APPROVE = gql<
  { approveCaseDeletion: Tombstone | null },
  { input: { caseId: string; reason: string } }
>(`mutation Approve($input: ApproveCaseDeletionInput!) {
  approveCaseDeletion(input: $input) { ${TOMBSTONE} }
}`);
const DELETED = gql<{ deletedCases: Tombstone[] | null }>(
  `query Deleted { deletedCases { ${TOMBSTONE} } }`,
);
const PERSON = gql<{ person: { id: string; givenName: string | null } | null }, { id: string }>(
  `query P($id: ID!) { person(id: $id) { id givenName } }`,
);
const CASE = gql<{ case: { id: string } | null }, { id: string }>(
  `query C($id: ID!) { case(id: $id) { id } }`,
);
const CASES = gql<{ cases: { edges: { node: { reference: string } }[] } | null }>(
  `query Cs { cases(first: 50) { edges { node { reference } } } }`,
);
const AUDIT = gql<
  { auditEntries: { edges: { node: Record<string, unknown> }[] } | null },
  { personId: string }
>(`query A($personId: ID!) {
  auditEntries(filter: { personId: $personId }, first: 20) {
    edges { node { id occurredAt userId role action subjectType subjectId personId caseId fields purpose operation } }
  }
}`);

const sql = <T>(text: string, params: unknown[] = []) => hub.em().execute<T[]>(text, params);

/** The matches (links and review items) of these new records, oldest record first. */
const matchesOf = (personIds: string[]) =>
  sql<{ person_id: string; matched_person_id: string; status: string }>(
    `select person_id, matched_person_id, status from person_link
      where person_id = any(?::uuid[]) order by person_id`,
    [`{${personIds.join(',')}}`],
  );

const REVIEW_LIST = gql<{ personMatches: { id: string }[] | null }>(
  `query M { personMatches { id } }`,
);
const reviewList = async (token: string) =>
  (await hub.request(REVIEW_LIST, {}, token)).data!.personMatches!;

/** Every row of every table but the audit and the tombstones, as text, that mentions `needle`. */
async function tablesMentioning(needle: string) {
  const tables = await sql<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('audit_entry', 'deleted_case', 'mikro_orm_migrations')`,
  );
  const found: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await sql<{ n: number }>(
      `select count(*)::int as n from "${table_name}" t where t::text ilike ?`,
      [`%${needle}%`],
    );
    if (row.n > 0) found.push(table_name);
  }
  return found;
}

describe('retention: closed cases reviewed for deletion after the retention period', () => {
  it('lists a case closed more than retentionYears ago for review, not one closed within the period', async () => {
    const settings = await hub.request(
      gql<{ areaConfiguration: { retentionYears: number } | null }>(
        `query R { areaConfiguration { retentionYears } }`,
      ),
      {},
      dpo,
    );
    expect(settings.data!.areaConfiguration!.retentionYears).toBe(6);
    await sql(
      `update asb_case set status = 'CLOSED', closed_at = ?::timestamptz - interval '7 years' where id = ?`,
      [clock.now(), DEMO_IDS.parkCase],
    );
    const due = await hub.request(DUE, {}, dpo);
    expect(due.errors).toBeUndefined();
    const references = due.data!.casesDueForDeletionReview!.map((c) => c.caseId);
    expect(references).toContain(DEMO_IDS.parkCase);
    // Closed in January 2026: within 6 years.
    expect(references).not.toContain(DEMO_IDS.vehiclesCase);
    await sql(`update asb_case set status = 'OPEN', closed_at = null where id = ?`, [
      DEMO_IDS.parkCase,
    ]);
  });

  it('refuses every role but the data protection officer, an open case, a case within its retention period, and a deletion without a reason', async () => {
    for (const username of ['pc.morgan', 'sgt.davies', 'admin.evans', 'analyst.price']) {
      const token = await demoToken(username);
      expect(codes(await hub.request(DUE, {}, token))).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await hub.request(
            APPROVE,
            { input: { caseId: DEMO_IDS.vehiclesCase, reason: 'Review done' } },
            token,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
    }
    for (const caseId of [DEMO_IDS.noiseCase, DEMO_IDS.vehiclesCase]) {
      const response = await hub.request(APPROVE, { input: { caseId, reason: 'Review' } }, dpo);
      expect(codes(response)).toEqual(['RETENTION_PERIOD_NOT_PASSED']);
    }
    await sql(`update asb_case set closed_at = ?::timestamptz - interval '7 years' where id = ?`, [
      clock.now(),
      DEMO_IDS.vehiclesCase,
    ]);
    const noReason = await hub.request(
      APPROVE,
      { input: { caseId: DEMO_IDS.vehiclesCase, reason: ' ' } },
      dpo,
    );
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    const [still] = await sql<{ n: number }>(
      `select count(*)::int as n from asb_case where id = ?`,
      [DEMO_IDS.vehiclesCase],
    );
    expect(still.n).toBe(1);
  });

  it('deletes the personal data of an approved case, keeps people who are in another case, and leaves a tombstone with the right counts', async () => {
    const caseId = DEMO_IDS.cuckooingCase;
    // Kyle is also a perpetrator in the noise dispute, so he must remain.
    await sql(
      `insert into case_person (id, case_id, person_id, role, vulnerabilities)
       values (gen_random_uuid(), ?, ?, 'PERPETRATOR', '{}')`,
      [DEMO_IDS.noiseCase, DEMO_IDS.kyle],
    );
    await sql(
      `update asb_case set status = 'CLOSED', closed_at = ?::timestamptz - interval '6 years 1 day' where id = ?`,
      [clock.now(), caseId],
    );
    // Housing's own reference for Seren, given when it recorded her: it names her.
    await sql(
      `insert into person_reference (id, person_id, partner_id, reference)
       values (gen_random_uuid(), ?, ?, 'TVHA-P-20931')`,
      [DEMO_IDS.seren, DEMO_PARTNERS.housing.id],
    );
    // The demo's matches (ASB-2026-0004): Coastline's Kyle linked to Kyle, who stays; Coastline's
    // "Jordan Hale" on the review list against Jordan, who goes with the case.
    const matchesBefore = await matchesOf([DEMO_IDS.kyleAtCoastline, DEMO_IDS.jordanAtCoastline]);
    expect(matchesBefore).toEqual([
      { person_id: DEMO_IDS.kyleAtCoastline, matched_person_id: DEMO_IDS.kyle, status: 'LINKED' },
      {
        person_id: DEMO_IDS.jordanAtCoastline,
        matched_person_id: DEMO_IDS.jordan,
        status: 'REVIEW',
      },
    ]);
    const sergeant = await demoToken('sgt.davies');
    const reviewItem = await sql<{ id: string }>(`select id from person_link where person_id = ?`, [
      DEMO_IDS.jordanAtCoastline,
    ]);
    expect((await reviewList(sergeant)).map((m) => m.id)).toContain(reviewItem[0].id);
    const inCase = await sql<{ person_id: string }>(
      `select person_id from case_person where case_id = ?`,
      [caseId],
    );
    const deletedPeople = inCase.map((r) => r.person_id).filter((id) => id !== DEMO_IDS.kyle);
    const expectedIncidents = await sql<{ category: string; month: string; count: number }>(
      `select i.category, to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM') as month, count(*)::int as count
         from case_incident ci join incident i on i.id = ci.incident_id where ci.case_id = ?
        group by 1, 2 order by 2, 1`,
      [caseId],
    );
    const expectedInterventions = await sql<{ kind: string; count: number }>(
      `select kind, count(*)::int as count from intervention where case_id = ? group by 1 order by 1`,
      [caseId],
    );
    expect(expectedIncidents.reduce((n, c) => n + c.count, 0)).toBe(5);
    expect(expectedInterventions.length).toBeGreaterThan(0);
    const due = await hub.request(DUE, {}, dpo);
    expect(due.data!.casesDueForDeletionReview!.map((c) => c.caseId)).toContain(caseId);

    const response = await hub.request(
      APPROVE,
      { input: { caseId, reason: 'Retention review: no ongoing need, no litigation hold' } },
      dpo,
    );
    expect(response.errors).toBeUndefined();
    const tombstone: Tombstone = {
      reference: 'ASB-2026-0001',
      caseId,
      reason: 'Retention review: no ongoing need, no litigation hold',
      peopleCount: inCase.length,
      peopleDeleted: deletedPeople.length,
      incidentCounts: expectedIncidents,
      interventionCounts: expectedInterventions,
    };
    expect(response.data!.approveCaseDeletion).toEqual(tombstone);
    expect((await hub.request(DELETED, {}, dpo)).data!.deletedCases).toContainEqual(tombstone);

    // Nothing of a deleted person is readable through any query, by any user.
    for (const username of ['pc.morgan', 'housing.williams', 'mh.thomas', 'asb.jones']) {
      const token = await demoToken(username);
      for (const id of deletedPeople) {
        expect(codes(await hub.request(PERSON, { id }, token))).toEqual(['NOT_FOUND']);
      }
      expect(codes(await hub.request(CASE, { id: caseId }, token))).toEqual(['NOT_FOUND']);
      const cases = await hub.request(CASES, {}, token);
      expect(cases.data!.cases!.edges.map((e) => e.node.reference)).not.toContain('ASB-2026-0001');
    }
    // Nor held anywhere in the database but the audit (ids only) and the tombstone.
    for (const needle of [
      'Seren',
      'Jenkins',
      'Gareth',
      'Heol y Bryn',
      'CLINICAL-NOTE',
      ...deletedPeople,
    ]) {
      expect({ needle, tables: await tablesMentioning(needle) }).toEqual({ needle, tables: [] });
    }
    // The audit keeps its entries about Seren (append-only) but no name: ids, types, fields.
    const audit = await hub.request(AUDIT, { personId: DEMO_IDS.seren }, dpo);
    expect(audit.errors).toBeUndefined();
    const entries = audit.data!.auditEntries!.edges.map((e) => e.node);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'DELETE',
          subjectType: 'Person',
          subjectId: DEMO_IDS.seren,
        }),
      ]),
    );
    expect(JSON.stringify(entries)).not.toMatch(/Seren|Jenkins/);

    // The review item about Jordan went with him; Coastline's record of "Jordan Hale" remains,
    // matched to no one; the link between two records that remain (Kyle's) stays.
    expect(await matchesOf([DEMO_IDS.kyleAtCoastline, DEMO_IDS.jordanAtCoastline])).toEqual([
      matchesBefore[0],
    ]);
    expect(await reviewList(sergeant)).toEqual([]);
    const coastline = await demoToken('coastline.james');
    expect(
      (await hub.request(PERSON, { id: DEMO_IDS.jordanAtCoastline }, coastline)).data!.person,
    ).toEqual({ id: DEMO_IDS.jordanAtCoastline, givenName: 'Jordan' });
    const [references] = await sql<{ n: number }>(
      `select count(*)::int as n from person_reference where person_id = any(?::uuid[])`,
      [`{${deletedPeople.join(',')}}`],
    );
    expect(references.n).toBe(0);
    // The audit says which match went, under the record that remains.
    const linkAudit = await hub.request(AUDIT, { personId: DEMO_IDS.jordanAtCoastline }, dpo);
    expect(linkAudit.data!.auditEntries!.edges.map((e) => e.node)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'DELETE',
          subjectType: 'PersonLink',
          subjectId: reviewItem[0].id,
          caseId,
        }),
      ]),
    );

    // Kyle, in the noise dispute too, remains with his records.
    const kyle = await hub.request(PERSON, { id: DEMO_IDS.kyle }, await demoToken('asb.jones'));
    expect(kyle.data!.person).toEqual({ id: DEMO_IDS.kyle, givenName: 'Kyle' });
    const [records] = await sql<{ n: number }>(
      `select count(*)::int as n from police_record where person_id = ?`,
      [DEMO_IDS.kyle],
    );
    expect(records.n).toBe(1);
  });
});
