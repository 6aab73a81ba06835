import { clock } from '../../src/common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseReviewDecision } from '../../src/case-reviews/case-review-decision.entity';
import type { Case } from '../../src/cases/case.entity';
import { subtractMonths } from '../../src/common/dates';
import type { Partner } from '../../src/partners/partner.entity';
import {
  ReadBackCaseDocument,
  RecordCaseReviewDecisionDocument,
  RecordIncidentDocument,
  type CaseReviewOutcome,
  type RecordCaseReviewDecisionInput,
} from '../generated/graphql';
import {
  addIncidentReport,
  makeCase,
  makeIncident,
  makeIncidentReportedAt,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  type Member,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import {
  daysAfter,
  daysAgo,
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

async function countedOnCase(em: EntityManager, caseId: string) {
  const [row] = await em.execute<{ n: string }[]>(
    `select count(*) as n from case_review_incident ri
       join case_review_decision d on d.id = ri.decision_id
      where d.case_id = ?`,
    [caseId],
  );
  return Number(row.n);
}

/**
 * A council-led case that the police and a housing provider take part in, about a victim
 * who has complained repeatedly, and the perpetrator.
 */
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
  const rows: RowCounts = async (check) => ({
    decisions: await check.count(CaseReviewDecision, { case: onCase.id }),
    incidentsCounted: await countedOnCase(check, onCase.id),
  });
  /** The application, once the incidents to count are known. */
  const application = (
    incidentIds: string[],
    outcome: CaseReviewOutcome = 'REVIEW_THRESHOLD_MET',
  ): RecordCaseReviewDecisionInput => ({
    caseId: onCase.id,
    victimId: victim.id,
    incidentIds,
    outcome,
    reasons: 'Persistent noise and intimidation; the victim feels nothing has changed',
  });
  return { council, police, housing, victim, perpetrator, onCase, rows, application };
}

/** Incidents on the case, each reported to `partner` minutes after it happened. */
async function complaints(onCase: Case, partner: Partner, daysBefore: number[]) {
  const em = hub.em();
  const made = [];
  for (const days of daysBefore) made.push(await makeIncident(em, onCase, partner, daysAgo(days)));
  return made.map((incident) => incident.id);
}

const decide = (input: RecordCaseReviewDecisionInput, member?: Member) =>
  hub.request(RecordCaseReviewDecisionDocument, { input }, member?.token);

describe('recordCaseReviewDecision', () => {
  it('exactly three qualifying complaints in six months meet the threshold, and the decision records what it counted', async () => {
    const { council, housing, victim, onCase, rows, application } = await setting();
    const incidentIds = await complaints(onCase, council.partner, [10, 40, 150]);
    const response = await decide(application(incidentIds), council);
    expect(response.errors).toBeUndefined();
    const decision = response.data!.recordCaseReviewDecision!;
    expect(decision).toMatchObject({
      threshold: 3,
      thresholdMet: true,
      outcome: 'REVIEW_THRESHOLD_MET',
      victim: { id: victim.id },
    });
    expect(decision.countedIncidents!.map((i) => i.id).sort()).toEqual([...incidentIds].sort());
    expect(Date.parse(decision.windowEnd)).toBeLessThanOrEqual(clock.nowMs());
    expect(decision.windowStart).toBe(
      subtractMonths(new Date(decision.windowEnd), 6).toISOString(),
    );
    expect(await rows(hub.em())).toEqual({ decisions: 1, incidentsCounted: 3 });

    const readBack = await hub.request(ReadBackCaseDocument, { id: onCase.id }, housing.token);
    expect(readBack.errors).toBeUndefined();
    expect(readBack.data!.case!.caseReviewDecisions).toEqual([
      expect.objectContaining({ id: decision.id, thresholdMet: true, victim: { id: victim.id } }),
    ]);
  });

  it('below the threshold the partners may still decide to hold a review, giving their reasons', async () => {
    const { council, onCase, rows, application } = await setting();
    const incidentIds = await complaints(onCase, council.partner, [5, 50]);
    const response = await decide(application(incidentIds, 'DISCRETIONARY_REVIEW'), council);
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordCaseReviewDecision!).toMatchObject({
      thresholdMet: false,
      outcome: 'DISCRETIONARY_REVIEW',
      countedIncidents: expect.any(Array),
    });
    expect(await rows(hub.em())).toEqual({ decisions: 1, incidentsCounted: 2 });
  });

  it('below the threshold the partners may decide not to review', async () => {
    const { police, onCase, rows, application } = await setting();
    const incidentIds = await complaints(onCase, police.partner, [5]);
    const response = await decide(application(incidentIds, 'NO_REVIEW'), police);
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordCaseReviewDecision!).toMatchObject({
      thresholdMet: false,
      outcome: 'NO_REVIEW',
    });
    expect(await rows(hub.em())).toEqual({ decisions: 1, incidentsCounted: 1 });
  });

  it('an incident reported to two partners counts once towards the threshold', async () => {
    const { council, police, onCase, rows, application } = await setting();
    const [first, second] = await complaints(onCase, police.partner, [20, 60]);
    // The council is told of the first episode too, and records it as such.
    const told = await hub.request(
      RecordIncidentDocument,
      {
        input: {
          caseId: onCase.id,
          occurredAt: daysAgo(20).toISOString(),
          category: 'NUISANCE',
          description: 'Victim rang the ASB line about the same night',
          sameEpisodeAsIncidentId: first,
        },
      },
      council.token,
    );
    expect(told.data?.recordIncident!.attachedToExistingIncident).toBe(true);
    expect(told.data?.recordIncident!.incident.reports).toHaveLength(2);

    // Three reports, two incidents: the threshold of three is not met.
    const refused = await expectRefused(
      hub,
      rows,
      () => decide(application([first, second]), council),
      'BAD_USER_INPUT',
    );
    expect(field(refused)).toBe('outcome');

    const response = await decide(application([first, second], 'DISCRETIONARY_REVIEW'), council);
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordCaseReviewDecision!.thresholdMet).toBe(false);
    expect(response.data!.recordCaseReviewDecision!.countedIncidents).toHaveLength(2);
  });

  it('a complaint qualifies when any partner was told within a month, though another heard of it later', async () => {
    const { council, police, housing, onCase, application } = await setting();
    const em = hub.em();
    const occurredAt = daysAgo(90);
    const late = await makeIncidentReportedAt(
      em,
      onCase,
      police.partner,
      occurredAt,
      daysAfter(occurredAt, 45),
    );
    await addIncidentReport(em, late, housing.partner, daysAfter(occurredAt, 3));
    const others = await complaints(onCase, council.partner, [10, 30]);
    const response = await decide(application([late.id, ...others]), council);
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordCaseReviewDecision!.thresholdMet).toBe(true);
  });

  it('a complaint made within the six months counts even when the behaviour was a little earlier', async () => {
    // s.104(11): the application must follow within six months of the complaint, not the behaviour.
    const { council, onCase, application } = await setting();
    const windowStart = subtractMonths(clock.now(), 6);
    const early = await makeIncidentReportedAt(
      hub.em(),
      onCase,
      council.partner,
      daysAfter(windowStart, -10),
      daysAfter(windowStart, 10),
    );
    const others = await complaints(onCase, council.partner, [10, 30]);
    const response = await decide(application([early.id, ...others]), council);
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordCaseReviewDecision!.thresholdMet).toBe(true);
  });

  it('a decision dated in the past counts the complaints in the six months before it', async () => {
    const { council, onCase, application } = await setting();
    const incidentIds = await complaints(onCase, council.partner, [40, 100, 200]);
    const decidedAt = daysAgo(30).toISOString();
    const response = await decide({ ...application(incidentIds), decidedAt }, council);
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordCaseReviewDecision!).toMatchObject({
      thresholdMet: true,
      windowEnd: decidedAt,
    });
  });

  describe('refuses, writing nothing,', () => {
    it('when three complaints qualify, deciding not to review (or to review at discretion) is refused: a review must be held', async () => {
      const { council, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40, 150]);
      for (const outcome of ['NO_REVIEW', 'DISCRETIONARY_REVIEW'] as const) {
        await expectRefused(
          hub,
          rows,
          () => decide(application(incidentIds, outcome), council),
          'THRESHOLD_MET_REVIEW_REQUIRED',
        );
      }
    });

    it('two complaints do not meet the threshold, so it cannot be recorded as met', async () => {
      const { council, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40]);
      const response = await expectRefused(
        hub,
        rows,
        () => decide(application(incidentIds), council),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('outcome');
    });

    it('an incident first reported more than a month after it happened is not a qualifying complaint', async () => {
      const { council, police, onCase, rows, application } = await setting();
      const occurredAt = daysAgo(100);
      const late = await makeIncidentReportedAt(
        hub.em(),
        onCase,
        police.partner,
        occurredAt,
        daysAfter(occurredAt, 35),
      );
      const others = await complaints(onCase, council.partner, [10, 40]);
      const response = await expectRefused(
        hub,
        rows,
        () => decide(application([late.id, ...others]), council),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('incidentIds');
      expect(response.errors![0].message).toMatch(/not a qualifying complaint/);
    });

    it('an incident complained of more than six months before the decision is outside the window', async () => {
      const { council, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40, 200]);
      const response = await expectRefused(
        hub,
        rows,
        () => decide(application(incidentIds), council),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('incidentIds');
      expect(response.errors![0].message).toMatch(/window/);
    });

    it('a complaint made after the decision date cannot be counted in it', async () => {
      const { council, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40, 100]);
      const response = await expectRefused(
        hub,
        rows,
        () =>
          decide({ ...application(incidentIds), decidedAt: daysAgo(20).toISOString() }, council),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('incidentIds');
    });

    it('refuses an anonymous caller', async () => {
      const { council, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40, 100]);
      await expectRefused(
        hub,
        rows,
        () => decide(application(incidentIds)),
        'UNAUTHENTICATED',
        401,
      );
    });

    it('refuses analysts, administrators and other roles that do not do casework', async () => {
      const { council, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40, 100]);
      for (const role of NON_CASEWORK_ROLES) {
        const member = await makeMember(hub.em(), council.partner, role);
        await expectRefused(hub, rows, () => decide(application(incidentIds), member), 'FORBIDDEN');
      }
    });

    it('does not let another partner write to a case it is not part of', async () => {
      const { council, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40, 100]);
      const outsider = await makePartnerMember(hub.em(), PartnerKind.OTHER);
      await expectRefused(hub, rows, () => decide(application(incidentIds), outsider), 'NOT_FOUND');
    });

    it('refuses an unknown case and a malformed case id as not found', async () => {
      const { council, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40, 100]);
      for (const caseId of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(
          hub,
          rows,
          () => decide({ ...application(incidentIds), caseId }, council),
          'NOT_FOUND',
        );
      }
    });

    it('refuses an application for someone who is not a victim in the case', async () => {
      const { council, perpetrator, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40, 100]);
      const outsider = await makePerson(hub.em());
      // Known to the council through another of its cases, but not a victim in this one.
      await makeCase(hub.em(), council, { people: [[outsider, PersonRole.VICTIM]] });
      await expectRefused(
        hub,
        rows,
        () => decide({ ...application(incidentIds), victimId: UNKNOWN_ID }, council),
        'NOT_FOUND',
      );
      for (const victimId of [perpetrator.id, outsider.id]) {
        const response = await expectRefused(
          hub,
          rows,
          () => decide({ ...application(incidentIds), victimId }, council),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe('victimId');
      }
      await expectRefused(
        hub,
        rows,
        () => decide({ ...application(incidentIds), victimId: MALFORMED_ID }, council),
        'NOT_FOUND',
      );
    });

    it('refuses an incident from another case, or the same incident counted twice', async () => {
      const { council, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40]);
      const otherCase = await makeCase(hub.em(), council);
      const [elsewhere] = await complaints(otherCase, council.partner, [20]);
      for (const ids of [
        [...incidentIds, elsewhere],
        [...incidentIds, incidentIds[0]],
      ]) {
        const response = await expectRefused(
          hub,
          rows,
          () => decide(application(ids), council),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe('incidentIds');
      }
      await expectRefused(
        hub,
        rows,
        () => decide(application([...incidentIds, MALFORMED_ID]), council),
        'NOT_FOUND',
      );
    });

    it('refuses a decision with no reasons', async () => {
      const { council, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40, 100]);
      const response = await expectRefused(
        hub,
        rows,
        () => decide({ ...application(incidentIds), reasons: '  ' }, council),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('reasons');
    });

    it('refuses a decision dated in the future', async () => {
      const { council, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40, 100]);
      const response = await expectRefused(
        hub,
        rows,
        () =>
          decide({ ...application(incidentIds), decidedAt: daysFromNow(1).toISOString() }, council),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('decidedAt');
    });

    it('refuses an outcome the hub does not know, before anything runs', async () => {
      const { council, onCase, rows, application } = await setting();
      const incidentIds = await complaints(onCase, council.partner, [10, 40, 100]);
      await expectRefused(
        hub,
        rows,
        () =>
          decide(application(incidentIds, 'REFER_TO_PCC' as string as CaseReviewOutcome), council),
        'BAD_USER_INPUT',
        400,
      );
    });
  });
});
