import { Case } from '../../src/cases/case.entity';
import { clock } from '../../src/common/clock';
import { ActionSource } from '../../src/actions/action-enums';
import { Action } from '../../src/actions/action.entity';
import { AreaConfiguration } from '../../src/area-configuration/area-configuration.entity';
import { loadAreaRules } from '../../src/area-configuration/area-rules';
import { londonDay } from '../../src/area-configuration/working-days';
import { CaseReviewAlert } from '../../src/case-reviews/case-review-alert.entity';
import { subtractMonths } from '../../src/common/dates';
import type { Location } from '../../src/locations/location.entity';
import { HubEventKind } from '../../src/notifications/hub-event-kind.enum';
import { HubEvent } from '../../src/notifications/hub-event.entity';
import type { Person } from '../../src/people/person.entity';
import {
  makeCase,
  makeLocation,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
  type Member,
} from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { daysAfter, daysAgo, expectRefused, field, UNKNOWN_ID } from '../mutations/refusals';
import {
  ALERTS,
  alertsFor,
  at,
  detectionRows,
  DISMISS_ALERT,
  RECORD_INCIDENT,
} from './case-review-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

/** A council-led case with the police and a housing provider, two victims and a perpetrator. */
async function setting() {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const victim = await makePerson(em);
  const neighbour = await makePerson(em);
  const perpetrator = await makePerson(em);
  const onCase = await makeCase(em, council, {
    others: [police.partner, housing.partner],
    people: [
      [victim, PersonRole.VICTIM],
      [neighbour, PersonRole.VICTIM],
      [perpetrator, PersonRole.PERPETRATOR],
    ],
  });
  return { council, police, housing, victim, neighbour, perpetrator, onCase };
}

interface Complaint {
  by: Member;
  caseId: string;
  occurredAt: Date;
  /** Defaults to an hour after the behaviour. */
  reportedAt?: Date;
  victims?: Person[];
  location?: Location;
  hateIncident?: boolean;
  sameEpisodeAs?: string;
}

/** Records a complaint through the API, as the partner's front end would. */
async function complain(complaint: Complaint) {
  const response = await hub.request(
    RECORD_INCIDENT,
    {
      input: {
        caseId: complaint.caseId,
        occurredAt: complaint.occurredAt.toISOString(),
        reportedAt: (complaint.reportedAt ?? daysAfter(complaint.occurredAt, 1 / 24)).toISOString(),
        category: 'NUISANCE',
        description: 'Shouting and banging on the door late at night',
        people: (complaint.victims ?? []).map((person) => ({
          personId: person.id,
          role: 'VICTIM',
        })),
        locationId: complaint.location?.id ?? null,
        hateIncident: complaint.hateIncident ?? false,
        sameEpisodeAsIncidentId: complaint.sameEpisodeAs ?? null,
      },
    },
    complaint.by.token,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.recordIncident!;
}

const thresholdEvents = (caseId: string) =>
  hub.em().find(HubEvent, { case: caseId, kind: HubEventKind.CASE_REVIEW_THRESHOLD_MET });

describe('threshold detection', () => {
  it('exactly three qualifying complaints in six months raise the alert at the third, not at the second', async () => {
    const { council, police, victim, onCase } = await setting();
    const first = await complain({
      by: council,
      caseId: onCase.id,
      occurredAt: daysAgo(100),
      victims: [victim],
    });
    const second = await complain({
      by: police,
      caseId: onCase.id,
      occurredAt: daysAgo(50),
      victims: [victim],
    });
    expect(await alertsFor(hub, onCase.id, council.token)).toEqual([]);
    expect(await thresholdEvents(onCase.id)).toHaveLength(0);

    const third = await complain({
      by: council,
      caseId: onCase.id,
      occurredAt: daysAgo(10),
      victims: [victim],
    });
    const alerts = await alertsFor(hub, onCase.id, council.token);
    expect(alerts).toEqual([
      expect.objectContaining({
        route: 'VICTIM_THRESHOLD',
        status: 'OPEN',
        incidentCount: 3,
        victim: { id: victim.id },
        case: { id: onCase.id },
      }),
    ]);
    expect(alerts[0].countedIncidents.map((i) => i.id)).toEqual([
      first.incident.id,
      second.incident.id,
      third.incident.id,
    ]);
    const events = await thresholdEvents(onCase.id);
    expect(events).toHaveLength(1);
    expect(events[0].summary).toContain(onCase.reference);
    expect(events[0].summary).toContain('3 qualifying complaints');
    expect(events[0].summary).not.toContain(victim.familyName);
    expect(events[0].subjectIds).toMatchObject({ alertId: alerts[0].id });
  });

  it('an open alert gathers later complaints as evidence instead of raising a second alert', async () => {
    const { council, victim, onCase } = await setting();
    for (const days of [80, 60, 40, 20])
      await complain({
        by: council,
        caseId: onCase.id,
        occurredAt: daysAgo(days),
        victims: [victim],
      });
    const alerts = await alertsFor(hub, onCase.id, council.token);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].incidentCount).toBe(4);
    expect(await thresholdEvents(onCase.id)).toHaveLength(1);
  });

  it('a complaint made 183 days before the latest is outside the six-month window, one made 182 days before it is inside', async () => {
    // Month arithmetic: the window ending 31 March 2026 12:00 starts six calendar months
    // earlier, clamped to the month's last day: 30 September 2025 12:00 (September has 30 days),
    // which is 182 days before; both ends count. So 29 September 12:00 (183 days) is outside.
    // Each complaint is made when the behaviour happens, and the middle one (30 March) is late
    // enough that no window ending at it reaches back to 29 September either.
    const { council, victim, onCase } = await setting();
    const latest = at('2026-03-31T12:00:00Z');
    expect(subtractMonths(latest, 6).toISOString()).toBe('2025-09-30T12:00:00.000Z');
    const made = (when: Date) =>
      complain({
        by: council,
        caseId: onCase.id,
        occurredAt: when,
        reportedAt: when,
        victims: [victim],
      });
    const outside = await made(daysAfter(latest, -183));
    await made(at('2026-03-30T12:00:00Z'));
    await made(latest);
    expect(await alertsFor(hub, onCase.id, council.token)).toEqual([]);

    const inside = await made(daysAfter(latest, -182));
    const [alert] = await alertsFor(hub, onCase.id, council.token);
    expect(alert.incidentCount).toBe(3);
    expect(alert.windowStart).toBe('2025-09-30T12:00:00.000Z');
    expect(alert.windowEnd).toBe('2026-03-31T12:00:00.000Z');
    const counted = alert.countedIncidents.map((i) => i.id);
    expect(counted).toContain(inside.incident.id);
    expect(counted).not.toContain(outside.incident.id);
  });

  it('a complaint made 32 days after the behaviour does not qualify, so it is not counted', async () => {
    const { council, victim, onCase } = await setting();
    const behaviour = daysAgo(90);
    const late = await complain({
      by: council,
      caseId: onCase.id,
      occurredAt: behaviour,
      reportedAt: daysAfter(behaviour, 32),
      victims: [victim],
    });
    for (const days of [40, 20])
      await complain({
        by: council,
        caseId: onCase.id,
        occurredAt: daysAgo(days),
        victims: [victim],
      });
    expect(await alertsFor(hub, onCase.id, council.token)).toEqual([]);

    await complain({ by: council, caseId: onCase.id, occurredAt: daysAgo(5), victims: [victim] });
    const [alert] = await alertsFor(hub, onCase.id, council.token);
    expect(alert.incidentCount).toBe(3);
    expect(alert.countedIncidents.map((i) => i.id)).not.toContain(late.incident.id);
  });

  it('a complaint made 28 days after the behaviour, within the month, qualifies', async () => {
    const { council, victim, onCase } = await setting();
    const behaviour = daysAgo(90);
    const prompt = await complain({
      by: council,
      caseId: onCase.id,
      occurredAt: behaviour,
      reportedAt: daysAfter(behaviour, 28),
      victims: [victim],
    });
    for (const days of [40, 20])
      await complain({
        by: council,
        caseId: onCase.id,
        occurredAt: daysAgo(days),
        victims: [victim],
      });
    const [alert] = await alertsFor(hub, onCase.id, council.token);
    expect(alert.countedIncidents.map((i) => i.id)).toContain(prompt.incident.id);
  });

  it('the same episode reported to two partners counts once', async () => {
    const { council, police, victim, onCase } = await setting();
    const episode = await complain({
      by: police,
      caseId: onCase.id,
      occurredAt: daysAgo(60),
      victims: [victim],
    });
    const again = await complain({
      by: council,
      caseId: onCase.id,
      occurredAt: daysAgo(60),
      victims: [victim],
      sameEpisodeAs: episode.incident.id,
    });
    expect(again.attachedToExistingIncident).toBe(true);
    await complain({ by: police, caseId: onCase.id, occurredAt: daysAgo(30), victims: [victim] });
    // Three reports, two episodes: below the threshold of three.
    expect(await alertsFor(hub, onCase.id, council.token)).toEqual([]);

    await complain({ by: police, caseId: onCase.id, occurredAt: daysAgo(10), victims: [victim] });
    const [alert] = await alertsFor(hub, onCase.id, council.token);
    expect(alert.incidentCount).toBe(3);
  });

  it('the victim\u2019s second qualifying report raises one "tell the victim" action for the recording partner, due in ten working days', async () => {
    const { council, housing, victim, onCase } = await setting();
    const notices = () =>
      hub.em().find(Action, { case: onCase.id, source: ActionSource.CASE_REVIEW_VICTIM_NOTICE });
    await complain({ by: council, caseId: onCase.id, occurredAt: daysAgo(40), victims: [victim] });
    expect(await notices()).toHaveLength(0);

    await complain({ by: housing, caseId: onCase.id, occurredAt: daysAgo(20), victims: [victim] });
    const [notice] = await notices();
    expect(notice).toBeDefined();
    expect(notice.assignedPartner.id).toBe(housing.partner.id);
    const { calendar } = await loadAreaRules(hub.em());
    expect(notice.dueDate).toBe(calendar.addWorkingDays(londonDay(clock.now()), 10));
    expect(notice.details).toContain('2025 statutory guidance');
    expect(notice.details).not.toContain(victim.familyName);
    const assigned = await hub
      .em()
      .find(HubEvent, { case: onCase.id, kind: HubEventKind.ACTION_ASSIGNED });
    expect(assigned).toHaveLength(1);
    expect(assigned[0].audiencePartner?.id).toBe(housing.partner.id);
    expect(assigned[0].subjectIds).toMatchObject({ actionId: notice.id });

    await complain({ by: council, caseId: onCase.id, occurredAt: daysAgo(5), victims: [victim] });
    expect(await notices()).toHaveLength(1);
  });

  it('five reports about one place from two victims meet the location route; five from one victim do not', async () => {
    const em = hub.em();
    const { council, victim, onCase } = await setting();
    // The place the case centres on: a partner names only places it reaches through its cases.
    const park = await makeLocation(em);
    await em.nativeUpdate(Case, { id: onCase.id }, { location: park.id });
    for (const days of [100, 80, 60, 40, 20])
      await complain({
        by: council,
        caseId: onCase.id,
        occurredAt: daysAgo(days),
        victims: [victim],
        location: park,
      });
    const routes = async () =>
      (await alertsFor(hub, onCase.id, council.token)).map((alert) => alert.route);
    expect(await routes()).toEqual(['VICTIM_THRESHOLD']);

    // A second case: four reports from one victim and a fifth from another.
    const second = await setting();
    const shop = await makeLocation(em);
    await em.nativeUpdate(Case, { id: second.onCase.id }, { location: shop.id });
    for (const days of [100, 80, 60, 40])
      await complain({
        by: second.council,
        caseId: second.onCase.id,
        occurredAt: daysAgo(days),
        victims: [days === 40 ? second.neighbour : second.victim],
        location: shop,
      });
    expect(
      (await alertsFor(hub, second.onCase.id, second.council.token)).map((a) => a.route),
    ).not.toContain('LOCATION');
    await complain({
      by: second.council,
      caseId: second.onCase.id,
      occurredAt: daysAgo(20),
      victims: [second.neighbour],
      location: shop,
    });
    const location = (await alertsFor(hub, second.onCase.id, second.council.token)).find(
      (a) => a.route === 'LOCATION',
    );
    expect(location).toMatchObject({ incidentCount: 5, location: { id: shop.id }, victim: null });
  });

  it('a single hate incident meets the hate incident route', async () => {
    const { police, victim, onCase } = await setting();
    const hate = await complain({
      by: police,
      caseId: onCase.id,
      occurredAt: daysAgo(3),
      victims: [victim],
      hateIncident: true,
    });
    expect(hate.incident.hateIncident).toBe(true);
    expect(await alertsFor(hub, onCase.id, police.token)).toEqual([
      expect.objectContaining({
        route: 'HATE_INCIDENT',
        incidentCount: 1,
        victim: { id: victim.id },
      }),
    ]);
    const [event] = await thresholdEvents(onCase.id);
    expect(event.summary).toContain('hate incident');
  });

  it('a complaint with no victim named raises no victim alert', async () => {
    const { council, onCase } = await setting();
    for (const days of [30, 20, 10])
      await complain({ by: council, caseId: onCase.id, occurredAt: daysAgo(days) });
    expect(await alertsFor(hub, onCase.id, council.token)).toEqual([]);
  });

  describe('who sees alerts', () => {
    it('the alert is visible only to partners on the case', async () => {
      const { council, housing, victim, onCase } = await setting();
      for (const days of [30, 20, 10])
        await complain({
          by: council,
          caseId: onCase.id,
          occurredAt: daysAgo(days),
          victims: [victim],
        });
      expect(await alertsFor(hub, onCase.id, housing.token)).toHaveLength(1);

      const outsider = await makePartnerMember(hub.em(), PartnerKind.HOUSING);
      expect(await alertsFor(hub, onCase.id, outsider.token)).toEqual([]);
      const all = await hub.request(ALERTS, {}, outsider.token);
      expect(all.data!.caseReviewAlerts!.map((a) => a.case?.id)).not.toContain(onCase.id);

      const anonymous = await hub.request(ALERTS, { caseId: onCase.id });
      expect({ status: anonymous.status, codes: codes(anonymous) }).toEqual({
        status: 401,
        codes: ['UNAUTHENTICATED'],
      });
    });

    it('an analyst on the case sees the route and counts but not who the victim is', async () => {
      const { council, victim, onCase } = await setting();
      for (const days of [30, 20, 10])
        await complain({
          by: council,
          caseId: onCase.id,
          occurredAt: daysAgo(days),
          victims: [victim],
        });
      const analyst = await makeMember(hub.em(), council.partner, Role.ANALYST);
      const response = await hub.request(ALERTS, { caseId: onCase.id }, analyst.token);
      expect(response.data!.caseReviewAlerts).toEqual([
        expect.objectContaining({ route: 'VICTIM_THRESHOLD', incidentCount: 3, victim: null }),
      ]);
      expect(codes(response)).toEqual(['FORBIDDEN']);
      expect(response.errors![0].extensions!.field).toBe('CaseReviewAlert.victim');
    });

    it('an administrator may not list alerts', async () => {
      const { council } = await setting();
      const admin = await makeMember(hub.em(), council.partner, Role.ADMINISTRATOR);
      const response = await hub.request(ALERTS, {}, admin.token);
      expect(codes(response)).toEqual(['FORBIDDEN']);
      expect(response.data!.caseReviewAlerts).toBeNull();
    });
  });

  describe('dismissing an alert', () => {
    async function withAlert() {
      const found = await setting();
      for (const days of [30, 20, 10])
        await complain({
          by: found.council,
          caseId: found.onCase.id,
          occurredAt: daysAgo(days),
          victims: [found.victim],
        });
      const [alert] = await alertsFor(hub, found.onCase.id, found.council.token);
      const rows = async () => ({
        open: await hub.em().count(CaseReviewAlert, { id: alert.id, status: 'OPEN' as never }),
      });
      return { ...found, alert, rows };
    }

    it('a partner on the case dismisses an open alert, saying why, and it leaves the open list', async () => {
      const { police, onCase, alert } = await withAlert();
      const response = await hub.request(
        DISMISS_ALERT,
        {
          input: { alertId: alert.id, reason: 'Already under review at the problem-solving group' },
        },
        police.token,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.dismissCaseReviewAlert).toMatchObject({ status: 'DISMISSED' });
      expect(await alertsFor(hub, onCase.id, police.token)).toEqual([]);
      const dismissed = await hub.request(
        ALERTS,
        { caseId: onCase.id, status: 'DISMISSED' },
        police.token,
      );
      expect(dismissed.data!.caseReviewAlerts).toHaveLength(1);
    });

    it('refuses to dismiss for an anonymous caller, another partner, an unknown alert, no reason, or twice', async () => {
      const { council, alert, rows } = await withAlert();
      const input = { alertId: alert.id, reason: 'Dealt with' };
      await expectRefused(
        hub,
        rows,
        () => hub.request(DISMISS_ALERT, { input }),
        'UNAUTHENTICATED',
        401,
      );
      const outsider = await makePartnerMember(hub.em(), PartnerKind.POLICE);
      await expectRefused(
        hub,
        rows,
        () => hub.request(DISMISS_ALERT, { input }, outsider.token),
        'NOT_FOUND',
      );
      const analyst = await makeMember(hub.em(), council.partner, Role.ANALYST);
      await expectRefused(
        hub,
        rows,
        () => hub.request(DISMISS_ALERT, { input }, analyst.token),
        'FORBIDDEN',
      );
      for (const alertId of [UNKNOWN_ID, 'not-an-id'])
        await expectRefused(
          hub,
          rows,
          () => hub.request(DISMISS_ALERT, { input: { ...input, alertId } }, council.token),
          'NOT_FOUND',
        );
      const blank = await expectRefused(
        hub,
        rows,
        () => hub.request(DISMISS_ALERT, { input: { ...input, reason: ' ' } }, council.token),
        'BAD_USER_INPUT',
      );
      expect(field(blank)).toBe('reason');
      await hub.request(DISMISS_ALERT, { input }, council.token);
      await expectRefused(
        hub,
        rows,
        () => hub.request(DISMISS_ALERT, { input }, council.token),
        'CONFLICT',
      );
    });
  });

  it('a complaint refused by recordIncident raises nothing', async () => {
    const { council, victim, onCase } = await setting();
    for (const days of [30, 20])
      await complain({
        by: council,
        caseId: onCase.id,
        occurredAt: daysAgo(days),
        victims: [victim],
      });
    const before = await detectionRows(hub.em(), onCase.id);
    const refused = await hub.request(
      RECORD_INCIDENT,
      {
        input: {
          caseId: onCase.id,
          occurredAt: daysAgo(5).toISOString(),
          category: 'NUISANCE',
          description: ' ',
          people: [{ personId: victim.id, role: 'VICTIM' }],
        },
      },
      council.token,
    );
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(await detectionRows(hub.em(), onCase.id)).toEqual(before);
  });
});

/* The routes are the area's to set: these tests change the configuration, in a private database. */
describe('threshold detection with the area\u2019s own settings', () => {
  let local: TestHub;
  beforeAll(async () => {
    local = await startTestHub({}, { private: true });
  });
  afterAll(async () => {
    await local?.close();
  });

  async function localSetting() {
    const em = local.em();
    const council = await makePartnerMember(em, PartnerKind.COUNCIL);
    const victim = await makePerson(em);
    const onCase = await makeCase(em, council, { people: [[victim, PersonRole.VICTIM]] });
    const record = async (days: number, hateIncident = false) => {
      const response = await local.request(
        RECORD_INCIDENT,
        {
          input: {
            caseId: onCase.id,
            occurredAt: daysAgo(days).toISOString(),
            reportedAt: daysAgo(days).toISOString(),
            category: 'PERSONAL',
            description: 'Abuse shouted in the street',
            people: [{ personId: victim.id, role: 'VICTIM' }],
            hateIncident,
          },
        },
        council.token,
      );
      expect(response.errors).toBeUndefined();
    };
    const routes = async () => {
      const response = await local.request(ALERTS, { caseId: onCase.id }, council.token);
      return response.data!.caseReviewAlerts!.map((a) => `${a.route}:${a.incidentCount}`);
    };
    return { record, routes };
  }

  it('with the hate incident route turned off, a hate incident raises no alert', async () => {
    await local.em().nativeUpdate(AreaConfiguration, { id: 1 }, { hateIncidentRoute: false });
    const { record, routes } = await localSetting();
    await record(3, true);
    expect(await routes()).toEqual([]);
    await local.em().nativeUpdate(AreaConfiguration, { id: 1 }, { hateIncidentRoute: true });
  });

  it('an area threshold of two raises the alert at the second qualifying complaint', async () => {
    await local.em().nativeUpdate(AreaConfiguration, { id: 1 }, { caseReviewThreshold: 2 });
    const { record, routes } = await localSetting();
    await record(30);
    expect(await routes()).toEqual([]);
    await record(10);
    expect(await routes()).toEqual(['VICTIM_THRESHOLD:2']);
    await local.em().nativeUpdate(AreaConfiguration, { id: 1 }, { caseReviewThreshold: 3 });
  });

  it('a three-month window leaves out a complaint made four months before the latest', async () => {
    await local.em().nativeUpdate(AreaConfiguration, { id: 1 }, { caseReviewWindowMonths: 3 });
    const { record, routes } = await localSetting();
    await record(125);
    await record(60);
    await record(5);
    expect(await routes()).toEqual([]);
    await local.em().nativeUpdate(AreaConfiguration, { id: 1 }, { caseReviewWindowMonths: 6 });
  });
});
