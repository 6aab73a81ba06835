import type { Incident } from '../../src/incidents/incident.entity';
import { IncidentPerson } from '../../src/incidents/incident-person.entity';
import type { Location } from '../../src/locations/location.entity';
import type { Partner } from '../../src/partners/partner.entity';
import type { Person } from '../../src/people/person.entity';
import {
  addIncidentReport,
  makeCase,
  makeIncident,
  makeLocation,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
} from '../support/factories';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { issue, noon, ok, toPerson } from '../interventions/ladder-support';
import { getDocument } from '../documents/document-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

interface Counts {
  before: number;
  after: number;
  byPartner: { partnerKind: string; before: number; after: number }[];
}
interface Demand {
  interventionId: string;
  kind: string;
  issuedAt: string;
  windowDays: number;
  beforeFrom: string;
  afterUntil: string;
  afterWindowEnded: boolean;
  atPremises: Counts;
  forPeople: Counts;
}
const DEMAND_FIELDS = `interventionId kind issuedAt windowDays beforeFrom afterUntil afterWindowEnded
  atPremises { before after byPartner { partnerKind before after } }
  forPeople { before after byPartner { partnerKind before after } }`;

const CASE_DEMAND = gql<
  { case: { id: string; demand: Demand[] | null } | null },
  { id: string; windowDays?: number }
>(`query CaseDemand($id: ID!, $windowDays: Int) {
  case(id: $id) { id demand(windowDays: $windowDays) { ${DEMAND_FIELDS} } }
}`);

const STATEMENT_DEMAND = gql<
  { leadOfficerStatement: { caseId: string; demand: Demand[] } | null },
  { caseId: string }
>(`query StatementDemand($caseId: ID!) {
  leadOfficerStatement(caseId: $caseId) { caseId demand { ${DEMAND_FIELDS} } }
}`);

/**
 * A council-led case the police and a housing provider take part in, centred on an address, with
 * a perpetrator and a victim. A warning letter is issued to the perpetrator at noon 60 days ago.
 * Its incidents, each reported ten minutes after it happened (days before today, at noon):
 * - A  80: at the premises, nobody named, to the police                       (before)
 * - B  70: at the premises, the perpetrator, to the police; the housing provider told at 69  (before)
 * - C  65: nowhere recorded, the victim, to the housing provider               (before)
 * - D 100: at the premises, to the police: outside a 30-day window, inside 90  (before)
 * - E  50: at the premises, the perpetrator, to the police                     (after)
 * - F  55: elsewhere, nobody in the case, to the police                        (counts nowhere)
 * and one incident at the premises on another case, 58 days ago, that never counts here.
 */
async function setting() {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const outsider = await makePartnerMember(em, PartnerKind.HOUSING);
  const perpetrator = await makePerson(em);
  const victim = await makePerson(em);
  const stranger = await makePerson(em);
  const premises = await makeLocation(em);
  const elsewhere = await makeLocation(em);
  const onCase = await makeCase(em, council, {
    others: [police.partner, housing.partner],
    people: [
      [perpetrator, PersonRole.PERPETRATOR],
      [victim, PersonRole.VICTIM],
    ],
    location: premises,
  });
  const otherCase = await makeCase(em, police, { location: premises });

  const incident = async (
    days: number,
    partner: Partner,
    where?: Location,
    involving?: [Person, PersonRole],
    onThis = onCase,
  ): Promise<Incident> => {
    const made = await makeIncident(em, onThis, partner, noon(days), where);
    if (involving)
      em.create(IncidentPerson, { incident: made, person: involving[0], role: involving[1] });
    await em.flush();
    return made;
  };
  await incident(80, police.partner, premises);
  const b = await incident(70, police.partner, premises, [perpetrator, PersonRole.PERPETRATOR]);
  await addIncidentReport(em, b, housing.partner, noon(69));
  await incident(65, housing.partner, undefined, [victim, PersonRole.VICTIM]);
  await incident(100, police.partner, premises);
  await incident(50, police.partner, premises, [perpetrator, PersonRole.PERPETRATOR]);
  await incident(55, police.partner, elsewhere, [stranger, PersonRole.WITNESS]);
  await incident(58, police.partner, premises, undefined, otherCase);

  const letter = await ok(
    issue(hub, council, toPerson({ onCase, perpetrator }, 'ASB_WARNING_LETTER', noon(60))),
  );
  return { council, police, housing, outsider, onCase, letterId: letter.issueIntervention!.id };
}

const demandOf = async (caseId: string, token: string, windowDays?: number) => {
  const response = await hub.request(CASE_DEMAND, { id: caseId, windowDays }, token);
  expect(response.errors).toBeUndefined();
  return response.data!.case!.demand!;
};

describe('the case’s own demand around its interventions', () => {
  it('counts the case’s incidents at its premises and for its people in the 30 days before and after a warning letter, by the partner kind they were reported to', async () => {
    const s = await setting();
    const [demand] = await demandOf(s.onCase.id, s.council.token, 30);
    expect(demand).toEqual({
      interventionId: s.letterId,
      kind: 'ASB_WARNING_LETTER',
      issuedAt: noon(60).toISOString(),
      windowDays: 30,
      beforeFrom: noon(90).toISOString(),
      afterUntil: noon(30).toISOString(),
      afterWindowEnded: true,
      atPremises: {
        before: 2,
        after: 1,
        byPartner: [
          { partnerKind: 'POLICE', before: 2, after: 1 },
          { partnerKind: 'HOUSING', before: 1, after: 0 },
        ],
      },
      forPeople: {
        before: 2,
        after: 1,
        byPartner: [
          { partnerKind: 'POLICE', before: 1, after: 1 },
          { partnerKind: 'HOUSING', before: 2, after: 0 },
        ],
      },
    });
  });

  it('with the default 90-day window the earlier complaint at the premises counts too, and the after-window has not ended', async () => {
    const s = await setting();
    const [demand] = await demandOf(s.onCase.id, s.council.token);
    expect(demand.windowDays).toBe(90);
    expect(demand.afterWindowEnded).toBe(false);
    expect(demand.atPremises).toEqual({
      before: 3,
      after: 1,
      byPartner: [
        { partnerKind: 'POLICE', before: 3, after: 1 },
        { partnerKind: 'HOUSING', before: 1, after: 0 },
      ],
    });
    expect(demand.forPeople.before).toBe(2);
  });

  it('the lead officer statement shows the same demand as the case view', async () => {
    const s = await setting();
    const response = await hub.request(STATEMENT_DEMAND, { caseId: s.onCase.id }, s.police.token);
    expect(response.errors).toBeUndefined();
    expect(response.data!.leadOfficerStatement!.demand).toEqual(
      await demandOf(s.onCase.id, s.police.token),
    );
  });

  it('the printed statement has a demand section with the 90-day totals at the premises and for the people', async () => {
    const s = await setting();
    const page = await getDocument(
      `${hub.url}/documents/cases/${s.onCase.id}/statement.html`,
      s.council.token,
    );
    expect(page.status).toBe(200);
    const text = page.bytes.toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Demand around interventions');
    const table = text.slice(text.indexOf(`data-intervention="${s.letterId}"`));
    // At the premises in 90 days: 3 before (A, B, D), 1 after (E); the police 3 and 1.
    expect(table).toMatch(/At the premises: all partners<\/th> <td>3<\/td> <td>1<\/td>/);
    expect(table).toMatch(/For its people: all partners<\/th> <td>2<\/td> <td>1<\/td>/);
  });

  it('an analyst of a partner on the case sees the counts, as they see its incidents', async () => {
    const s = await setting();
    const analyst = await makeMember(hub.em(), s.police.partner, Role.ANALYST);
    const [demand] = await demandOf(s.onCase.id, analyst.token, 30);
    expect([demand.atPremises.before, demand.forPeople.after]).toEqual([2, 1]);
  });

  it('does not show the demand to another partner, and refuses administrators and BI service accounts', async () => {
    const s = await setting();
    const outsider = await hub.request(CASE_DEMAND, { id: s.onCase.id }, s.outsider.token);
    expect(codes(outsider)).toEqual(['NOT_FOUND']);
    expect(outsider.data?.case ?? null).toBeNull();
    const statement = await hub.request(
      STATEMENT_DEMAND,
      { caseId: s.onCase.id },
      s.outsider.token,
    );
    expect(codes(statement)).toEqual(['NOT_FOUND']);
    expect(statement.data?.leadOfficerStatement ?? null).toBeNull();

    for (const role of [Role.ADMINISTRATOR, Role.BI_SERVICE]) {
      const member = await makeMember(hub.em(), s.council.partner, role);
      const response = await hub.request(CASE_DEMAND, { id: s.onCase.id }, member.token);
      expect(codes(response).length).toBeGreaterThan(0);
      expect(codes(response).every((code) => code === 'FORBIDDEN' || code === 'NOT_FOUND')).toBe(
        true,
      );
      expect(response.data?.case?.demand ?? null).toBeNull();
    }
  });

  it('refuses a window of no days or more than a year', async () => {
    const s = await setting();
    for (const windowDays of [0, 366]) {
      const response = await hub.request(
        CASE_DEMAND,
        { id: s.onCase.id, windowDays },
        s.council.token,
      );
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.data?.case?.demand ?? null).toBeNull();
    }
  });
});
