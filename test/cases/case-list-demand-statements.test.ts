import { clock } from '../../src/common/clock';
import { InterventionKind } from '../../src/interventions/intervention-enums';
import { InterventionPartner } from '../../src/interventions/intervention-partner.entity';
import { Intervention } from '../../src/interventions/intervention.entity';
import {
  makeCase,
  makeIncident,
  makeLocation,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  type Member,
} from '../support/factories';
import { gql } from '../support/gql';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const DAY = 86_400_000;

const CASES_WITH_DEMAND = gql<
  {
    cases: {
      edges: {
        node: {
          id: string;
          demand: { interventionId: string; atPremises: { before: number; after: number } }[];
        };
      }[];
    } | null;
  },
  { windowDays?: number }
>(`query CasesWithDemand($windowDays: Int) {
  cases(first: 50) {
    edges { node { id demand(windowDays: $windowDays) { interventionId atPremises { before after } } } }
  }
}`);

/**
 * `count` cases of a partner of its own, each at its own address with a warning letter issued 20
 * days ago and, the i-th case, i + 1 incidents there before it and one after.
 */
async function casesOf(member: Member, count: number) {
  const em = hub.em();
  const made: { caseId: string; interventionId: string; before: number }[] = [];
  for (let i = 0; i < count; i++) {
    const location = await makeLocation(em);
    const subject = await makePerson(em);
    const onCase = await makeCase(em, member, {
      location,
      people: [[subject, PersonRole.PERPETRATOR]],
    });
    for (let n = 0; n <= i; n++)
      await makeIncident(
        em,
        onCase,
        member.partner,
        new Date(clock.nowMs() - (25 + n) * DAY),
        location,
      );
    await makeIncident(em, onCase, member.partner, new Date(clock.nowMs() - 10 * DAY), location);
    const intervention = em.create(Intervention, {
      case: onCase,
      kind: InterventionKind.ASB_WARNING_LETTER,
      subject,
      issuedAt: new Date(clock.nowMs() - 20 * DAY),
      terms: 'Stop the noise.',
    });
    em.create(InterventionPartner, { intervention, partner: member.partner });
    await em.flush();
    made.push({ caseId: onCase.id, interventionId: intervention.id, before: i + 1 });
  }
  return made;
}

describe('Case.demand on a case list', () => {
  it('is the same number of SQL statements for a list of 2 cases as for 7, and each case gets its own counts', async () => {
    const counts: number[] = [];
    for (const size of [2, 7]) {
      const member = await makePartnerMember(hub.em(), PartnerKind.COUNCIL);
      const made = await casesOf(member, size);
      let answer: Awaited<ReturnType<typeof listed>> | undefined;
      const listed = () => hub.request(CASES_WITH_DEMAND, { windowDays: 30 }, member.token);
      const statements = await hub.recordStatements(async () => {
        answer = await listed();
      });
      counts.push(statements.length);
      expect(answer!.errors).toBeUndefined();
      const byCase = new Map(answer!.data!.cases!.edges.map((e) => [e.node.id, e.node.demand]));
      expect(byCase.size).toBe(size);
      for (const { caseId, interventionId, before } of made) {
        expect(byCase.get(caseId)).toEqual([{ interventionId, atPremises: { before, after: 1 } }]);
      }
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('refuses a window outside 1 to 365 days on each case, as the case view does', async () => {
    const member = await makePartnerMember(hub.em(), PartnerKind.COUNCIL);
    await casesOf(member, 1);
    const answer = await hub.request(CASES_WITH_DEMAND, { windowDays: 0 }, member.token);
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
