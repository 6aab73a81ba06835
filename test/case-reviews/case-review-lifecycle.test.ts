import { clock } from '../../src/common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActionSource } from '../../src/actions/action-enums';
import { Action } from '../../src/actions/action.entity';
import { CaseReviewAlert } from '../../src/case-reviews/case-review-alert.entity';
import { CaseReviewRoute } from '../../src/case-reviews/case-review-workflow.enum';
import { CaseReviewDecision } from '../../src/case-reviews/case-review-decision.entity';
import { HubEventKind } from '../../src/notifications/hub-event-kind.enum';
import { HubEvent } from '../../src/notifications/hub-event.entity';
import {
  makeCase,
  makeIncident,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
  type Member,
} from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import {
  daysAgo,
  daysFromNow,
  expectRefused,
  field,
  MALFORMED_ID,
  NON_CASEWORK_ROLES,
  UNKNOWN_ID,
  type RowCounts,
} from '../mutations/refusals';
import {
  APPLICATION,
  APPLICATIONS,
  at,
  DECIDE,
  OVERDUE,
  RECORD_APPLICATION,
  RECORD_RECOMMENDATIONS,
  RECORD_STEP,
} from './case-review-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

/** Monday 22 December 2025: the working-day deadlines run over Christmas and New Year. */
const APPLIED = '2025-12-22T10:00:00Z';

/** A council-led case with the police and a housing provider, a victim and a perpetrator. */
async function setting() {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const victim = await makePerson(em);
  const perpetrator = await makePerson(em);
  const onCase = await makeCase(em, council, {
    others: [police.partner, housing.partner],
    people: [
      [victim, PersonRole.VICTIM],
      [perpetrator, PersonRole.PERPETRATOR],
    ],
  });
  // Three complaints made in the autumn of 2025, each reported minutes after the behaviour.
  const incidentIds: string[] = [];
  for (const day of ['2025-10-01', '2025-11-01', '2025-12-01'])
    incidentIds.push((await makeIncident(em, onCase, police.partner, at(`${day}T21:00:00Z`))).id);
  return { council, police, housing, victim, perpetrator, onCase, incidentIds };
}

type Setting = Awaited<ReturnType<typeof setting>>;

async function apply(s: Setting, overrides: Record<string, unknown> = {}, by: Member = s.council) {
  const response = await hub.request(
    RECORD_APPLICATION,
    {
      input: {
        caseId: s.onCase.id,
        victimId: s.victim.id,
        appliedAt: APPLIED,
        channel: 'PHONE',
        madeByVictim: true,
        ...overrides,
      },
    },
    by.token,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.recordCaseReviewApplication!;
}

const step = (applicationId: string, name: string, when: string, member: Member, notes?: string) =>
  hub.request(RECORD_STEP, { input: { applicationId, step: name, at: when, notes } }, member.token);

const decide = (
  s: Setting,
  applicationId: string,
  when: string,
  overrides: Record<string, unknown> = {},
) =>
  hub.request(
    DECIDE,
    {
      input: {
        caseId: s.onCase.id,
        victimId: s.victim.id,
        incidentIds: s.incidentIds,
        outcome: 'REVIEW_THRESHOLD_MET',
        reasons: 'Three qualifying complaints in six months',
        decidedAt: when,
        applicationId,
        ...overrides,
      },
    },
    s.council.token,
  );

async function ok<R>(response: Promise<{ errors?: unknown; data?: R | null }>) {
  const answer = await response;
  expect(answer.errors).toBeUndefined();
  return answer.data!;
}

const moment = (value: Date | string | null) => (value ? new Date(value).getTime() : 0);

/** Everything a step can change: the application's dates, and decisions, actions and events on the case. */
const rowsOf =
  (caseId: string, applicationId?: string): RowCounts =>
  async (em: EntityManager) => {
    const [row] = applicationId
      ? await em.execute(`select * from case_review_application where id = ?`, [applicationId])
      : [undefined];
    const [applications] = await em.execute<{ n: string }[]>(
      `select count(*) as n from case_review_application where case_id = ?`,
      [caseId],
    );
    return {
      applications: Number(applications.n),
      acknowledgedAt: moment(row?.acknowledged_at ?? null),
      decided: row?.decision_id ? 1 : 0,
      meetingHeldAt: moment(row?.meeting_held_at ?? null),
      respondedAt: moment(row?.responded_at ?? null),
      appealedAt: moment(row?.appealed_at ?? null),
      closedAt: moment(row?.closed_at ?? null),
      decisions: await em.count(CaseReviewDecision, { case: caseId }),
      actions: await em.count(Action, { case: caseId }),
      events: await em.count(HubEvent, { case: caseId }),
      openAlerts: await em.count(CaseReviewAlert, { case: caseId, status: 'OPEN' as never }),
    };
  };

describe('the ASB case review lifecycle', () => {
  it('deadlines count working days from an application on Monday 22 December 2025, skipping weekends, Christmas, Boxing Day and New Year\u2019s Day', async () => {
    const s = await setting();
    const application = await apply(s);
    // Acknowledge in 10 working days: 23, 24, 29, 30, 31 December, 2, 5, 6, 7, 8 January.
    // Decide in 15: then 9, 12, 13, 14, 15 January. Meet in 20: then 16, 19, 20, 21, 22 January.
    expect(application.deadlines).toEqual([
      { step: 'ACKNOWLEDGEMENT', dueDate: '2026-01-08', completedAt: null, overdue: true },
      { step: 'DECISION', dueDate: '2026-01-15', completedAt: null, overdue: true },
      { step: 'REVIEW_MEETING', dueDate: '2026-01-22', completedAt: null, overdue: true },
    ]);
  });

  it('a case review runs in order from application to closure, each step dated, the recommendations becoming actions for partners on the case', async () => {
    const s = await setting();
    const { id } = await apply(s);
    await ok(step(id, 'ACKNOWLEDGEMENT', '2026-01-05T10:00:00Z', s.council));
    const decision = await ok(decide(s, id, '2026-01-12T10:00:00Z'));
    expect(decision.recordCaseReviewDecision).toMatchObject({
      outcome: 'REVIEW_THRESHOLD_MET',
      thresholdMet: true,
    });
    const met = await ok(step(id, 'REVIEW_MEETING', '2026-01-20T14:00:00Z', s.police));
    // Respond within 5 working days of the meeting: 21, 22, 23, 26, 27 January.
    expect(met.recordCaseReviewStep!.deadlines).toContainEqual({
      step: 'RESPONSE',
      dueDate: '2026-01-27',
      completedAt: null,
      overdue: true,
    });

    const recommended = await ok(
      hub.request(
        RECORD_RECOMMENDATIONS,
        {
          input: {
            applicationId: id,
            recordedAt: '2026-01-20T16:00:00Z',
            recommendations: [
              {
                partnerId: s.police.partner.id,
                title: 'Joint patrols on Friday nights',
                dueDate: '2026-02-20',
              },
              {
                partnerId: s.housing.partner.id,
                title: 'Tenancy warning to the perpetrator',
                details: 'Use the ASB clause',
                dueDate: '2026-02-06',
              },
            ],
          },
        },
        s.council.token,
      ),
    );
    expect(
      recommended.recordCaseReviewRecommendations!.recommendations.map((r) => [
        r.assignedPartner.id,
        r.dueDate,
        r.status,
      ]),
    ).toEqual([
      // Soonest due first.
      [s.housing.partner.id, '2026-02-06', 'OPEN'],
      [s.police.partner.id, '2026-02-20', 'OPEN'],
    ]);
    const actions = await hub
      .em()
      .find(Action, { case: s.onCase.id, source: ActionSource.CASE_REVIEW_RECOMMENDATION });
    expect(actions).toHaveLength(2);
    const assigned = await hub
      .em()
      .find(HubEvent, { case: s.onCase.id, kind: HubEventKind.ACTION_ASSIGNED });
    expect(assigned.map((e) => e.audiencePartner?.id).sort()).toEqual(
      [s.police.partner.id, s.housing.partner.id].sort(),
    );

    const responded = await ok(
      step(id, 'RESPONSE', '2026-01-26T10:00:00Z', s.council, 'Letter sent with the outcome'),
    );
    // The appeal window: 20 working days after 26 January, that is to 23 February.
    expect(responded.recordCaseReviewStep!.appealDeadline).toBe('2026-02-23');
    const appealed = await ok(
      step(id, 'APPEAL', '2026-02-10T10:00:00Z', s.council, 'Victim says patrols are not enough'),
    );
    expect(appealed.recordCaseReviewStep!.appealHeardBy).toBe('Police and crime commissioner');
    const closed = await ok(step(id, 'CLOSURE', '2026-03-02T10:00:00Z', s.council));

    expect(closed.recordCaseReviewStep).toMatchObject({
      appliedAt: '2025-12-22T10:00:00.000Z',
      acknowledgedAt: '2026-01-05T10:00:00.000Z',
      decision: { outcome: 'REVIEW_THRESHOLD_MET' },
      meetingHeldAt: '2026-01-20T14:00:00.000Z',
      respondedAt: '2026-01-26T10:00:00.000Z',
      responseSummary: 'Letter sent with the outcome',
      appealedAt: '2026-02-10T10:00:00.000Z',
      closedAt: '2026-03-02T10:00:00.000Z',
    });
    expect(
      closed.recordCaseReviewStep!.deadlines.map((d) => [d.step, d.dueDate, d.overdue]),
    ).toEqual([
      ['ACKNOWLEDGEMENT', '2026-01-08', false],
      ['DECISION', '2026-01-15', false],
      ['REVIEW_MEETING', '2026-01-22', false],
      ['RESPONSE', '2026-01-27', false],
    ]);
    const listed = await ok(hub.request(APPLICATIONS, { caseId: s.onCase.id }, s.housing.token));
    expect(listed.caseReviewApplications!.map((a) => a.id)).toEqual([id]);
  });

  it('each step recorded out of order is refused with CASE_REVIEW_STEP_OUT_OF_ORDER, naming the step that must come first, and changes nothing', async () => {
    const s = await setting();
    const { id } = await apply(s);
    const rows = rowsOf(s.onCase.id, id);
    const refusedFor = async (send: () => Promise<any>, first: RegExp) => {
      const response = await expectRefused(hub, rows, send, 'CASE_REVIEW_STEP_OUT_OF_ORDER');
      expect(response.errors![0].message).toMatch(first);
      expect(response.errors![0].message).toMatch(
        /\((2014 Act s\.104|statutory guidance|area procedure)\)/,
      );
    };
    const recommend = () =>
      hub.request(
        RECORD_RECOMMENDATIONS,
        {
          input: {
            applicationId: id,
            recordedAt: '2026-01-20T16:00:00Z',
            recommendations: [
              { partnerId: s.police.partner.id, title: 'Patrols', dueDate: '2026-02-20' },
            ],
          },
        },
        s.council.token,
      );

    await refusedFor(
      () => decide(s, id, '2026-01-12T10:00:00Z'),
      /record the acknowledgement first/,
    );
    await refusedFor(
      () => step(id, 'REVIEW_MEETING', '2026-01-20T10:00:00Z', s.council),
      /record the decision first/,
    );
    await refusedFor(
      () => step(id, 'RESPONSE', '2026-01-26T10:00:00Z', s.council, 'Told'),
      /record the decision first/,
    );
    await refusedFor(
      () => step(id, 'APPEAL', '2026-02-10T10:00:00Z', s.council, 'Grounds'),
      /record the response to the victim first/,
    );
    await refusedFor(
      () => step(id, 'CLOSURE', '2026-03-01T10:00:00Z', s.council),
      /record the response to the victim first/,
    );
    await refusedFor(recommend, /record the review meeting first/);

    await ok(step(id, 'ACKNOWLEDGEMENT', '2026-01-05T10:00:00Z', s.council));
    await ok(decide(s, id, '2026-01-12T10:00:00Z'));
    await refusedFor(
      () => step(id, 'RESPONSE', '2026-01-26T10:00:00Z', s.council, 'Told'),
      /record the review meeting first/,
    );
    await refusedFor(recommend, /record the review meeting first/);
  });

  it('a step dated before the step it follows, or in the future, is refused and changes nothing', async () => {
    const s = await setting();
    const { id } = await apply(s);
    const rows = rowsOf(s.onCase.id, id);
    const early = await expectRefused(
      hub,
      rows,
      () => step(id, 'ACKNOWLEDGEMENT', '2025-12-21T10:00:00Z', s.council),
      'BAD_USER_INPUT',
    );
    expect(field(early)).toBe('at');
    expect(early.errors![0].message).toMatch(/before the step it follows/);
    const future = await expectRefused(
      hub,
      rows,
      () => step(id, 'ACKNOWLEDGEMENT', daysFromNow(1).toISOString(), s.council),
      'BAD_USER_INPUT',
    );
    expect(field(future)).toBe('at');

    await ok(step(id, 'ACKNOWLEDGEMENT', '2026-01-05T10:00:00Z', s.council));
    const decidedEarly = await expectRefused(
      hub,
      rows,
      () => decide(s, id, '2026-01-02T10:00:00Z'),
      'BAD_USER_INPUT',
    );
    expect(field(decidedEarly)).toBe('decidedAt');
    await ok(decide(s, id, '2026-01-12T10:00:00Z'));
    const meetingEarly = await expectRefused(
      hub,
      rows,
      () => step(id, 'REVIEW_MEETING', '2026-01-11T10:00:00Z', s.council),
      'BAD_USER_INPUT',
    );
    expect(field(meetingEarly)).toBe('at');
  });

  it('a step already recorded is refused as a conflict, and nothing is recorded on a closed application', async () => {
    const s = await setting();
    const { id } = await apply(s);
    const rows = rowsOf(s.onCase.id, id);
    await ok(step(id, 'ACKNOWLEDGEMENT', '2026-01-05T10:00:00Z', s.council));
    await expectRefused(
      hub,
      rows,
      () => step(id, 'ACKNOWLEDGEMENT', '2026-01-06T10:00:00Z', s.council),
      'CONFLICT',
    );
    await ok(decide(s, id, '2026-01-12T10:00:00Z'));
    await expectRefused(hub, rows, () => decide(s, id, '2026-01-13T10:00:00Z'), 'CONFLICT');
    await ok(step(id, 'REVIEW_MEETING', '2026-01-20T10:00:00Z', s.council));
    await ok(step(id, 'RESPONSE', '2026-01-26T10:00:00Z', s.council, 'Outcome letter'));
    await ok(step(id, 'CLOSURE', '2026-01-27T10:00:00Z', s.council));
    await expectRefused(
      hub,
      rows,
      () => step(id, 'CLOSURE', '2026-01-28T10:00:00Z', s.council),
      'CONFLICT',
    );
    await expectRefused(
      hub,
      rows,
      () => step(id, 'APPEAL', '2026-01-28T10:00:00Z', s.council, 'Late thought'),
      'CONFLICT',
    );
  });

  it('when the partners decide not to review there is no review meeting, and the response follows the decision', async () => {
    const s = await setting();
    const { id } = await apply(s);
    const rows = rowsOf(s.onCase.id, id);
    await ok(step(id, 'ACKNOWLEDGEMENT', '2026-01-05T10:00:00Z', s.council));
    const decided = await ok(
      decide(s, id, '2026-01-12T10:00:00Z', {
        incidentIds: [s.incidentIds[2]],
        outcome: 'NO_REVIEW',
        reasons: 'One complaint; the perpetrator has moved away',
      }),
    );
    expect(decided.recordCaseReviewDecision!.thresholdMet).toBe(false);
    const meeting = await expectRefused(
      hub,
      rows,
      () => step(id, 'REVIEW_MEETING', '2026-01-20T10:00:00Z', s.council),
      'BAD_USER_INPUT',
    );
    expect(field(meeting)).toBe('step');
    const answer = await ok(hub.request(APPLICATION, { id }, s.council.token));
    // Respond within 5 working days of the decision (12 January): 13, 14, 15, 16, 19 January.
    expect(answer.caseReviewApplication!.deadlines.map((d) => [d.step, d.dueDate])).toEqual([
      ['ACKNOWLEDGEMENT', '2026-01-08'],
      ['DECISION', '2026-01-15'],
      ['RESPONSE', '2026-01-19'],
    ]);
    await ok(step(id, 'RESPONSE', '2026-01-14T10:00:00Z', s.council, 'Decision letter'));
  });

  it('an appeal on the last working day of the appeal window is accepted; one on the next working day is refused with CASE_REVIEW_APPEAL_OUT_OF_TIME', async () => {
    const s = await setting();
    const { id } = await apply(s);
    const rows = rowsOf(s.onCase.id, id);
    await ok(step(id, 'ACKNOWLEDGEMENT', '2026-01-05T10:00:00Z', s.council));
    await ok(decide(s, id, '2026-01-12T10:00:00Z'));
    await ok(step(id, 'REVIEW_MEETING', '2026-01-20T10:00:00Z', s.council));
    await ok(step(id, 'RESPONSE', '2026-01-26T10:00:00Z', s.council, 'Outcome letter'));
    // 20 working days after Monday 26 January 2026 is Monday 23 February.
    const late = await expectRefused(
      hub,
      rows,
      () => step(id, 'APPEAL', '2026-02-24T09:00:00Z', s.council, 'Nothing has changed'),
      'CASE_REVIEW_APPEAL_OUT_OF_TIME',
    );
    expect(late.errors![0].message).toContain('2026-02-23');
    expect(late.errors![0].message).toContain('area procedure');
    const inTime = await ok(
      step(id, 'APPEAL', '2026-02-23T16:00:00Z', s.council, 'Nothing has changed'),
    );
    expect(inTime.recordCaseReviewStep).toMatchObject({
      appealedAt: '2026-02-23T16:00:00.000Z',
      appealGrounds: 'Nothing has changed',
      appealDeadline: '2026-02-23',
    });
  });

  it('the overdue query lists open applications with a step past its deadline, for casework on partners on the case only', async () => {
    const s = await setting();
    const old = await apply(s);
    const other = await setting();
    const fresh = await apply(other, { appliedAt: clock.now().toISOString() });
    const overdueFor = async (member: Member) =>
      (await ok(hub.request(OVERDUE, {}, member.token))).overdueCaseReviewApplications!;

    const seen = await overdueFor(s.housing);
    const listed = seen.find((a) => a.id === old.id);
    expect(listed?.deadlines.filter((d) => d.overdue).map((d) => d.step)).toEqual([
      'ACKNOWLEDGEMENT',
      'DECISION',
      'REVIEW_MEETING',
    ]);
    expect(seen.map((a) => a.id)).not.toContain(fresh.id);
    expect((await overdueFor(other.council)).map((a) => a.id)).not.toContain(old.id);

    const outsider = await makePartnerMember(hub.em(), PartnerKind.COUNCIL);
    expect((await overdueFor(outsider)).map((a) => a.id)).not.toContain(old.id);
    const analyst = await makeMember(hub.em(), s.council.partner, Role.ANALYST);
    const refused = await hub.request(OVERDUE, {}, analyst.token);
    expect(codes(refused)).toEqual(['FORBIDDEN']);

    // Acknowledged, decided and met: nothing is overdue until the response is due.
    await ok(step(old.id, 'ACKNOWLEDGEMENT', '2026-01-05T10:00:00Z', s.council));
    await ok(decide(s, old.id, '2026-01-12T10:00:00Z'));
    await ok(step(old.id, 'REVIEW_MEETING', daysAgo(1).toISOString(), s.council));
    expect((await overdueFor(s.council)).map((a) => a.id)).not.toContain(old.id);
  });

  it('a discretionary review of an application names what the partners considered (2014 Act s.104(5))', async () => {
    const s = await setting();
    const { id } = await apply(s);
    const rows = rowsOf(s.onCase.id, id);
    await ok(step(id, 'ACKNOWLEDGEMENT', '2026-01-05T10:00:00Z', s.council));
    const below = {
      incidentIds: s.incidentIds.slice(0, 2),
      outcome: 'DISCRETIONARY_REVIEW',
      reasons: 'Vulnerable victim',
    };
    const bare = await expectRefused(
      hub,
      rows,
      () => decide(s, id, '2026-01-12T10:00:00Z', below),
      'BAD_USER_INPUT',
    );
    expect(field(bare)).toBe('considerations');
    expect(bare.errors![0].message).toContain('s.104(5)');
    const decided = await ok(
      decide(s, id, '2026-01-12T10:00:00Z', {
        ...below,
        considerations: ['PERSISTENCE', 'HARM_OR_POTENTIAL_HARM'],
      }),
    );
    expect(decided.recordCaseReviewDecision).toMatchObject({
      outcome: 'DISCRETIONARY_REVIEW',
      considerations: ['PERSISTENCE', 'HARM_OR_POTENTIAL_HARM'],
    });
  });

  it('an application made on the victim\u2019s behalf names the applicant, and answering an alert marks the alert actioned', async () => {
    const s = await setting();
    const alert = hub.em().create(CaseReviewAlert, {
      case: s.onCase,
      route: CaseReviewRoute.VICTIM_THRESHOLD,
      victim: s.victim,
      windowStart: at('2025-07-01T00:00:00Z'),
      windowEnd: at('2025-12-01T21:10:00Z'),
    });
    await hub.em().persistAndFlush(alert);
    const application = await apply(
      s,
      {
        madeByVictim: false,
        applicantName: 'Ward councillor',
        applicantRelationship: 'Councillor',
        channel: 'EMAIL',
        alertId: alert.id,
      },
      s.housing,
    );
    expect(application).toMatchObject({
      madeByVictim: false,
      applicantName: 'Ward councillor',
      channel: 'EMAIL',
      victim: { id: s.victim.id },
      receivedBy: { id: s.housing.partner.id },
    });
    const reloaded = await hub.em().findOneOrFail(CaseReviewAlert, { id: alert.id });
    expect(reloaded.status).toBe('ACTIONED');
  });

  it('analysts on the case see the dates but not who applied or for whom; other partners see nothing', async () => {
    const s = await setting();
    const { id } = await apply(s, { madeByVictim: false, applicantName: 'Victim\u2019s daughter' });
    const analyst = await makeMember(hub.em(), s.council.partner, Role.ANALYST);
    const seen = await hub.request(APPLICATION, { id }, analyst.token);
    expect(seen.data!.caseReviewApplication).toMatchObject({
      appliedAt: '2025-12-22T10:00:00.000Z',
      victim: null,
      applicantName: null,
    });
    expect(new Set(codes(seen))).toEqual(new Set(['FORBIDDEN']));
    const outsider = await makePartnerMember(hub.em(), PartnerKind.HOUSING);
    for (const asked of [id, UNKNOWN_ID, MALFORMED_ID]) {
      const hidden = await hub.request(APPLICATION, { id: asked }, outsider.token);
      expect(codes(hidden)).toEqual(['NOT_FOUND']);
    }
    expect(codes(await hub.request(APPLICATIONS, { caseId: s.onCase.id }, outsider.token))).toEqual(
      ['NOT_FOUND'],
    );
  });

  describe('recordCaseReviewApplication refuses, writing nothing,', () => {
    const input = (s: Setting, overrides: Record<string, unknown> = {}) => ({
      caseId: s.onCase.id,
      victimId: s.victim.id,
      appliedAt: APPLIED,
      channel: 'PHONE',
      madeByVictim: true,
      ...overrides,
    });
    const send = (s: Setting, overrides: Record<string, unknown>, member?: Member) =>
      hub.request(RECORD_APPLICATION, { input: input(s, overrides) }, member?.token);

    it('refuses an anonymous caller', async () => {
      const s = await setting();
      await expectRefused(hub, rowsOf(s.onCase.id), () => send(s, {}), 'UNAUTHENTICATED', 401);
    });

    it('refuses analysts, administrators and other roles that do not do casework', async () => {
      const s = await setting();
      for (const role of NON_CASEWORK_ROLES) {
        const member = await makeMember(hub.em(), s.council.partner, role);
        await expectRefused(hub, rowsOf(s.onCase.id), () => send(s, {}, member), 'FORBIDDEN');
      }
    });

    it('does not let another partner apply on a case it is not part of, and treats unknown cases alike', async () => {
      const s = await setting();
      const outsider = await makePartnerMember(hub.em(), PartnerKind.POLICE);
      await expectRefused(hub, rowsOf(s.onCase.id), () => send(s, {}, outsider), 'NOT_FOUND');
      for (const caseId of [UNKNOWN_ID, MALFORMED_ID])
        await expectRefused(
          hub,
          rowsOf(s.onCase.id),
          () => send(s, { caseId }, s.council),
          'NOT_FOUND',
        );
    });

    it('refuses someone who is not a victim in the case, a future date, a missing applicant and an unknown channel', async () => {
      const s = await setting();
      const rows = rowsOf(s.onCase.id);
      const notVictim = await expectRefused(
        hub,
        rows,
        () => send(s, { victimId: s.perpetrator.id }, s.council),
        'BAD_USER_INPUT',
      );
      expect(field(notVictim)).toBe('victimId');
      // An id no case of the council's knows is not found, as any hidden one would be.
      await expectRefused(
        hub,
        rows,
        () => send(s, { victimId: UNKNOWN_ID }, s.council),
        'NOT_FOUND',
      );
      const future = await expectRefused(
        hub,
        rows,
        () => send(s, { appliedAt: daysFromNow(2).toISOString() }, s.council),
        'BAD_USER_INPUT',
      );
      expect(field(future)).toBe('appliedAt');
      const onBehalf = await expectRefused(
        hub,
        rows,
        () => send(s, { madeByVictim: false }, s.council),
        'BAD_USER_INPUT',
      );
      expect(field(onBehalf)).toBe('applicantName');
      await expectRefused(
        hub,
        rows,
        () => send(s, { channel: 'CARRIER_PIGEON' }, s.council),
        'BAD_USER_INPUT',
        400,
      );
      await expectRefused(
        hub,
        rows,
        () => send(s, { alertId: UNKNOWN_ID }, s.council),
        'NOT_FOUND',
      );
    });

    it('refuses a second open application for the same victim', async () => {
      const s = await setting();
      await apply(s);
      await expectRefused(hub, rowsOf(s.onCase.id), () => send(s, {}, s.police), 'CONFLICT');
    });
  });

  describe('recordCaseReviewStep refuses, writing nothing,', () => {
    it('refuses an anonymous caller, another partner, unknown ids, an unknown step and steps with their own mutation', async () => {
      const s = await setting();
      const { id } = await apply(s);
      const rows = rowsOf(s.onCase.id, id);
      const input = { applicationId: id, step: 'ACKNOWLEDGEMENT', at: '2026-01-05T10:00:00Z' };
      await expectRefused(
        hub,
        rows,
        () => hub.request(RECORD_STEP, { input }),
        'UNAUTHENTICATED',
        401,
      );
      const outsider = await makePartnerMember(hub.em(), PartnerKind.HOUSING);
      await expectRefused(
        hub,
        rows,
        () => hub.request(RECORD_STEP, { input }, outsider.token),
        'NOT_FOUND',
      );
      const legal = await makeMember(hub.em(), s.police.partner, Role.LEGAL);
      await expectRefused(
        hub,
        rows,
        () => hub.request(RECORD_STEP, { input }, legal.token),
        'FORBIDDEN',
      );
      for (const applicationId of [UNKNOWN_ID, MALFORMED_ID])
        await expectRefused(
          hub,
          rows,
          () => hub.request(RECORD_STEP, { input: { ...input, applicationId } }, s.council.token),
          'NOT_FOUND',
        );
      await expectRefused(
        hub,
        rows,
        () => hub.request(RECORD_STEP, { input: { ...input, step: 'PARTY' } }, s.council.token),
        'BAD_USER_INPUT',
        400,
      );
      for (const own of ['DECISION', 'RECOMMENDATIONS', 'APPLICATION']) {
        const response = await expectRefused(
          hub,
          rows,
          () => hub.request(RECORD_STEP, { input: { ...input, step: own } }, s.council.token),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe('step');
      }
    });

    it('refuses a response with nothing said to the victim, and an appeal with no grounds', async () => {
      const s = await setting();
      const { id } = await apply(s);
      const rows = rowsOf(s.onCase.id, id);
      await ok(step(id, 'ACKNOWLEDGEMENT', '2026-01-05T10:00:00Z', s.council));
      await ok(decide(s, id, '2026-01-12T10:00:00Z'));
      await ok(step(id, 'REVIEW_MEETING', '2026-01-20T10:00:00Z', s.council));
      const silent = await expectRefused(
        hub,
        rows,
        () => step(id, 'RESPONSE', '2026-01-26T10:00:00Z', s.council),
        'BAD_USER_INPUT',
      );
      expect(field(silent)).toBe('notes');
      await ok(step(id, 'RESPONSE', '2026-01-26T10:00:00Z', s.council, 'Outcome letter'));
      const groundless = await expectRefused(
        hub,
        rows,
        () => step(id, 'APPEAL', '2026-01-28T10:00:00Z', s.council, ' '),
        'BAD_USER_INPUT',
      );
      expect(field(groundless)).toBe('notes');
    });
  });

  describe('recordCaseReviewRecommendations refuses, writing nothing,', () => {
    async function afterMeeting() {
      const s = await setting();
      const { id } = await apply(s);
      await ok(step(id, 'ACKNOWLEDGEMENT', '2026-01-05T10:00:00Z', s.council));
      await ok(decide(s, id, '2026-01-12T10:00:00Z'));
      await ok(step(id, 'REVIEW_MEETING', '2026-01-20T10:00:00Z', s.council));
      const input = {
        applicationId: id,
        recordedAt: '2026-01-20T16:00:00Z',
        recommendations: [
          { partnerId: s.police.partner.id, title: 'Patrols', dueDate: '2026-02-20' },
        ],
      };
      const send = (overrides: Record<string, unknown>, member?: Member) =>
        hub.request(RECORD_RECOMMENDATIONS, { input: { ...input, ...overrides } }, member?.token);
      return { s, id, rows: rowsOf(s.onCase.id, id), input, send };
    }

    it('refuses an anonymous caller, another partner, and unknown applications', async () => {
      const { rows, send } = await afterMeeting();
      await expectRefused(hub, rows, () => send({}), 'UNAUTHENTICATED', 401);
      const outsider = await makePartnerMember(hub.em(), PartnerKind.POLICE);
      await expectRefused(hub, rows, () => send({}, outsider), 'NOT_FOUND');
      const { s } = await afterMeeting();
      for (const applicationId of [UNKNOWN_ID, MALFORMED_ID])
        await expectRefused(hub, rows, () => send({ applicationId }, s.council), 'NOT_FOUND');
    });

    it('refuses a partner not on the case, a due date before the meeting, a malformed date, a future date and an empty list', async () => {
      const { s, rows, input, send } = await afterMeeting();
      const outsider = await makePartnerMember(hub.em(), PartnerKind.OTHER);
      const stranger = await expectRefused(
        hub,
        rows,
        () =>
          send(
            { recommendations: [{ ...input.recommendations[0], partnerId: outsider.partner.id }] },
            s.council,
          ),
        'BAD_USER_INPUT',
      );
      expect(field(stranger)).toBe('recommendations');
      const before = await expectRefused(
        hub,
        rows,
        () =>
          send(
            { recommendations: [{ ...input.recommendations[0], dueDate: '2026-01-19' }] },
            s.council,
          ),
        'BAD_USER_INPUT',
      );
      expect(field(before)).toBe('dueDate');
      await expectRefused(
        hub,
        rows,
        () =>
          send(
            { recommendations: [{ ...input.recommendations[0], dueDate: '2026-02-30' }] },
            s.council,
          ),
        'BAD_USER_INPUT',
        400,
      );
      const future = await expectRefused(
        hub,
        rows,
        () => send({ recordedAt: daysFromNow(3).toISOString() }, s.council),
        'BAD_USER_INPUT',
      );
      expect(field(future)).toBe('recordedAt');
      const empty = await expectRefused(
        hub,
        rows,
        () => send({ recommendations: [] }, s.council),
        'BAD_USER_INPUT',
      );
      expect(field(empty)).toBe('recommendations');
    });
  });

  describe('recordCaseReviewDecision with an application refuses, writing nothing,', () => {
    it('refuses an unknown application, another victim\u2019s application and a second decision', async () => {
      const s = await setting();
      const { id } = await apply(s);
      const rows = rowsOf(s.onCase.id, id);
      await ok(step(id, 'ACKNOWLEDGEMENT', '2026-01-05T10:00:00Z', s.council));
      for (const applicationId of [UNKNOWN_ID, MALFORMED_ID])
        await expectRefused(
          hub,
          rows,
          () => decide(s, applicationId, '2026-01-12T10:00:00Z'),
          'NOT_FOUND',
        );

      const other = await makePerson(hub.em());
      const em = hub.em();
      em.create('CasePerson', { case: s.onCase.id, person: other.id, role: PersonRole.VICTIM });
      await em.flush();
      const mismatch = await expectRefused(
        hub,
        rows,
        () => decide(s, id, '2026-01-12T10:00:00Z', { victimId: other.id }),
        'BAD_USER_INPUT',
      );
      expect(field(mismatch)).toBe('applicationId');

      await ok(decide(s, id, '2026-01-12T10:00:00Z'));
      await expectRefused(hub, rows, () => decide(s, id, '2026-01-13T10:00:00Z'), 'CONFLICT');
    });
  });
});
