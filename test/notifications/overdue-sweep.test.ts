import { clock } from '../../src/common/clock';
import { ActionSource, ActionStatus } from '../../src/actions/action-enums';
import { Action } from '../../src/actions/action.entity';
import { sweepOverdueActions } from '../../src/actions/action-overdue';
import { CaseStatus } from '../../src/cases/case-enums';
import { Case } from '../../src/cases/case.entity';
import { HubEventKind } from '../../src/notifications/hub-event-kind.enum';
import { HubEvent } from '../../src/notifications/hub-event.entity';
import { makeCase, makePartnerMember, PartnerKind, type Member } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { isoDayFromToday } from '../osara/osara-operations';
import { pause, waitFor } from './notification-helpers';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ ACTION_OVERDUE_SWEEP_MS: '50' });
});
afterAll(async () => {
  await hub?.close();
});

async function action(onCase: Case, partner: Member, dueDate: string, status = ActionStatus.OPEN) {
  const em = hub.em();
  const created = em.create(Action, {
    case: onCase.id,
    assignedPartner: partner.partner.id,
    title: 'Visit',
    dueDate,
    status,
    source: ActionSource.MANUAL,
  });
  await em.flush();
  return created;
}

const overdueEvents = (caseId: string) =>
  hub.em().find(HubEvent, { case: caseId, kind: HubEventKind.ACTION_OVERDUE });

describe('the overdue action sweep', () => {
  it('raises one ACTION_OVERDUE event per open action past its due date, however often it runs', async () => {
    const em = hub.em();
    const police = await makePartnerMember(em, PartnerKind.POLICE);
    const council = await makePartnerMember(em, PartnerKind.COUNCIL);
    const onCase = await makeCase(em, police, { others: [council.partner] });
    const late = await action(onCase, council, isoDayFromToday(-1));
    const veryLate = await action(onCase, police, isoDayFromToday(-30));
    await action(onCase, council, isoDayFromToday(0));
    await action(onCase, council, isoDayFromToday(-3), ActionStatus.DONE);
    await action(onCase, council, isoDayFromToday(-3), ActionStatus.CANCELLED);

    await waitFor(async () => (await overdueEvents(onCase.id)).length >= 2);
    await pause(400); // several more sweeps
    const events = await overdueEvents(onCase.id);
    expect(events.map((event) => event.subjectIds.actionId).sort()).toEqual(
      [late.id, veryLate.id].sort(),
    );
    // Every partner on the case hears of it, so the lead can chase; no personal data in words.
    expect(events.every((event) => event.audiencePartner == null)).toBe(true);
    expect(events.map((event) => event.summary)).toContain(
      `Action assigned to ${council.partner.name} on case ${onCase.reference} was due ${isoDayFromToday(-1)} and is still open`,
    );
  });

  it('raises nothing for actions on a closed case', async () => {
    const em = hub.em();
    const police = await makePartnerMember(em, PartnerKind.POLICE);
    const onCase = await makeCase(em, police);
    await em.nativeUpdate(
      Case,
      { id: onCase.id },
      { status: CaseStatus.CLOSED, closedAt: clock.now() },
    );
    await action(onCase, police, isoDayFromToday(-2));
    await pause(300);
    expect(await overdueEvents(onCase.id)).toEqual([]);
  });

  it('raises the event once even when two hub processes sweep at the same moment', async () => {
    const em = hub.em();
    const police = await makePartnerMember(em, PartnerKind.POLICE);
    const onCase = await makeCase(em, police);
    const late = await action(onCase, police, isoDayFromToday(-1));
    await Promise.all([
      sweepOverdueActions(hub.em()),
      sweepOverdueActions(hub.em()),
      sweepOverdueActions(hub.em()),
    ]);
    await pause(200);
    const events = await overdueEvents(onCase.id);
    expect(events.map((event) => event.subjectIds.actionId)).toEqual([late.id]);
  });
});
