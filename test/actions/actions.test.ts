import { ActionSource, ActionStatus } from '../../src/actions/action-enums';
import { Action } from '../../src/actions/action.entity';
import { HubEventKind } from '../../src/notifications/hub-event-kind.enum';
import { HubEvent } from '../../src/notifications/hub-event.entity';
import { Role } from '../../src/users/role.enum';
import {
  makeCase,
  makeMember,
  makePartnerMember,
  PartnerKind,
  type Member,
} from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import {
  expectRefused,
  MALFORMED_ID,
  NON_CASEWORK_ROLES,
  UNKNOWN_ID,
  type RowCounts,
} from '../mutations/refusals';
import {
  AssignAction,
  CancelAction,
  CaseActions,
  CompleteAction,
  isoDayFromToday,
  OutstandingActions,
} from '../osara/osara-operations';
import type { Case } from '../../src/cases/case.entity';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

/** A police-led case with the council and a housing provider on it; a mental health service not. */
async function setting() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const outsider = await makePartnerMember(em, PartnerKind.MENTAL_HEALTH);
  const onCase = await makeCase(em, police, { others: [council.partner, housing.partner] });
  const rows: RowCounts = async (check) => ({
    actions: await check.count(Action, { case: onCase.id }),
    open: await check.count(Action, { case: onCase.id, status: ActionStatus.OPEN }),
    events: await check.count(HubEvent, { case: onCase.id }),
  });
  return { police, council, housing, outsider, onCase, rows };
}

const assign = (input: Record<string, unknown>, member?: Member) =>
  hub.request(AssignAction, { input }, member?.token);

/** An action written straight to the database, so its due date can be in the past. */
async function existingAction(
  onCase: Case,
  partner: Member,
  dueDate: string,
  status = ActionStatus.OPEN,
) {
  const em = hub.em();
  const action = em.create(Action, {
    case: onCase.id,
    assignedPartner: partner.partner.id,
    title: 'Visit the flat',
    dueDate,
    status,
    source: ActionSource.MANUAL,
  });
  await em.flush();
  return action;
}

describe('actions', () => {
  it('assigns an action to a partner on the case, which has it outstanding and alone hears of it', async () => {
    const { police, council, onCase, rows } = await setting();
    const dueDate = isoDayFromToday(7);
    const response = await assign(
      {
        caseId: onCase.id,
        partnerId: council.partner.id,
        title: 'Serve a community protection warning',
        details: 'Jointly with the police',
        dueDate,
      },
      police,
    );
    expect(response.errors).toBeUndefined();
    const action = response.data!.assignAction!;
    expect(action).toMatchObject({
      title: 'Serve a community protection warning',
      details: 'Jointly with the police',
      dueDate,
      status: 'OPEN',
      source: 'MANUAL',
      overdue: false,
      assignedPartner: { id: council.partner.id },
      case: { id: onCase.id },
    });
    expect(await rows(hub.em())).toEqual({ actions: 1, open: 1, events: 1 });

    const event = await hub.em().findOneOrFail(HubEvent, { case: onCase.id });
    expect(event).toMatchObject({
      kind: HubEventKind.ACTION_ASSIGNED,
      subjectIds: { actionId: action.id },
    });
    expect(event.audiencePartner?.id).toBe(council.partner.id);
    // The summary names the case and the partner, not the wording (which can name people).
    expect(event.summary).not.toContain('community protection');

    const outstanding = await hub.request(OutstandingActions, {}, council.token);
    expect(outstanding.data!.outstandingActions!.map((a) => a.id)).toContain(action.id);
    const policeOutstanding = await hub.request(OutstandingActions, {}, police.token);
    expect(policeOutstanding.data!.outstandingActions!.map((a) => a.id)).not.toContain(action.id);
  });

  it('assigns actions only to partners taking part in the case', async () => {
    const { police, outsider, onCase, rows } = await setting();
    const refused = await expectRefused(
      hub,
      rows,
      () =>
        assign(
          {
            caseId: onCase.id,
            partnerId: outsider.partner.id,
            title: 'x',
            dueDate: isoDayFromToday(1),
          },
          police,
        ),
      'PARTNER_NOT_ON_CASE',
    );
    expect(refused.errors![0].extensions!.field).toBe('partnerId');
    for (const partnerId of [UNKNOWN_ID, MALFORMED_ID]) {
      await expectRefused(
        hub,
        rows,
        () =>
          assign({ caseId: onCase.id, partnerId, title: 'x', dueDate: isoDayFromToday(1) }, police),
        'NOT_FOUND',
      );
    }
  });

  it('refuses a due date in the past, and accepts one due today', async () => {
    const { police, council, onCase, rows } = await setting();
    const input = (dueDate: string) => ({
      caseId: onCase.id,
      partnerId: council.partner.id,
      title: 'Call the victim',
      dueDate,
    });
    const refused = await expectRefused(
      hub,
      rows,
      () => assign(input(isoDayFromToday(-1)), police),
      'BAD_USER_INPUT',
    );
    expect(refused.errors![0].extensions!.field).toBe('dueDate');
    await expectRefused(
      hub,
      rows,
      () => assign(input('2026-13-01'), police),
      'BAD_USER_INPUT',
      400,
    );
    await expectRefused(
      hub,
      rows,
      () => assign({ ...input(isoDayFromToday(1)), title: '   ' }, police),
      'BAD_USER_INPUT',
    );
    const today = await assign(input(isoDayFromToday(0)), police);
    expect(today.errors).toBeUndefined();
    expect(today.data!.assignAction!.overdue).toBe(false);
  });

  it('lets the assigned partner complete its action and the lead partner cancel one, but not another partner on the case', async () => {
    const { police, council, housing, onCase, rows } = await setting();
    const first = await existingAction(onCase, council, isoDayFromToday(3));
    const second = await existingAction(onCase, council, isoDayFromToday(3));

    for (const send of [
      () => hub.request(CompleteAction, { input: { actionId: first.id } }, housing.token),
      () => hub.request(CancelAction, { input: { actionId: first.id } }, housing.token),
    ]) {
      await expectRefused<unknown>(hub, rows, send, 'ACTION_NOT_YOURS');
    }

    const done = await hub.request(
      CompleteAction,
      { input: { actionId: first.id } },
      council.token,
    );
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeAction).toMatchObject({
      status: 'DONE',
      completedAt: expect.any(String),
    });

    const cancelled = await hub.request(
      CancelAction,
      { input: { actionId: second.id, reason: 'Superseded by the CPW' } },
      police.token,
    );
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelAction).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'Superseded by the CPW',
    });

    // A closed action cannot be closed again.
    await expectRefused(
      hub,
      rows,
      () => hub.request(CompleteAction, { input: { actionId: first.id } }, council.token),
      'CONFLICT',
    );
    await expectRefused(
      hub,
      rows,
      () => hub.request(CancelAction, { input: { actionId: second.id } }, police.token),
      'CONFLICT',
    );
  });

  it('lists a case\u2019s actions with an overdue flag computed from the due date: open and past it', async () => {
    const { police, council, onCase } = await setting();
    const late = await existingAction(onCase, council, isoDayFromToday(-2));
    const dueToday = await existingAction(onCase, council, isoDayFromToday(0));
    const lateButDone = await existingAction(
      onCase,
      council,
      isoDayFromToday(-5),
      ActionStatus.DONE,
    );
    const response = await hub.request(CaseActions, { id: onCase.id }, police.token);
    expect(response.errors).toBeUndefined();
    const overdue = Object.fromEntries(response.data!.case!.actions.map((a) => [a.id, a.overdue]));
    expect(overdue).toEqual({ [late.id]: true, [dueToday.id]: false, [lateButDone.id]: false });
    // Soonest due first.
    expect(response.data!.case!.actions.map((a) => a.id)).toEqual([
      lateButDone.id,
      late.id,
      dueToday.id,
    ]);
  });

  it('lists outstanding actions only for the viewer\u2019s partner, open ones, optionally only the overdue', async () => {
    const { police, council, housing, onCase } = await setting();
    const late = await existingAction(onCase, council, isoDayFromToday(-1));
    const soon = await existingAction(onCase, council, isoDayFromToday(4));
    await existingAction(onCase, council, isoDayFromToday(-3), ActionStatus.CANCELLED);
    const housingAction = await existingAction(onCase, housing, isoDayFromToday(-1));

    const all = await hub.request(OutstandingActions, {}, council.token);
    const ids = all.data!.outstandingActions!.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([late.id, soon.id]));
    expect(ids).not.toContain(housingAction.id);
    expect(all.data!.outstandingActions!.every((a) => a.status === 'OPEN')).toBe(true);

    const overdueOnly = await hub.request(OutstandingActions, { overdueOnly: true }, council.token);
    const overdueIds = overdueOnly.data!.outstandingActions!.map((a) => a.id);
    expect(overdueIds).toContain(late.id);
    expect(overdueIds).not.toContain(soon.id);
    expect(overdueOnly.data!.outstandingActions!.every((a) => a.overdue)).toBe(true);

    const policeList = await hub.request(OutstandingActions, {}, police.token);
    expect(policeList.data!.outstandingActions).toEqual([]);
  });

  it('shows analysts who must act by when, but not the wording, which can name people', async () => {
    const { police, council, onCase } = await setting();
    await existingAction(onCase, council, isoDayFromToday(2));
    const analyst = await makeMember(hub.em(), police.partner, Role.ANALYST);
    const response = await hub.request(CaseActions, { id: onCase.id }, analyst.token);
    expect(new Set(codes(response))).toEqual(new Set(['FORBIDDEN']));
    expect(response.data!.case!.actions[0]).toMatchObject({
      title: null,
      details: null,
      dueDate: isoDayFromToday(2),
      assignedPartner: { id: council.partner.id },
    });
  });

  describe('refuses bad input, writing nothing:', () => {
    it('refuses an anonymous caller', async () => {
      const { council, onCase, rows } = await setting();
      const action = await existingAction(onCase, council, isoDayFromToday(2));
      await expectRefused(
        hub,
        rows,
        () =>
          assign({
            caseId: onCase.id,
            partnerId: council.partner.id,
            title: 'x',
            dueDate: isoDayFromToday(1),
          }),
        'UNAUTHENTICATED',
        401,
      );
      for (const doc of [CompleteAction, CancelAction]) {
        await expectRefused<unknown>(
          hub,
          rows,
          () => hub.request(doc as typeof CompleteAction, { input: { actionId: action.id } }),
          'UNAUTHENTICATED',
          401,
        );
      }
      expect(codes(await hub.request(OutstandingActions, {}))).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses analysts, administrators and other roles that do not do casework', async () => {
      const { council, onCase, rows } = await setting();
      const action = await existingAction(onCase, council, isoDayFromToday(2));
      for (const role of NON_CASEWORK_ROLES) {
        const member = await makeMember(hub.em(), council.partner, role);
        await expectRefused(
          hub,
          rows,
          () =>
            assign(
              {
                caseId: onCase.id,
                partnerId: council.partner.id,
                title: 'x',
                dueDate: isoDayFromToday(1),
              },
              member,
            ),
          'FORBIDDEN',
        );
        await expectRefused(
          hub,
          rows,
          () => hub.request(CompleteAction, { input: { actionId: action.id } }, member.token),
          'FORBIDDEN',
        );
      }
    });

    it('does not show another partner\u2019s case or its actions: they answer as unknown', async () => {
      const { council, outsider, onCase, rows } = await setting();
      const action = await existingAction(onCase, council, isoDayFromToday(2));
      await expectRefused(
        hub,
        rows,
        () =>
          assign(
            {
              caseId: onCase.id,
              partnerId: outsider.partner.id,
              title: 'x',
              dueDate: isoDayFromToday(1),
            },
            outsider,
          ),
        'NOT_FOUND',
      );
      for (const doc of [CompleteAction, CancelAction]) {
        await expectRefused<unknown>(
          hub,
          rows,
          () =>
            hub.request(
              doc as typeof CompleteAction,
              { input: { actionId: action.id } },
              outsider.token,
            ),
          'NOT_FOUND',
        );
      }
      const list = await hub.request(CaseActions, { id: onCase.id }, outsider.token);
      expect(codes(list)).toEqual(['NOT_FOUND']);
    });

    it('refuses unknown and malformed case and action ids as not found', async () => {
      const { police, council, rows } = await setting();
      for (const id of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(
          hub,
          rows,
          () =>
            assign(
              {
                caseId: id,
                partnerId: council.partner.id,
                title: 'x',
                dueDate: isoDayFromToday(1),
              },
              police,
            ),
          'NOT_FOUND',
        );
        for (const doc of [CompleteAction, CancelAction]) {
          await expectRefused<unknown>(
            hub,
            rows,
            () =>
              hub.request(doc as typeof CompleteAction, { input: { actionId: id } }, police.token),
            'NOT_FOUND',
          );
        }
      }
    });

    it('refuses a page of outstanding actions larger than the cap', async () => {
      const { council } = await setting();
      const response = await hub.request(OutstandingActions, { first: 101 }, council.token);
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    });
  });
});
