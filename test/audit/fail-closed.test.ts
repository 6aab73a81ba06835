import { Client } from 'pg';
import { CasePerson } from '../../src/cases/case-person.entity';
import { DEMO_IDS } from '../../src/demo/demo-data';
import { AddPersonToCaseDocument, CaseViewDocument } from '../generated/graphql';
import { makeCase, makePartnerMember, PartnerKind } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { demoToken, postWith } from './audit-support';

/**
 * A private database whose audit table refuses every insert: the audit is unavailable, as it
 * would be with a full disk or a lost privilege. No mocks: the hub meets a real refusal.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({}, { private: true });
  const client = new Client({ connectionString: hub.orm.config.get('clientUrl') });
  await client.connect();
  try {
    await client.query(`create function refuse_audit_insert() returns trigger language plpgsql as $$
      begin raise exception 'audit storage unavailable (test)'; end $$`);
    await client.query(`create trigger refuse_audit_insert before insert on audit_entry
      for each statement execute function refuse_audit_insert()`);
  } finally {
    await client.end();
  }
});
afterAll(async () => {
  await hub?.close();
});

describe('when the audit cannot be written', () => {
  it('fails the read closed: the housing officer gets AUDIT_UNAVAILABLE and no personal data', async () => {
    const token = await demoToken('housing.williams');
    const answer = await postWith(
      hub,
      CaseViewDocument,
      { id: DEMO_IDS.cuckooingCase },
      { authorization: `Bearer ${token}` },
    );
    expect(answer.status).toBe(503);
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors.map((error: any) => error.extensions.code)).toEqual([
      'AUDIT_UNAVAILABLE',
    ]);
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain('Seren');
    expect(text).not.toContain('Heol y Bryn');
    expect(text).not.toContain('audit storage unavailable');
  });

  it('refuses a write and changes nothing, since its audit cannot commit with it', async () => {
    const em = hub.em();
    const council = await makePartnerMember(em, PartnerKind.COUNCIL);
    const onCase = await makeCase(em, council);
    const response = await hub.request(
      AddPersonToCaseDocument,
      {
        input: {
          caseId: onCase.id,
          newPerson: { givenName: 'Nia', familyName: 'Rees', dateOfBirth: '1988-02-03' },
          role: 'WITNESS',
          vulnerabilities: [],
        },
      },
      council.token,
    );
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
    expect(response.data?.addPersonToCase ?? null).toBeNull();
    expect(await hub.em().count(CasePerson, { case: onCase.id })).toBe(0);
  });
});
