import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '../../src/demo/demo-data';
import { CaseViewDocument } from '../generated/graphql';
import { gql } from '../support/gql';
import { startTestHub, type TestHub } from '../support/hub';
import { auditRowsOf, demoToken, demoUserId, postWith } from './audit-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const inserts = (statements: string[]) =>
  statements.filter((sql) => /insert into audit_entry/i.test(sql));

describe('the audit of reads', () => {
  it('a housing officer reading the cuckooing case writes one batched insert naming the people and records read, with the purpose given', async () => {
    const token = await demoToken('housing.williams');
    const userId = await demoUserId(hub, 'housing.williams');
    const purpose = `Tenancy enforcement review ${randomUUID()}`;
    let answer: { status: number; body: any } | undefined;
    const statements = await hub.recordStatements(async () => {
      answer = await postWith(
        hub,
        CaseViewDocument,
        { id: DEMO_IDS.cuckooingCase },
        { authorization: `Bearer ${token}`, 'x-purpose': purpose },
      );
    });
    expect(answer!.status).toBe(200);
    expect(answer!.body.data.case.reference).toBe('ASB-2026-0001');
    // One statement for the whole request, however many records were read.
    expect(inserts(statements)).toHaveLength(1);

    const rows = await auditRowsOf(hub, userId, 'and purpose = ?', [purpose]);
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.map((row) => row.request_id)).size).toBe(1);
    for (const row of rows) {
      expect(row).toMatchObject({
        action: 'READ',
        role: 'PRACTITIONER',
        purpose,
        operation: 'case',
        case_id: DEMO_IDS.cuckooingCase,
      });
    }
    // Grouped by record: one row per person, with the fields read.
    const seren = rows.filter(
      (row) => row.subject_type === 'Person' && row.subject_id === DEMO_IDS.seren,
    );
    expect(seren).toHaveLength(1);
    expect(seren[0].person_id).toBe(DEMO_IDS.seren);
    expect(seren[0].fields).toEqual(
      expect.arrayContaining(['givenName', 'familyName', 'dateOfBirth', 'mentalHealthRecords']),
    );
    // Her mental health record, released to housing with her consent, and her case membership.
    const mentalHealth = rows.find(
      (row) => row.subject_type === 'MentalHealthRecord' && row.person_id === DEMO_IDS.seren,
    );
    expect(mentalHealth?.fields).toEqual(
      expect.arrayContaining(['knownToServices', 'careContact']),
    );
    expect(
      rows.some((row) => row.subject_type === 'CasePerson' && row.person_id === DEMO_IDS.seren),
    ).toBe(true);
    expect(rows.some((row) => row.subject_type === 'HousingRecord')).toBe(true);
    expect(
      rows.some((row) => row.subject_type === 'Incident' && row.fields.includes('description')),
    ).toBe(true);
    expect(rows.some((row) => row.subject_type === 'Case' && row.fields.includes('people'))).toBe(
      true,
    );
  });

  it('does not audit a field the policy refused as read: the housing officer never read the clinical notes', async () => {
    const token = await demoToken('housing.williams');
    const userId = await demoUserId(hub, 'housing.williams');
    const purpose = `Refusal check ${randomUUID()}`;
    const answer = await postWith(
      hub,
      CaseViewDocument,
      { id: DEMO_IDS.cuckooingCase },
      { authorization: `Bearer ${token}`, 'x-purpose': purpose },
    );
    expect(
      answer.body.errors.some(
        (error: any) => error.extensions.field === 'MentalHealthRecord.clinicalNotes',
      ),
    ).toBe(true);
    const rows = await auditRowsOf(hub, userId, 'and purpose = ?', [purpose]);
    const fields = rows.flatMap((row) => row.fields.map((field) => `${row.subject_type}.${field}`));
    expect(fields).toContain('MentalHealthRecord.careContact');
    expect(fields).not.toContain('MentalHealthRecord.clinicalNotes');
    expect(fields).not.toContain('PoliceRecord.intelligence');
    expect(fields).not.toContain('DrugAlcoholRecord.treatmentDetail');
  });

  it('writes nothing to the audit for a request that reads no personal data', async () => {
    const token = await demoToken('housing.williams');
    const statements = await hub.recordStatements(() =>
      hub.request(gql('{ me { username } partners { name } }'), {}, token),
    );
    expect(inserts(statements)).toEqual([]);
  });

  it('refuses a purpose longer than 500 characters', async () => {
    const token = await demoToken('housing.williams');
    const answer = await postWith(
      hub,
      CaseViewDocument,
      { id: DEMO_IDS.cuckooingCase },
      { authorization: `Bearer ${token}`, 'x-purpose': 'x'.repeat(501) },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.body.data ?? null).toBeNull();
  });
});
