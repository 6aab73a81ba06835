import { CasePerson } from '../../src/cases/case-person.entity';
import { AddPersonToCaseDocument } from '../generated/graphql';
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
import { auditRowsOf } from './audit-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

async function setting() {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const victim = await makePerson(em);
  const onCase = await makeCase(em, council, { people: [[victim, PersonRole.VICTIM]] });
  return { council, victim, onCase };
}

describe('the audit of writes', () => {
  it('commits a write and its audit together: adding a witness leaves the person, their place in the case and the audit rows naming both', async () => {
    const { council, onCase } = await setting();
    const response = await hub.request(
      AddPersonToCaseDocument,
      {
        input: {
          caseId: onCase.id,
          newPerson: { givenName: 'Nia', familyName: 'Rees', dateOfBirth: '1988-02-03' },
          role: 'WITNESS',
          vulnerabilities: ['ISOLATION'],
        },
      },
      council.token,
    );
    expect(response.errors).toBeUndefined();
    const personId = response.data!.addPersonToCase!.person!.id;
    const rows = await auditRowsOf(hub, council.user.id);
    const writes = rows.filter((row) => row.action !== 'READ');
    expect(writes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'CREATE',
          subject_type: 'Person',
          subject_id: personId,
          person_id: personId,
          case_id: onCase.id,
          operation: 'addPersonToCase',
          role: 'PRACTITIONER',
          partner_id: council.partner.id,
          fields: expect.arrayContaining(['givenName', 'familyName', 'dateOfBirth']),
        }),
        expect.objectContaining({
          action: 'CREATE',
          subject_type: 'CasePerson',
          person_id: personId,
          case_id: onCase.id,
          fields: expect.arrayContaining(['role', 'vulnerabilities']),
        }),
      ]),
    );
    // The write's rows share its request with the read-back of the answer.
    const requestIds = new Set(rows.map((row) => row.request_id));
    expect(requestIds.size).toBe(1);
    expect(rows.some((row) => row.action === 'READ' && row.subject_id === personId)).toBe(true);
  });

  it('leaves neither the change nor an audit row when a write is refused', async () => {
    const { council, victim, onCase } = await setting();
    const response = await hub.request(
      AddPersonToCaseDocument,
      {
        input: { caseId: onCase.id, personId: victim.id, role: 'WITNESS', vulnerabilities: [] },
      },
      council.token,
    );
    expect(codes(response)).toEqual(['CONFLICT']);
    expect(await hub.em().count(CasePerson, { case: onCase.id })).toBe(1);
    expect(await auditRowsOf(hub, council.user.id)).toEqual([]);
  });

  it('leaves no audit row for a write the policy refuses before it starts', async () => {
    const { council, onCase } = await setting();
    const analyst = await makeMember(hub.em(), council.partner, Role.ANALYST);
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
      analyst.token,
    );
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect(await auditRowsOf(hub, analyst.user.id)).toEqual([]);
  });
});
