import { CasePerson } from '../../src/cases/case-person.entity';
import { Person } from '../../src/people/person.entity';
import {
  AddPersonToCaseDocument,
  ReadBackCaseDocument,
  type AddPersonToCaseInput,
  type Vulnerability,
} from '../generated/graphql';
import {
  makeCase,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  unique,
  type Member,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import {
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
 * A council-led case the housing provider takes part in, with a victim already in it, and a
 * new person (not yet known to the hub) the council wants to add.
 */
async function setting() {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const victim = await makePerson(em);
  const onCase = await makeCase(em, council, {
    others: [housing.partner],
    people: [[victim, PersonRole.VICTIM]],
  });
  const givenName = unique('Jordan');
  const newPerson = { givenName, familyName: 'Price', dateOfBirth: '2004-06-15' };
  const rows: RowCounts = async (check) => ({
    peopleInCase: await check.count(CasePerson, { case: onCase.id }),
    newPeople: await check.count(Person, { givenName }),
  });
  return { council, housing, victim, onCase, newPerson, givenName, rows };
}

const add = (input: AddPersonToCaseInput, member?: Member) =>
  hub.request(AddPersonToCaseDocument, { input }, member?.token);

describe('addPersonToCase', () => {
  it('adds someone new to the case as a perpetrator with their assessed vulnerabilities, each listed once', async () => {
    const { council, housing, onCase, newPerson, rows } = await setting();
    const response = await add(
      {
        caseId: onCase.id,
        newPerson,
        role: 'PERPETRATOR',
        vulnerabilities: ['SUBSTANCE_MISUSE', 'AGE', 'SUBSTANCE_MISUSE'],
      },
      council,
    );
    expect(response.errors).toBeUndefined();
    const added = response.data!.addPersonToCase!;
    expect(added).toEqual({
      role: 'PERPETRATOR',
      vulnerabilities: ['SUBSTANCE_MISUSE', 'AGE'],
      person: { id: expect.any(String), ...newPerson },
    });
    expect(await rows(hub.em())).toEqual({ peopleInCase: 2, newPeople: 1 });

    // The housing provider on the case sees the new person in it.
    const readBack = await hub.request(ReadBackCaseDocument, { id: onCase.id }, housing.token);
    expect(readBack.errors).toBeUndefined();
    expect(readBack.data!.case!.people).toContainEqual({
      role: 'PERPETRATOR',
      vulnerabilities: ['SUBSTANCE_MISUSE', 'AGE'],
      person: { id: added.person!.id, ...newPerson },
    });
  });

  it('adds someone the partner already knows from another of its cases, in a different role', async () => {
    const { council, victim, rows } = await setting();
    const secondCase = await makeCase(hub.em(), council);
    const response = await add(
      { caseId: secondCase.id, personId: victim.id, role: 'WITNESS', vulnerabilities: [] },
      council,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.addPersonToCase!).toMatchObject({
      role: 'WITNESS',
      vulnerabilities: [],
      person: { id: victim.id, givenName: victim.givenName },
    });
    expect(await hub.em().count(CasePerson, { person: victim.id })).toBe(2);
    // The first case is untouched.
    expect((await rows(hub.em())).peopleInCase).toBe(1);
  });

  describe('refuses, writing nothing,', () => {
    it('refuses an anonymous caller', async () => {
      const { onCase, newPerson, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => add({ caseId: onCase.id, newPerson, role: 'WITNESS', vulnerabilities: [] }),
        'UNAUTHENTICATED',
        401,
      );
    });

    it('refuses analysts, administrators and other roles that do not do casework', async () => {
      const { council, onCase, newPerson, rows } = await setting();
      for (const role of NON_CASEWORK_ROLES) {
        const member = await makeMember(hub.em(), council.partner, role);
        await expectRefused(
          hub,
          rows,
          () => add({ caseId: onCase.id, newPerson, role: 'WITNESS', vulnerabilities: [] }, member),
          'FORBIDDEN',
        );
      }
    });

    it('does not let another partner write to a case it is not part of', async () => {
      const { onCase, newPerson, rows } = await setting();
      const police = await makePartnerMember(hub.em(), PartnerKind.POLICE);
      await expectRefused(
        hub,
        rows,
        () => add({ caseId: onCase.id, newPerson, role: 'WITNESS', vulnerabilities: [] }, police),
        'NOT_FOUND',
      );
    });

    it('refuses an unknown case and a malformed case id as not found', async () => {
      const { council, newPerson, rows } = await setting();
      for (const caseId of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(
          hub,
          rows,
          () => add({ caseId, newPerson, role: 'WITNESS', vulnerabilities: [] }, council),
          'NOT_FOUND',
        );
      }
    });

    it('does not let a partner add, by id, someone it cannot see, answering as for an unknown person', async () => {
      const { council, onCase, rows } = await setting();
      // Someone in a police case the council takes no part in.
      const police = await makePartnerMember(hub.em(), PartnerKind.POLICE);
      const stranger = await makePerson(hub.em());
      await makeCase(hub.em(), police, { people: [[stranger, PersonRole.PERPETRATOR]] });
      for (const personId of [stranger.id, UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(
          hub,
          rows,
          () => add({ caseId: onCase.id, personId, role: 'WITNESS', vulnerabilities: [] }, council),
          'NOT_FOUND',
        );
      }
      expect(await hub.em().count(CasePerson, { person: stranger.id })).toBe(1);
    });

    it('refuses someone already in the case, whatever role they are added in, as a conflict', async () => {
      const { council, victim, onCase, rows } = await setting();
      for (const role of ['VICTIM', 'WITNESS'] as const) {
        await expectRefused(
          hub,
          rows,
          () => add({ caseId: onCase.id, personId: victim.id, role, vulnerabilities: [] }, council),
          'CONFLICT',
        );
      }
    });

    it('needs exactly one of an existing person or a new one', async () => {
      const { council, victim, onCase, newPerson, rows } = await setting();
      for (const who of [{}, { personId: victim.id, newPerson }]) {
        await expectRefused(
          hub,
          rows,
          () => add({ caseId: onCase.id, ...who, role: 'WITNESS', vulnerabilities: [] }, council),
          'BAD_USER_INPUT',
        );
      }
    });

    it('refuses a new person without a given name or family name', async () => {
      const { council, onCase, newPerson, rows } = await setting();
      for (const [name, details] of [
        ['newPerson.givenName', { ...newPerson, givenName: '  ' }],
        ['newPerson.familyName', { ...newPerson, familyName: '' }],
      ] as const) {
        const response = await expectRefused(
          hub,
          rows,
          () =>
            add(
              { caseId: onCase.id, newPerson: details, role: 'WITNESS', vulnerabilities: [] },
              council,
            ),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe(name);
      }
    });

    it('refuses a date of birth in the future', async () => {
      const { council, onCase, newPerson, rows } = await setting();
      const tomorrow = daysFromNow(2).toISOString().slice(0, 10);
      const response = await expectRefused(
        hub,
        rows,
        () =>
          add(
            {
              caseId: onCase.id,
              newPerson: { ...newPerson, dateOfBirth: tomorrow },
              role: 'WITNESS',
              vulnerabilities: [],
            },
            council,
          ),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('newPerson.dateOfBirth');
    });

    it('refuses a date of birth that does not exist, before anything runs', async () => {
      const { council, onCase, newPerson, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () =>
          add(
            {
              caseId: onCase.id,
              newPerson: { ...newPerson, dateOfBirth: '2001-02-29' },
              role: 'WITNESS',
              vulnerabilities: [],
            },
            council,
          ),
        'BAD_USER_INPUT',
        400,
      );
    });

    it('refuses a role or a vulnerability the hub does not know, before anything runs', async () => {
      const { council, onCase, newPerson, rows } = await setting();
      for (const input of [
        { role: 'BYSTANDER' as string as AddPersonToCaseInput['role'], vulnerabilities: [] },
        {
          role: 'WITNESS' as const,
          vulnerabilities: ['GRUMPY' as string as Vulnerability],
        },
      ]) {
        await expectRefused(
          hub,
          rows,
          () => add({ caseId: onCase.id, newPerson, ...input }, council),
          'BAD_USER_INPUT',
          400,
        );
      }
    });
  });
});
