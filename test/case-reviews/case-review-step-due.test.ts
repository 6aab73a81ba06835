import { MikroORM } from '@mikro-orm/postgresql';
import { CaseReviewApplication } from '../../src/case-reviews/case-review-application.entity';
import { sweepDueCaseReviewSteps } from '../../src/case-reviews/case-review-step-due';
import { CaseReviewApplicationChannel } from '../../src/case-reviews/case-review-workflow.enum';
import { ormOptions } from '../../src/db/orm-options';
import { HubEventKind } from '../../src/notifications/hub-event-kind.enum';
import { HubEvent } from '../../src/notifications/hub-event.entity';
import type { Person } from '../../src/people/person.entity';
import {
  makeCase,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  type Member,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { pause, waitFor } from '../notifications/notification-helpers';
import { at } from './case-review-support';

/*
 * Each test hub has a database of its own, so no other test's sweep raises events on these
 * cases, and no sweep here raises events on theirs. The sweep is called with the day it runs on.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({}, { private: true });
});
afterAll(async () => {
  await hub?.close();
});

/**
 * Monday 22 December 2025. Acknowledge by 8 January 2026 (10 working days, skipping Christmas,
 * Boxing Day and New Year's Day), decide by 15 January, meet by 22 January.
 */
const APPLIED = '2025-12-22T10:00:00Z';

/** A council-led case with the police and a housing provider, and a victim. */
async function setting(target = hub) {
  const em = target.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const victim = await makePerson(em);
  const onCase = await makeCase(em, council, {
    others: [police.partner, housing.partner],
    people: [[victim, PersonRole.VICTIM]],
  });
  return { council, police, housing, victim, onCase };
}

async function application(
  target: TestHub,
  s: { council: Member; victim: Person; onCase: { id: string } },
  fields: Partial<CaseReviewApplication> = {},
) {
  const em = target.em();
  const created = em.create(CaseReviewApplication, {
    case: s.onCase.id,
    victim: s.victim.id,
    madeByVictim: true,
    channel: CaseReviewApplicationChannel.PHONE,
    receivedBy: s.council.partner.id,
    recordedBy: s.council.user.id,
    appliedAt: at(APPLIED),
    ...fields,
  });
  await em.flush();
  return created;
}

const stepDueEvents = (target: TestHub, caseId: string) =>
  target
    .em()
    .find(
      HubEvent,
      { case: caseId, kind: HubEventKind.CASE_REVIEW_STEP_DUE },
      { orderBy: { occurredAt: 'asc', id: 'asc' } },
    );

describe('the case review step due sweep', () => {
  it('raises one CASE_REVIEW_STEP_DUE event for a step past its deadline, for every partner on the case, with the case reference, the step and the deadline', async () => {
    const s = await setting();
    const applied = await application(hub, s);

    // 9 January: the acknowledgement (due 8 January) is late; the decision is not due yet.
    await sweepDueCaseReviewSteps(hub.em(), '2026-01-09');
    const events = await stepDueEvents(hub, s.onCase.id);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.summary).toBe(
      `ASB case review on case ${s.onCase.reference}: the acknowledgement was due by 2026-01-08 and is not recorded`,
    );
    expect(event.subjectIds).toEqual({ applicationId: applied.id });
    // Every partner on the case hears of it: no audience partner narrows it.
    expect(event.audiencePartner ?? null).toBeNull();
    // References and dates only: the victim is not named.
    expect(event.summary).not.toContain(s.victim.givenName);
    expect(event.summary).not.toContain(s.victim.familyName);
    const stamped = await hub.em().findOneOrFail(CaseReviewApplication, { id: applied.id });
    expect(stamped.acknowledgementDueRaisedAt).toBeInstanceOf(Date);
  });

  it('raises nothing for a step recorded by its deadline, or recorded late before the sweep, or on a closed application', async () => {
    const s = await setting();
    await application(hub, s, { acknowledgedAt: at('2026-01-05T09:00:00Z') });
    await application(hub, s, { acknowledgedAt: at('2026-01-09T09:00:00Z') });
    await application(hub, s, { closedAt: at('2026-01-02T09:00:00Z') });

    await sweepDueCaseReviewSteps(hub.em(), '2026-01-10');
    expect(await stepDueEvents(hub, s.onCase.id)).toEqual([]);
  });

  it('a second sweep raises nothing more for a step already raised; the next step is raised once its own deadline passes', async () => {
    const s = await setting();
    await application(hub, s);

    await sweepDueCaseReviewSteps(hub.em(), '2026-01-09');
    await sweepDueCaseReviewSteps(hub.em(), '2026-01-09');
    await sweepDueCaseReviewSteps(hub.em(), '2026-01-12');
    expect((await stepDueEvents(hub, s.onCase.id)).map((event) => event.summary)).toEqual([
      `ASB case review on case ${s.onCase.reference}: the acknowledgement was due by 2026-01-08 and is not recorded`,
    ]);

    // 16 January: the decision (due 15 January) is late too; the acknowledgement is not raised again.
    await sweepDueCaseReviewSteps(hub.em(), '2026-01-16');
    await sweepDueCaseReviewSteps(hub.em(), '2026-01-16');
    expect((await stepDueEvents(hub, s.onCase.id)).map((event) => event.summary)).toEqual([
      `ASB case review on case ${s.onCase.reference}: the acknowledgement was due by 2026-01-08 and is not recorded`,
      `ASB case review on case ${s.onCase.reference}: the decision was due by 2026-01-15 and is not recorded`,
    ]);
  });

  it('raises each step once even when two hub processes sweep at the same moment', async () => {
    const s = await setting();
    const applications = [
      await application(hub, s),
      await application(hub, s),
      await application(hub, s),
    ];
    // A second process: its own connection pool on the same database.
    const other = await MikroORM.init(ormOptions(hub.config.databaseUrl!));
    try {
      // 23 January: acknowledge, decide and meet are all late, for each of the three.
      await Promise.all([
        sweepDueCaseReviewSteps(hub.em(), '2026-01-23'),
        sweepDueCaseReviewSteps(other.em.fork(), '2026-01-23'),
        sweepDueCaseReviewSteps(hub.em(), '2026-01-23'),
        sweepDueCaseReviewSteps(other.em.fork(), '2026-01-23'),
      ]);
      // Rows one process held were skipped by the other; a later sweep picks up anything left.
      await Promise.all([
        sweepDueCaseReviewSteps(hub.em(), '2026-01-23'),
        sweepDueCaseReviewSteps(other.em.fork(), '2026-01-23'),
      ]);
    } finally {
      await other.close(true);
    }
    const events = await stepDueEvents(hub, s.onCase.id);
    const raised = events.map((event) => `${event.subjectIds.applicationId} ${event.summary}`);
    expect(raised).toHaveLength(9);
    expect(new Set(raised).size).toBe(9);
    for (const { id } of applications) {
      expect(events.filter((event) => event.subjectIds.applicationId === id)).toHaveLength(3);
    }
  });

  it('the hub sweeps on its own, every CASE_REVIEW_SWEEP_MS, raising each late step once', async () => {
    const sweeping = await startTestHub({ CASE_REVIEW_SWEEP_MS: '50' }, { private: true });
    try {
      const s = await setting(sweeping);
      const applied = await application(sweeping, s, {
        acknowledgedAt: at('2026-01-05T09:00:00Z'),
      });
      // Acknowledged in time; the decision and the review meeting are long past their deadlines.
      await waitFor(async () => (await stepDueEvents(sweeping, s.onCase.id)).length >= 2);
      await pause(300); // several more sweeps
      const events = await stepDueEvents(sweeping, s.onCase.id);
      expect(events.map((event) => event.summary).sort()).toEqual([
        `ASB case review on case ${s.onCase.reference}: the decision was due by 2026-01-15 and is not recorded`,
        `ASB case review on case ${s.onCase.reference}: the review meeting was due by 2026-01-22 and is not recorded`,
      ]);
      expect(events.every((event) => event.subjectIds.applicationId === applied.id)).toBe(true);
    } finally {
      await sweeping.close();
    }
  });
});
