import { isoDay } from '../../src/common/dates';
import { HubEventKind } from '../../src/notifications/hub-event-kind.enum';
import { HubEvent } from '../../src/notifications/hub-event.entity';
import {
  makeCase,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  type Member,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { daysAfter, daysAgo } from '../mutations/refusals';
import type { Person } from '../../src/people/person.entity';
import {
  alertsFor,
  DECIDE,
  RECORD_APPLICATION,
  RECORD_INCIDENT,
  RECORD_STEP,
  type AlertView,
} from './case-review-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

/** A council-led case with the police, one victim. */
async function setting() {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const victim = await makePerson(em);
  const onCase = await makeCase(em, council, {
    others: [police.partner],
    people: [[victim, PersonRole.VICTIM]],
  });
  return { council, police, victim, onCase };
}
type Setting = Awaited<ReturnType<typeof setting>>;

/** A complaint made an hour after the behaviour, `days` ago: returns the incident and when made. */
async function complain(s: Setting, days: number, by: Member = s.council, victim?: Person) {
  const occurredAt = daysAgo(days);
  const reportedAt = daysAfter(occurredAt, 1 / 24);
  const response = await hub.request(
    RECORD_INCIDENT,
    {
      input: {
        caseId: s.onCase.id,
        occurredAt: occurredAt.toISOString(),
        reportedAt: reportedAt.toISOString(),
        category: 'NUISANCE',
        description: 'Shouting and banging on the door late at night',
        people: [{ personId: (victim ?? s.victim).id, role: 'VICTIM' }],
      },
    },
    by.token,
  );
  expect(response.errors).toBeUndefined();
  return { id: response.data!.recordIncident!.incident.id, madeAt: reportedAt };
}

const thresholdEvents = (caseId: string) =>
  hub
    .em()
    .find(
      HubEvent,
      { case: caseId, kind: HubEventKind.CASE_REVIEW_THRESHOLD_MET },
      { orderBy: { occurredAt: 'asc' } },
    );

async function ok<R>(response: Promise<{ errors?: unknown; data?: R | null }>) {
  const answer = await response;
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

/** The victim applies, answering the alert; the application is acknowledged. */
async function applyFor(s: Setting, alert: AlertView, days: number) {
  const applied = await ok(
    hub.request(
      RECORD_APPLICATION,
      {
        input: {
          caseId: s.onCase.id,
          victimId: s.victim.id,
          alertId: alert.id,
          appliedAt: daysAgo(days).toISOString(),
          channel: 'PHONE',
          madeByVictim: true,
        },
      },
      s.council.token,
    ),
  );
  const id = applied.recordCaseReviewApplication!.id;
  await ok(
    hub.request(
      RECORD_STEP,
      {
        input: { applicationId: id, step: 'ACKNOWLEDGEMENT', at: daysAgo(days - 1).toISOString() },
      },
      s.council.token,
    ),
  );
  return id;
}

/** The partners decide to review on the complaints counted. */
const decide = (s: Setting, applicationId: string, incidentIds: string[], days: number) =>
  ok(
    hub.request(
      DECIDE,
      {
        input: {
          caseId: s.onCase.id,
          victimId: s.victim.id,
          incidentIds,
          outcome: 'REVIEW_THRESHOLD_MET',
          reasons: 'Three qualifying complaints in six months',
          decidedAt: daysAgo(days).toISOString(),
          applicationId,
        },
      },
      s.council.token,
    ),
  );

/** Three complaints 150, 140 and 130 days ago meet the threshold; the victim applies at 120. */
async function reviewedOnce(s: Setting) {
  const first = [await complain(s, 150), await complain(s, 140), await complain(s, 130)];
  const [alert] = await alertsFor(hub, s.onCase.id, s.council.token);
  expect(alert.incidentCount).toBe(3);
  const applicationId = await applyFor(s, alert, 120);
  return { first, alert, applicationId };
}

const open = (alerts: AlertView[]) => alerts.filter((alert) => alert.status === 'OPEN');

describe('ASB case review counting after a review', () => {
  it('after a decided review, the next single complaint raises no alert and no threshold-met notice', async () => {
    const s = await setting();
    const { first, applicationId } = await reviewedOnce(s);
    await decide(
      s,
      applicationId,
      first.map((c) => c.id),
      115,
    );
    // Within six months of all three reviewed complaints: counting them again would meet it.
    await complain(s, 100, s.police);
    expect(open(await alertsFor(hub, s.onCase.id, s.council.token))).toEqual([]);
    expect(await thresholdEvents(s.onCase.id)).toHaveLength(1);
  });

  it('after a decided review, three new complaints raise an alert counting only them, its window from the first new complaint to the third, and the notice says so', async () => {
    const s = await setting();
    const { first, applicationId } = await reviewedOnce(s);
    await decide(
      s,
      applicationId,
      first.map((c) => c.id),
      115,
    );
    const fresh = [await complain(s, 100), await complain(s, 90, s.police)];
    expect(open(await alertsFor(hub, s.onCase.id, s.council.token))).toEqual([]);
    fresh.push(await complain(s, 80));

    const [alert] = open(await alertsFor(hub, s.onCase.id, s.council.token));
    expect(alert).toMatchObject({
      route: 'VICTIM_THRESHOLD',
      incidentCount: 3,
      windowStart: fresh[0].madeAt.toISOString(),
      windowEnd: fresh[2].madeAt.toISOString(),
    });
    expect(alert.countedIncidents.map((i) => i.id).sort()).toEqual(fresh.map((c) => c.id).sort());

    const events = await thresholdEvents(s.onCase.id);
    expect(events).toHaveLength(2);
    expect(events[1].subjectIds).toEqual({
      alertId: alert.id,
      incidentIds: fresh.map((c) => c.id),
    });
    expect(events[1].summary).toContain('3 qualifying complaints by one victim');
    expect(events[1].summary).toContain(
      `complaints made ${isoDay(fresh[0].madeAt)} to ${isoDay(fresh[2].madeAt)}`,
    );
  });

  it('while an application answering the alert is in progress, a new complaint does not count the complaints it took to the review', async () => {
    const s = await setting();
    await reviewedOnce(s);
    await complain(s, 100);
    await complain(s, 95, s.police);
    // Two new complaints: below the threshold of three once the three under review are set aside.
    expect(open(await alertsFor(hub, s.onCase.id, s.council.token))).toEqual([]);
    expect(await thresholdEvents(s.onCase.id)).toHaveLength(1);
  });

  it('another partner reporting an episode already reviewed moves nothing', async () => {
    const s = await setting();
    const { first, applicationId } = await reviewedOnce(s);
    await decide(
      s,
      applicationId,
      first.map((c) => c.id),
      115,
    );
    const response = await hub.request(
      RECORD_INCIDENT,
      {
        input: {
          caseId: s.onCase.id,
          occurredAt: daysAgo(130).toISOString(),
          reportedAt: daysAfter(daysAgo(130), 2 / 24).toISOString(),
          category: 'NUISANCE',
          description: 'The same shouting, reported to the police',
          people: [{ personId: s.victim.id, role: 'VICTIM' }],
          sameEpisodeAsIncidentId: first[2].id,
        },
      },
      s.police.token,
    );
    expect(response.errors).toBeUndefined();
    expect(open(await alertsFor(hub, s.onCase.id, s.council.token))).toEqual([]);
    expect(await thresholdEvents(s.onCase.id)).toHaveLength(1);
  });

  it('an alert’s window is the one its counted complaints fall in, stretching as later complaints join it', async () => {
    const s = await setting();
    const made = [await complain(s, 80), await complain(s, 60), await complain(s, 40)];
    let [alert] = await alertsFor(hub, s.onCase.id, s.council.token);
    expect([alert.windowStart, alert.windowEnd]).toEqual([
      made[0].madeAt.toISOString(),
      made[2].madeAt.toISOString(),
    ]);
    const [event] = await thresholdEvents(s.onCase.id);
    expect(event.summary).toContain(
      `complaints made ${isoDay(made[0].madeAt)} to ${isoDay(made[2].madeAt)}`,
    );

    made.push(await complain(s, 20));
    [alert] = await alertsFor(hub, s.onCase.id, s.council.token);
    expect(alert.incidentCount).toBe(4);
    expect([alert.windowStart, alert.windowEnd]).toEqual([
      made[0].madeAt.toISOString(),
      made[3].madeAt.toISOString(),
    ]);
    for (const counted of alert.countedIncidents) {
      const madeAt = made.find((c) => c.id === counted.id)!.madeAt.toISOString();
      expect(madeAt >= alert.windowStart && madeAt <= alert.windowEnd).toBe(true);
    }
  });

  it('a complaint more than six months after an open alert’s first counted complaint does not join it', async () => {
    const s = await setting();
    const made = [await complain(s, 200), await complain(s, 190), await complain(s, 180)];
    const late = await complain(s, 10);
    const [alert] = await alertsFor(hub, s.onCase.id, s.council.token);
    expect(alert.countedIncidents.map((i) => i.id)).not.toContain(late.id);
    expect([alert.incidentCount, alert.windowStart, alert.windowEnd]).toEqual([
      3,
      made[0].madeAt.toISOString(),
      made[2].madeAt.toISOString(),
    ]);
  });
});
