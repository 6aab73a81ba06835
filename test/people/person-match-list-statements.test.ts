import { Partner } from '../../src/partners/partner.entity';
import { makeCase, makeMember, makePartnerMember, PartnerKind, Role } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { ok } from '../interventions/ladder-support';
import { addNewPerson, familyName, MATCHES, nhsNumber } from './matching-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

/**
 * `count` men the police recorded on one case of theirs, each recorded again with his NHS number
 * by a housing provider (which allows being named) on a case of its own: `count` links on the
 * police supervisor's list, each known on its own housing case.
 */
async function linkedMen(count: number) {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const supervisor = await makeMember(em, police.partner, Role.SUPERVISOR);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const provider = await em.findOneOrFail(Partner, housing.partner.id);
  provider.revealsPersonMatches = true;
  await em.flush();
  const policeCase = await makeCase(em, police);
  const expected = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const man = { givenName: 'Darren', familyName: familyName(), nhsNumber: nhsNumber() };
    const first = await ok(addNewPerson(hub, police, policeCase.id, man));
    const housingCase = await makeCase(em, housing);
    await ok(addNewPerson(hub, housing, housingCase.id, man));
    expected.set(
      first.addPersonToCase!.person!.id,
      `Known to another partner: ask the lead of case ${housingCase.reference}`,
    );
  }
  return { supervisor, expected };
}

describe('the match list\u2019s SQL', () => {
  it('is the same number of statements for 2 matches as for 6, each told the case it is known on', async () => {
    const counts: number[] = [];
    for (const size of [2, 6]) {
      const { supervisor, expected } = await linkedMen(size);
      const listed = () => hub.request(MATCHES, { status: 'LINKED' }, supervisor.token);
      let answer: Awaited<ReturnType<typeof listed>> | undefined;
      const statements = await hub.recordStatements(async () => {
        answer = await listed();
      });
      counts.push(statements.length);
      expect(answer!.errors).toBeUndefined();
      const seen = new Map(
        answer!.data!.personMatches!.map((m) => [m.people[0]?.id, m.knownToAnotherPartner]),
      );
      expect(seen).toEqual(expected);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
