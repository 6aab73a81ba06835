import { ActionSource } from '../../src/actions/action-enums';
import { makeCase, makeMember, type Member } from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import {
  daysAgo,
  daysFromNow,
  expectRefused,
  MALFORMED_ID,
  NON_CASEWORK_ROLES,
  UNKNOWN_ID,
} from '../mutations/refusals';
import { isoDayFromToday } from '../osara/osara-operations';
import {
  AddCaseToMeetingAgenda,
  AgreeMeetingAction,
  existingMeeting,
  MeetingQuery,
  meetingSetting,
  NextMeeting,
  RecordMeetingAttendance,
  RecordMeetingMinutes,
  ScheduleMeeting,
} from './meeting-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const send = (document: typeof ScheduleMeeting, input: Record<string, unknown>, who?: Member) =>
  hub.request(document, { input }, who?.token);

describe('problem-solving group meetings', () => {
  it('schedules a meeting, puts a case on its agenda, takes attendance, records minutes and agrees an action for a partner on the case', async () => {
    const { council, police, housing, mentalHealth, onCase } = await meetingSetting(hub);
    const scheduled = await send(
      ScheduleMeeting,
      {
        heldAt: daysAgo(1).toISOString(),
        chairUserId: council.user.id,
        partnerIds: [police.partner.id, housing.partner.id, mentalHealth.partner.id],
      },
      council,
    );
    expect(scheduled.errors).toBeUndefined();
    const meeting = scheduled.data.scheduleMeeting;
    expect(meeting.chair.id).toBe(council.user.id);
    expect(meeting.partners.map((p: { id: string }) => p.id).sort()).toEqual(
      [council, police, housing, mentalHealth].map((m) => m.partner.id).sort(),
    );

    const added = await send(
      AddCaseToMeetingAgenda,
      { meetingId: meeting.id, caseId: onCase.id },
      police,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data.addCaseToMeetingAgenda.agenda).toEqual([
      { position: 1, case: { id: onCase.id, reference: onCase.reference } },
    ]);

    const attended = await send(
      RecordMeetingAttendance,
      { meetingId: meeting.id, partnerIds: [council.partner.id, police.partner.id] },
      council,
    );
    expect(attended.errors).toBeUndefined();
    expect(attended.data.recordMeetingAttendance.attendanceRecordedAt).not.toBeNull();
    expect(attended.data.recordMeetingAttendance.partners).toHaveLength(2);

    const minuted = await send(
      RecordMeetingMinutes,
      { meetingId: meeting.id, minutes: 'Agreed a joint visit and a CPW.' },
      police,
    );
    expect(minuted.data.recordMeetingMinutes.minutes).toBe('Agreed a joint visit and a CPW.');

    const agreed = await send(
      AgreeMeetingAction,
      {
        meetingId: meeting.id,
        caseId: onCase.id,
        partnerId: housing.partner.id,
        title: 'Serve a tenancy warning',
        dueDate: isoDayFromToday(14),
      },
      council,
    );
    expect(agreed.errors).toBeUndefined();
    expect(agreed.data.agreeMeetingAction).toMatchObject({
      source: ActionSource.MEETING,
      assignedPartner: { id: housing.partner.id },
    });

    const read = await hub.request(MeetingQuery, { id: meeting.id }, police.token);
    expect(read.errors).toBeUndefined();
    expect(read.data.meeting.actions).toEqual([
      expect.objectContaining({ title: 'Serve a tenancy warning', source: 'MEETING' }),
    ]);
    expect(read.data.meeting.outstandingActions).toEqual([
      {
        partner: { id: housing.partner.id },
        overdue: 0,
        actions: [{ id: agreed.data.agreeMeetingAction.id, title: 'Serve a tenancy warning' }],
      },
    ]);
  });

  it('shows an attending partner the next meeting’s agenda', async () => {
    const { council, police, onCase } = await meetingSetting(hub);
    await existingMeeting(hub, council, daysAgo(3), [police.partner], [onCase]);
    const next = await existingMeeting(hub, council, daysFromNow(5), [police.partner], [onCase]);
    await existingMeeting(hub, council, daysFromNow(30), [police.partner], []);
    const response = await hub.request(NextMeeting, {}, police.token);
    expect(response.data.nextMeeting.id).toBe(next.id);
    expect(response.data.nextMeeting.agenda).toEqual([
      { position: 1, case: { id: onCase.id, reference: onCase.reference } },
    ]);
  });

  it('refuses an anonymous caller', async () => {
    const { council, rows } = await meetingSetting(hub);
    await expectRefused(
      hub,
      rows,
      () =>
        send(ScheduleMeeting, {
          heldAt: daysFromNow(7).toISOString(),
          chairUserId: council.user.id,
          partnerIds: [],
        }),
      'UNAUTHENTICATED',
      401,
    );
  });

  it('refuses analysts, administrators and other roles that do not do casework', async () => {
    const { council, onCase, rows } = await meetingSetting(hub);
    const meeting = await existingMeeting(hub, council, daysFromNow(7), [], []);
    for (const role of NON_CASEWORK_ROLES) {
      const member = await makeMember(hub.em(), council.partner, role);
      await expectRefused(
        hub,
        rows,
        () =>
          send(
            ScheduleMeeting,
            { heldAt: daysFromNow(7).toISOString(), chairUserId: council.user.id, partnerIds: [] },
            member,
          ),
        'FORBIDDEN',
      );
      await expectRefused(
        hub,
        rows,
        () => send(AddCaseToMeetingAgenda, { meetingId: meeting.id, caseId: onCase.id }, member),
        'FORBIDDEN',
      );
    }
  });

  it('does not show a meeting to a partner not attending: reads and writes answer as for an unknown meeting', async () => {
    const { council, outsider, onCase, rows } = await meetingSetting(hub);
    const meeting = await existingMeeting(hub, council, daysAgo(1), [], [onCase]);
    const read = await hub.request(MeetingQuery, { id: meeting.id }, outsider.token);
    expect(codes(read)).toEqual(['NOT_FOUND']);
    for (const id of [meeting.id, UNKNOWN_ID, MALFORMED_ID]) {
      await expectRefused(
        hub,
        rows,
        () => send(RecordMeetingMinutes, { meetingId: id, minutes: 'Notes' }, outsider),
        'NOT_FOUND',
      );
    }
    const next = await hub.request(NextMeeting, {}, outsider.token);
    expect(next.data.nextMeeting).toBeNull();
  });

  it('refuses a case the chair’s partner does not take part in, or one already on the agenda, and leaves the agenda as it was', async () => {
    const { council, police, onCase, rows } = await meetingSetting(hub);
    const policeOnly = await makeCase(hub.em(), police);
    const meeting = await existingMeeting(hub, council, daysFromNow(7), [police.partner], [onCase]);
    await expectRefused(
      hub,
      rows,
      () => send(AddCaseToMeetingAgenda, { meetingId: meeting.id, caseId: policeOnly.id }, police),
      'CHAIR_NOT_ON_CASE',
    );
    await expectRefused(
      hub,
      rows,
      () => send(AddCaseToMeetingAgenda, { meetingId: meeting.id, caseId: onCase.id }, police),
      'CONFLICT',
    );
  });

  it('refuses an action for a case not on the agenda, for a partner not on the case, or due in the past', async () => {
    const { council, police, housing, outsider, onCase, rows } = await meetingSetting(hub);
    const otherCase = await makeCase(hub.em(), council, { others: [police.partner] });
    const meeting = await existingMeeting(hub, council, daysAgo(1), [police.partner], [onCase]);
    const input = (overrides: Record<string, unknown>) => ({
      meetingId: meeting.id,
      caseId: onCase.id,
      partnerId: housing.partner.id,
      title: 'Visit',
      dueDate: isoDayFromToday(7),
      ...overrides,
    });
    await expectRefused(
      hub,
      rows,
      () => send(AgreeMeetingAction, input({ caseId: otherCase.id }), council),
      'CASE_NOT_ON_AGENDA',
    );
    await expectRefused(
      hub,
      rows,
      () => send(AgreeMeetingAction, input({ partnerId: outsider.partner.id }), council),
      'PARTNER_NOT_ON_CASE',
    );
    await expectRefused(
      hub,
      rows,
      () => send(AgreeMeetingAction, input({ dueDate: isoDayFromToday(-1) }), council),
      'BAD_USER_INPUT',
    );
  });

  it('refuses attendance without the chair’s partner, and attendance or minutes before the meeting is held', async () => {
    const { council, police, rows } = await meetingSetting(hub);
    const held = await existingMeeting(hub, council, daysAgo(1), [police.partner], []);
    const coming = await existingMeeting(hub, council, daysFromNow(7), [police.partner], []);
    await expectRefused(
      hub,
      rows,
      () =>
        send(
          RecordMeetingAttendance,
          { meetingId: held.id, partnerIds: [police.partner.id] },
          police,
        ),
      'CHAIR_MUST_ATTEND',
    );
    await expectRefused(
      hub,
      rows,
      () => send(RecordMeetingMinutes, { meetingId: coming.id, minutes: 'Notes' }, police),
      'MEETING_NOT_YET_HELD',
    );
    await expectRefused(
      hub,
      rows,
      () =>
        send(
          RecordMeetingAttendance,
          { meetingId: coming.id, partnerIds: [council.partner.id] },
          police,
        ),
      'MEETING_NOT_YET_HELD',
    );
    await expectRefused(
      hub,
      rows,
      () => send(RecordMeetingMinutes, { meetingId: held.id, minutes: '   ' }, police),
      'BAD_USER_INPUT',
    );
  });
});
