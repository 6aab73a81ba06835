import { CasePerson } from '../../src/cases/case-person.entity';
import { Case } from '../../src/cases/case.entity';
import { Correction } from '../../src/corrections/correction.entity';
import { IncidentPerson } from '../../src/incidents/incident-person.entity';
import { Incident } from '../../src/incidents/incident.entity';
import { Person } from '../../src/people/person.entity';
import { InterventionKind } from '../../src/interventions/intervention-enums';
import { Intervention } from '../../src/interventions/intervention.entity';
import { daysAgo, expectRefused, type RowCounts } from '../mutations/refusals';
import {
  makeCase,
  makeIncident,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
  unique,
} from '../support/factories';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

/** A police-led case the council takes part in, with a victim, a witness and a police incident. */
async function setting() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const analyst = await makeMember(em, police.partner, Role.ANALYST);
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const outsider = await makePartnerMember(em, PartnerKind.HOUSING);
  const victim = await makePerson(em);
  const witness = await makePerson(em);
  const onCase = await makeCase(em, police, {
    others: [council.partner],
    people: [
      [victim, PersonRole.VICTIM],
      [witness, PersonRole.WITNESS],
    ],
  });
  onCase.summary = unique('Summary naming the victim');
  const incident = await makeIncident(em, onCase, police.partner, daysAgo(5));
  em.create(IncidentPerson, { incident, person: witness, role: PersonRole.WITNESS });
  await em.flush();
  const rows: RowCounts = async (check) => ({
    corrections: await check.count(Correction, {
      $or: [{ case: onCase.id }, { recordId: incident.id }],
    }),
    casePeople: await check.count(CasePerson, { case: onCase.id }),
    incidentPeople: await check.count(IncidentPerson, { incident: incident.id }),
  });
  return { police, analyst, council, outsider, victim, witness, onCase, incident, rows };
}

const CORRECT_INCIDENT = gql<any, any>(`mutation ($input: CorrectIncidentInput!) {
  correctIncident(input: $input) { id category description } }`);
const CORRECT_CASE = gql<any, any>(`mutation ($input: CorrectCaseInput!) {
  correctCase(input: $input) { id title riskLevel } }`);
const CORRECT_CASE_PERSON = gql<any, any>(`mutation ($input: CorrectCasePersonInput!) {
  correctCasePerson(input: $input) { role vulnerabilities
    corrections { field previousValue newValue reason } } }`);
const REMOVE_PERSON = gql<any, any>(`mutation ($input: RemovePersonFromCaseInput!) {
  removePersonFromCase(input: $input) { id people { person { id } } } }`);
const INCIDENT_HISTORY = gql<any, any>(`query ($id: ID!) { case(id: $id) {
  incidents { id category description people { person { id } }
    corrections { field previousValue newValue reason fromRiskAssessment correctedAt
      correctedByPartner { id } correctedBy { id } } }
  corrections { record field previousValue newValue reason } } }`);
const STATEMENT = gql<any, any>(`query ($caseId: ID!) { leadOfficerStatement(caseId: $caseId) {
  amendments entries { recordId details } } }`);
/** What an analyst reads of a case and its incidents, for before and after a correction. */
const ANALYST_VIEW = gql<any, any>(`query ($id: ID!) { case(id: $id) {
  id reference title summary riskLevel status people { role vulnerabilities }
  incidents { id occurredAt category description hateIncident } } }`);
const ANALYST_HISTORY = gql<any, any>(`query ($id: ID!) { case(id: $id) {
  incidents { corrections { field correctedAt previousValue newValue reason } }
  corrections { field previousValue newValue reason } } }`);

/** The paths of an answer that hold a value, lists' positions left out: which fields it shows. */
function shownFields(value: unknown, path = ''): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => shownFields(item, path)))];
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      shownFields(inner, `${path}.${key}`),
    );
  return [path];
}

describe('correctIncident', () => {
  it('keeps the earlier description and category in the incident’s history and the statement “as amended”', async () => {
    const { police, onCase, incident } = await setting();
    const reason = unique('Typed into the wrong incident');
    const description = unique('Shouting and banging at 2am');
    const response = await hub.request(
      CORRECT_INCIDENT,
      { input: { incidentId: incident.id, reason, description, category: 'PERSONAL' } },
      police.token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.correctIncident).toEqual({
      id: incident.id,
      category: 'PERSONAL',
      description,
    });

    const read = await hub.request(INCIDENT_HISTORY, { id: onCase.id }, police.token);
    expect(read.errors).toBeUndefined();
    const history = read.data.case.incidents[0].corrections;
    expect(
      history.map((row: any) => [row.field, row.previousValue, row.newValue, row.reason]),
    ).toEqual([
      ['category', 'NUISANCE', 'PERSONAL', reason],
      ['description', incident.description, description, reason],
    ]);
    expect(history[0]).toMatchObject({
      fromRiskAssessment: false,
      correctedByPartner: { id: police.partner.id },
      correctedBy: { id: police.user.id },
    });

    const statement = await hub.request(STATEMENT, { caseId: onCase.id }, police.token);
    expect(statement.errors).toBeUndefined();
    const details = statement.data.leadOfficerStatement.entries.find(
      (entry: any) => entry.recordId === incident.id,
    ).details;
    expect(details[0]).toBe(description);
    expect(details.join('\n')).toContain(`earlier "${incident.description}", now "${description}"`);
    expect(details.join('\n')).toContain(reason);
  });

  it('shows the same police analyst no more than before: same fields, no earlier descriptions or reasons', async () => {
    const { police, analyst, onCase, incident } = await setting();
    const before = await hub.request(ANALYST_VIEW, { id: onCase.id }, analyst.token);
    const reason = unique('The victim’s name was in the description');
    await hub.request(
      CORRECT_INCIDENT,
      {
        input: {
          incidentId: incident.id,
          reason,
          description: unique('Shouting'),
          category: 'PERSONAL',
        },
      },
      police.token,
    );
    await hub.request(
      CORRECT_CASE,
      { input: { caseId: onCase.id, reason, summary: unique('A new summary'), riskLevel: 'HIGH' } },
      police.token,
    );
    const after = await hub.request(ANALYST_VIEW, { id: onCase.id }, analyst.token);
    expect(shownFields(after.data)).toEqual(shownFields(before.data));
    expect(codes(after).sort()).toEqual(codes(before).sort());
    expect(after.data.case.incidents[0].category).toBe('PERSONAL');

    const history = await hub.request(ANALYST_HISTORY, { id: onCase.id }, analyst.token);
    const text = JSON.stringify(history);
    for (const secret of [incident.description, onCase.summary!, reason])
      expect(text).not.toContain(secret);
    for (const row of [
      ...history.data.case.incidents[0].corrections,
      ...history.data.case.corrections,
    ])
      expect([row.previousValue, row.newValue, row.reason]).toEqual([null, null, null]);
    expect(history.data.case.incidents[0].corrections.map((row: any) => row.field)).toEqual([
      'category',
      'description',
    ]);

    const statement = await hub.request(STATEMENT, { caseId: onCase.id }, analyst.token);
    const page = JSON.stringify(statement);
    for (const secret of [incident.description, onCase.summary!, reason])
      expect(page).not.toContain(secret);
    expect(page).toContain('As amended on');
  });

  it('is refused to a partner on the case that did not record the incident (FORBIDDEN), and to one not on it (NOT_FOUND)', async () => {
    const { council, outsider, analyst, incident, rows } = await setting();
    const input = { incidentId: incident.id, reason: 'Wrong', description: 'Changed' };
    await expectRefused(
      hub,
      rows,
      () => hub.request(CORRECT_INCIDENT, { input }, council.token),
      'FORBIDDEN',
    );
    await expectRefused(
      hub,
      rows,
      () => hub.request(CORRECT_INCIDENT, { input }, outsider.token),
      'NOT_FOUND',
    );
    await expectRefused(
      hub,
      rows,
      () => hub.request(CORRECT_INCIDENT, { input }, analyst.token),
      'FORBIDDEN',
    );
    expect((await hub.em().findOneOrFail(Incident, incident.id)).description).toBe(
      incident.description,
    );
  });

  it('refuses an empty reason, an unknown category and a correction that changes nothing, changing nothing', async () => {
    const { police, incident, rows } = await setting();
    const send = (input: Record<string, unknown>) => () =>
      hub.request(CORRECT_INCIDENT, { input: { incidentId: incident.id, ...input } }, police.token);
    await expectRefused(hub, rows, send({ reason: '  ', description: 'New' }), 'BAD_USER_INPUT');
    await expectRefused(
      hub,
      rows,
      send({ reason: 'Wrong', category: 'LOUD_MUSIC' }),
      'BAD_USER_INPUT',
      400,
    );
    await expectRefused(
      hub,
      rows,
      send({ reason: 'Wrong', category: 'NUISANCE' }),
      'BAD_USER_INPUT',
    );
    await expectRefused(
      hub,
      rows,
      send({ reason: 'Wrong', occurredAt: new Date(Date.parse('2999-01-01')).toISOString() }),
      'BAD_USER_INPUT',
    );
  });
});

describe('correctCase', () => {
  it('lets the lead partner correct the title and risk level, keeping what they said before', async () => {
    const { police, onCase } = await setting();
    const response = await hub.request(
      CORRECT_CASE,
      {
        input: {
          caseId: onCase.id,
          reason: 'Escalated by hand',
          title: 'Noise at 4 Elm Road',
          riskLevel: 'MEDIUM',
        },
      },
      police.token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.correctCase).toMatchObject({
      title: 'Noise at 4 Elm Road',
      riskLevel: 'MEDIUM',
    });
    const read = await hub.request(INCIDENT_HISTORY, { id: onCase.id }, police.token);
    expect(
      read.data.case.corrections.map((row: any) => [
        row.record,
        row.field,
        row.previousValue,
        row.newValue,
      ]),
    ).toEqual([
      ['CASE', 'riskLevel', 'STANDARD', 'MEDIUM'],
      ['CASE', 'title', onCase.title, 'Noise at 4 Elm Road'],
    ]);
    const statement = await hub.request(STATEMENT, { caseId: onCase.id }, police.token);
    expect(statement.data.leadOfficerStatement.amendments.join('\n')).toContain(
      `Title; earlier "${onCase.title}", now "Noise at 4 Elm Road". Reason: Escalated by hand`,
    );
  });

  it('is refused to a partner on the case that does not lead it, changing nothing', async () => {
    const { council, onCase, rows } = await setting();
    await expectRefused(
      hub,
      rows,
      () =>
        hub.request(
          CORRECT_CASE,
          { input: { caseId: onCase.id, reason: 'x', riskLevel: 'HIGH' } },
          council.token,
        ),
      'FORBIDDEN',
    );
    await expectRefused(
      hub,
      rows,
      () =>
        hub.request(
          CORRECT_CASE,
          { input: { caseId: onCase.id, reason: 'x', riskLevel: 'EXTREME' } },
          council.token,
        ),
      'BAD_USER_INPUT',
      400,
    );
    expect((await hub.em().findOneOrFail(Case, onCase.id)).riskLevel).toBe('STANDARD');
  });
});

describe('correctCasePerson', () => {
  it('lets the lead partner correct a victim’s vulnerabilities, and the partner that added someone correct their role', async () => {
    const { police, council, victim, onCase } = await setting();
    const fixed = await hub.request(
      CORRECT_CASE_PERSON,
      {
        input: {
          caseId: onCase.id,
          personId: victim.id,
          reason: 'Assessed again',
          vulnerabilities: ['ISOLATION', 'AGE'],
        },
      },
      police.token,
    );
    expect(fixed.errors).toBeUndefined();
    expect(fixed.data.correctCasePerson).toEqual({
      role: 'VICTIM',
      vulnerabilities: ['AGE', 'ISOLATION'],
      corrections: [
        {
          field: 'vulnerabilities',
          previousValue: null,
          newValue: 'AGE, ISOLATION',
          reason: 'Assessed again',
        },
      ],
    });

    // The council brings in someone itself: it may correct their part; not the victim the police added.
    const added = await hub.request(
      gql<any, any>(
        `mutation ($input: AddPersonToCaseInput!) { addPersonToCase(input: $input) { person { id } } }`,
      ),
      {
        input: {
          caseId: onCase.id,
          role: 'WITNESS',
          newPerson: { givenName: 'Ann', familyName: unique('Lee') },
        },
      },
      council.token,
    );
    const personId = added.data.addPersonToCase.person.id;
    const own = await hub.request(
      CORRECT_CASE_PERSON,
      { input: { caseId: onCase.id, personId, reason: 'She is the victim', role: 'VICTIM' } },
      council.token,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.correctCasePerson.role).toBe('VICTIM');
    const other = await hub.request(
      CORRECT_CASE_PERSON,
      { input: { caseId: onCase.id, personId: victim.id, reason: 'x', role: 'WITNESS' } },
      council.token,
    );
    expect(codes(other)).toEqual(['FORBIDDEN']);
  });
});

describe('removePersonFromCase', () => {
  it('takes a wrong person off the case and their part in its incidents, keeping both in the history', async () => {
    const { police, council, witness, onCase, incident, rows } = await setting();
    const before = await rows(hub.em());
    const response = await hub.request(
      REMOVE_PERSON,
      { input: { caseId: onCase.id, personId: witness.id, reason: 'Added to the wrong case' } },
      police.token,
    );
    expect(response.errors).toBeUndefined();
    expect(
      response.data.removePersonFromCase.people.map((row: any) => row.person.id),
    ).not.toContain(witness.id);
    expect(await rows(hub.em())).toEqual({
      corrections: before.corrections + 1,
      casePeople: before.casePeople - 1,
      incidentPeople: before.incidentPeople - 1,
    });
    const read = await hub.request(INCIDENT_HISTORY, { id: onCase.id }, police.token);
    expect(read.data.case.incidents[0].people).toEqual([]);
    const [removal] = read.data.case.corrections;
    expect(removal).toMatchObject({
      record: 'CASE_PERSON',
      field: 'removed',
      reason: 'Added to the wrong case',
    });
    expect(removal.previousValue).toContain(`WITNESS; vulnerabilities: none`);
    expect(removal.previousValue).toContain(`${incident.id} as WITNESS`);
    // The witness was in no other case of the council's: it can no longer reach them.
    const person = await hub.request(
      gql<any, any>(`query ($id: ID!) { person(id: $id) { id } }`),
      { id: witness.id },
      council.token,
    );
    expect(codes(person)).toEqual(['NOT_FOUND']);
    const statement = await hub.request(STATEMENT, { caseId: onCase.id }, police.token);
    expect(statement.data.leadOfficerStatement.amendments.join('\n')).toContain(
      'Person removed from the case',
    );
  });

  it('refuses to remove someone the case has acted on (CONFLICT), and an empty reason, changing nothing', async () => {
    const { police, victim, onCase, rows } = await setting();
    const em = hub.em();
    em.create(Intervention, {
      case: em.getReference(Case, onCase.id),
      kind: InterventionKind.ASB_WARNING_LETTER,
      issuedAt: daysAgo(1),
      terms: 'Stop',
      subject: em.getReference(Person, victim.id),
    });
    await em.flush();
    const send = (reason: string) => () =>
      hub.request(
        REMOVE_PERSON,
        { input: { caseId: onCase.id, personId: victim.id, reason } },
        police.token,
      );
    await expectRefused(hub, rows, send('Wrong person'), 'CONFLICT');
    await expectRefused(hub, rows, send(''), 'BAD_USER_INPUT');
  });
});
