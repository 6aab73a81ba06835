import { DEMO_PARTNERS } from '../../src/demo/demo-directory';
import { DEMO_IDS, KYLE_NHS_NUMBER } from '../../src/demo/demo-data';
import { PersonLink } from '../../src/people/person-link.entity';
import { matchWeight } from '../../src/people/person-matching.rules';
import { demoToken } from '../audit/audit-support';
import { makeCase, makePartnerMember, PartnerKind } from '../support/factories';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { ok } from '../interventions/ladder-support';
import { addNewPerson, MATCHES } from './matching-support';

/*
 * The demo story's case ASB-2026-0004: Coastline Homes records Kyle Rees with his NHS number and
 * "Jordan Hale" without a date of birth. The demo goes through the hub's own matching, so its links
 * and review items are what recording the same people through the API gives. Recording people
 * again here would add review items to the demo supervisors' lists: a private database.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({}, { private: true });
});
afterAll(async () => {
  await hub?.close();
});

const linksOf = (personId: string) =>
  hub
    .em()
    .find(
      PersonLink,
      { person: personId },
      { populate: ['recordedBy'], orderBy: { matchedPerson: { id: 'asc' } } },
    );

const matchesOf = async (username: string, status: 'LINKED' | 'REVIEW') =>
  (await ok(hub.request(MATCHES, { status }, await demoToken(username)))).personMatches!;

const PERSON = gql<{ person: { id: string; nhsNumber: string | null } | null }, { id: string }>(
  `query ($id: ID!) { person(id: $id) { id nhsNumber } }`,
);
const CASE = gql<
  { case: { reference: string; people: { person: { id: string } }[] } | null },
  { id: string }
>(`query ($id: ID!) { case(id: $id) { reference people { person { id } } } }`);

describe('the demo story: one person across partners (ASB-2026-0004)', () => {
  it('links Kyle as Coastline Homes recorded him to the cuckooing case\u2019s Kyle by his NHS number, as recording him through the API would', async () => {
    const [link] = await linksOf(DEMO_IDS.kyleAtCoastline);
    expect(link).toEqual(
      expect.objectContaining({
        matchedPerson: expect.objectContaining({ id: DEMO_IDS.kyle }),
        method: 'IDENTIFIER',
        status: 'LINKED',
        evidence: 'NHS_NUMBER',
        score: null,
      }),
    );
    expect(link.recordedBy.id).toBe(DEMO_PARTNERS.coastline.id);
    expect(await linksOf(DEMO_IDS.kyleAtCoastline)).toHaveLength(1);

    // The same man recorded through the API by another partner: the same decision.
    const council = await makePartnerMember(hub.em(), PartnerKind.COUNCIL);
    const onCase = await makeCase(hub.em(), council);
    const added = await ok(
      addNewPerson(hub, council, onCase.id, {
        givenName: 'Kyle',
        familyName: 'Rees',
        dateOfBirth: '1998-11-20',
        nhsNumber: '943 476 5919',
      }),
    );
    const [viaApi] = await linksOf(added.addPersonToCase!.person!.id);
    const decision = (l: PersonLink) => [
      l.matchedPerson.id,
      l.method,
      l.status,
      l.evidence,
      l.score,
    ];
    expect(decision(viaApi)).toEqual(decision(link));
  });

  it('puts "Jordan Hale" without a date of birth on the supervisors\u2019 review list against the cuckooing case\u2019s Jordan, with the weight the API gives', async () => {
    const [review] = await linksOf(DEMO_IDS.jordanAtCoastline);
    const sameNameNoBirth = matchWeight({
      familyExact: true,
      familyClose: true,
      givenExact: true,
      givenClose: true,
      birthExact: null,
      birthClose: null,
    });
    expect(review).toEqual(
      expect.objectContaining({
        matchedPerson: expect.objectContaining({ id: DEMO_IDS.jordan }),
        method: 'PROBABILISTIC',
        status: 'REVIEW',
        evidence: 'NAME_AND_BIRTH_DATE',
      }),
    );
    expect(review.score).toBeCloseTo(sameNameNoBirth, 6);

    // On the list of the police sergeant and the drug and alcohol team leader (partners on the
    // cuckooing case), showing only the record each could see anyway, and whom to ask.
    for (const supervisor of ['sgt.davies', 'dac.rees']) {
      const item = (await matchesOf(supervisor, 'REVIEW')).find((m) => m.id === review.id);
      expect(item).toEqual({
        id: review.id,
        status: 'REVIEW',
        method: 'PROBABILISTIC',
        evidence: 'NAME_AND_BIRTH_DATE',
        score: expect.closeTo(sameNameNoBirth, 6),
        people: [{ id: DEMO_IDS.jordan }],
        knownToAnotherPartner: 'Known to another partner: ask the lead of case ASB-2026-0004',
      });
    }
    const linked = (await matchesOf('sgt.davies', 'LINKED')).map((m) => m.people);
    expect(linked).toContainEqual([{ id: DEMO_IDS.kyle }]);

    // The API, asked to record him the same way, scores him the same against both records.
    const council = await makePartnerMember(hub.em(), PartnerKind.COUNCIL);
    const onCase = await makeCase(hub.em(), council);
    const added = await ok(
      addNewPerson(hub, council, onCase.id, { givenName: 'Jordan', familyName: 'Hale' }),
    );
    const viaApi = await linksOf(added.addPersonToCase!.person!.id);
    expect(
      viaApi.map((l) => [l.matchedPerson.id, l.status, l.method, l.evidence, l.score]),
    ).toEqual(
      [DEMO_IDS.jordan, DEMO_IDS.jordanAtCoastline]
        .sort()
        .map((id) => [id, review.status, review.method, review.evidence, review.score]),
    );
  });

  it('shows Coastline Homes its own two records and nothing of the cuckooing case they were matched to', async () => {
    const coastline = await demoToken('coastline.james');
    const own = await ok(hub.request(CASE, { id: DEMO_IDS.coastlineCase }, coastline));
    expect(own.case).toEqual({
      reference: 'ASB-2026-0004',
      people: [
        { person: { id: DEMO_IDS.kyleAtCoastline } },
        { person: { id: DEMO_IDS.jordanAtCoastline } },
      ],
    });
    const kyle = await ok(hub.request(PERSON, { id: DEMO_IDS.kyleAtCoastline }, coastline));
    expect(kyle.person).toEqual({ id: DEMO_IDS.kyleAtCoastline, nhsNumber: KYLE_NHS_NUMBER });
    expect(codes(await hub.request(CASE, { id: DEMO_IDS.cuckooingCase }, coastline))).toEqual([
      'NOT_FOUND',
    ]);
    for (const id of [DEMO_IDS.kyle, DEMO_IDS.jordan]) {
      expect(codes(await hub.request(PERSON, { id }, coastline))).toEqual(['NOT_FOUND']);
    }
    // The police lead of the cuckooing case does not reveal matches: no partner on the new case
    // is told of either pair (no Coastline supervisor could list them anyway).
    const police = await demoToken('pc.morgan');
    expect(codes(await hub.request(CASE, { id: DEMO_IDS.coastlineCase }, police))).toEqual([
      'NOT_FOUND',
    ]);
  });
});
