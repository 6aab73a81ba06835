import { Case } from '../../src/cases/case.entity';
import { HubEventKind } from '../../src/notifications/hub-event-kind.enum';
import type { Location } from '../../src/locations/location.entity';
import { HubEvent } from '../../src/notifications/hub-event.entity';
import type { Person } from '../../src/people/person.entity';
import { DISMISS_ALERT, RECORD_INCIDENT } from '../case-reviews/case-review-support';
import { daysAfter, daysAgo } from '../mutations/refusals';
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

/*
 * A corrected incident counts towards the ASB case review routes as corrected (docs/rules.md
 * "Corrections"). A complaint qualifies only when made within a month (the area's
 * `qualifyingComplaintMonths`) of the behaviour, 2014 Act s.104(11); three qualifying complaints
 * by a victim within six months meet the threshold, s.104(4). So correcting when the behaviour
 * happened can move a complaint into the count or out of it.
 */

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
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const victim = await makePerson(em);
  const neighbour = await makePerson(em);
  const onCase = await makeCase(em, council, {
    others: [police.partner],
    people: [
      [victim, PersonRole.VICTIM],
      [neighbour, PersonRole.VICTIM],
    ],
  });
  /** A complaint by the victim, first reported at `reportedAt`, about behaviour at `occurredAt`. */
  const complain = async (
    by: Member,
    occurredAt: Date,
    reportedAt = daysAfter(occurredAt, 0.1),
    about: { victim?: Person; location?: Location } = {},
  ) => {
    const response = await hub.request(
      RECORD_INCIDENT,
      {
        input: {
          caseId: onCase.id,
          occurredAt: occurredAt.toISOString(),
          reportedAt: reportedAt.toISOString(),
          category: 'NUISANCE',
          description: 'Shouting and banging on the door late at night',
          people: [{ personId: (about.victim ?? victim).id, role: 'VICTIM' }],
          locationId: about.location?.id ?? null,
        },
      },
      by.token,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.recordIncident!.incident.id;
  };
  return { council, police, victim, neighbour, onCase, complain };
}

const CORRECT = gql<any, any>(`mutation ($input: CorrectIncidentInput!) {
  correctIncident(input: $input) { id occurredAt } }`);
const ALERTS = gql<any, any>(`query ($caseId: ID) { caseReviewAlerts(caseId: $caseId) {
  id route status incidentCount victim { id }
  countedIncidents { id occurredAt corrections { field previousValue newValue } } } }`);

const correctPlace = (by: Member, incidentId: string, location: Location) =>
  hub.request(
    CORRECT,
    { input: { incidentId, reason: 'The wrong address was chosen', locationId: location.id } },
    by.token,
  );

const correctWhen = (by: Member, incidentId: string, occurredAt: Date) =>
  hub.request(
    CORRECT,
    {
      input: { incidentId, reason: 'The date was mistyped', occurredAt: occurredAt.toISOString() },
    },
    by.token,
  );

async function alerts(caseId: string, by: Member) {
  const response = await hub.request(ALERTS, { caseId }, by.token);
  expect(response.errors).toBeUndefined();
  return response.data.caseReviewAlerts;
}

const thresholdEvents = (caseId: string) =>
  hub.em().count(HubEvent, { case: caseId, kind: HubEventKind.CASE_REVIEW_THRESHOLD_MET });

describe('correctIncident and the ASB case review routes', () => {
  it('raises the alert when a corrected date brings the third complaint into the count', async () => {
    const { council, police, victim, onCase, complain } = await setting();
    await complain(council, daysAgo(100));
    await complain(police, daysAgo(50));
    // Reported ten days ago, but typed as a year and ten days ago: made too long after the
    // behaviour to qualify, so two complaints count and the threshold of three is not met.
    const third = await complain(police, daysAgo(375), daysAgo(10));
    expect(await alerts(onCase.id, council)).toEqual([]);

    const corrected = await correctWhen(police, third, daysAfter(daysAgo(10), -0.1));
    expect(corrected.errors).toBeUndefined();
    const [alert] = await alerts(onCase.id, council);
    expect(alert).toMatchObject({
      route: 'VICTIM_THRESHOLD',
      status: 'OPEN',
      incidentCount: 3,
      victim: { id: victim.id },
    });
    expect(alert.countedIncidents.map((incident: any) => incident.id)).toContain(third);
    expect(await thresholdEvents(onCase.id)).toBe(1);
  });

  it('counts a complaint corrected out of the count no more: the next complaint does not meet the threshold', async () => {
    const { council, police, onCase, complain } = await setting();
    await complain(council, daysAgo(100));
    const second = await complain(police, daysAgo(50));
    // The behaviour reported 50 days ago happened eight months before it was reported.
    expect((await correctWhen(police, second, daysAgo(50 + 240))).errors).toBeUndefined();
    await complain(council, daysAgo(10));
    expect(await alerts(onCase.id, council)).toEqual([]);
    expect(await thresholdEvents(onCase.id)).toBe(0);
  });

  it('leaves an alert already raised as it is, its counted complaint carrying the correction, when the date moves it out of the count', async () => {
    const { council, police, onCase, complain } = await setting();
    await complain(council, daysAgo(100));
    await complain(police, daysAgo(50));
    const third = await complain(police, daysAgo(10));
    const [raised] = await alerts(onCase.id, council);
    expect(raised).toMatchObject({ route: 'VICTIM_THRESHOLD', incidentCount: 3 });
    const was = raised.countedIncidents.find((incident: any) => incident.id === third).occurredAt;

    const correctedTo = daysAgo(10 + 240);
    expect((await correctWhen(police, third, correctedTo)).errors).toBeUndefined();
    const after = await alerts(onCase.id, council);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ status: 'OPEN', incidentCount: 3 });
    const counted = after[0].countedIncidents.find((incident: any) => incident.id === third);
    expect(counted.occurredAt).toBe(correctedTo.toISOString());
    expect(counted.corrections).toEqual([
      { field: 'occurredAt', previousValue: was, newValue: correctedTo.toISOString() },
    ]);
    expect(await thresholdEvents(onCase.id)).toBe(1);
  });

  it('raises no alert again after a dismissal when a corrected time leaves the count as it was', async () => {
    const { council, police, onCase, complain } = await setting();
    await complain(council, daysAgo(100));
    const second = await complain(police, daysAgo(50));
    await complain(police, daysAgo(10));
    const [raised] = await alerts(onCase.id, council);
    const dismissed = await hub.request(
      DISMISS_ALERT,
      { input: { alertId: raised.id, reason: 'Handled at the last meeting' } },
      council.token,
    );
    expect(dismissed.errors).toBeUndefined();
    // An hour earlier: still made within a month of the behaviour, so the count is unchanged.
    expect(
      (await correctWhen(police, second, daysAfter(daysAgo(50), -1 / 24))).errors,
    ).toBeUndefined();
    expect(await alerts(onCase.id, council)).toEqual([]);
    expect(await thresholdEvents(onCase.id)).toBe(1);
  });

  it('raises the location route’s alert when a corrected place brings the fifth complaint there, and not the victim’s dismissed alert again', async () => {
    const { council, police, victim, neighbour, onCase, complain } = await setting();
    const em = hub.em();
    const stairwell = await makeLocation(em);
    const carPark = await makeLocation(em);
    // Places the police can name: each had an incident on the case long ago (no victim, no count).
    for (const place of [stairwell, carPark])
      await makeIncident(em, em.getReference(Case, onCase.id), police.partner, daysAgo(400), place);
    const at = (days: number, who: Person, place: Location) =>
      complain(police, daysAgo(days), undefined, { victim: who, location: place });
    await at(60, victim, stairwell);
    await at(50, neighbour, stairwell);
    await at(40, victim, stairwell);
    await at(30, neighbour, stairwell);
    // The victim's third complaint, put at the car park by mistake: her route is met, dismissed.
    const misplaced = await at(20, victim, carPark);
    const [victimAlert] = await alerts(onCase.id, council);
    expect(victimAlert).toMatchObject({ route: 'VICTIM_THRESHOLD', victim: { id: victim.id } });
    const dismissed = await hub.request(
      DISMISS_ALERT,
      { input: { alertId: victimAlert.id, reason: 'Handled at the last meeting' } },
      council.token,
    );
    expect(dismissed.errors).toBeUndefined();

    // Five complaints at the stairwell from two victims meet the area's location route.
    expect((await correctPlace(police, misplaced, stairwell)).errors).toBeUndefined();
    const after = await alerts(onCase.id, council);
    expect(after.map((alert: any) => alert.route)).toEqual(['LOCATION']);
    expect(after[0]).toMatchObject({ incidentCount: 5, status: 'OPEN' });
    expect(await thresholdEvents(onCase.id)).toBe(2);
  });
});
