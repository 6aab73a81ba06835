import { clock } from '../common/clock';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActionSource } from '../actions/action-enums';
import { createAction } from '../actions/action.service';
import type { Viewer } from '../auth/viewer';
import { caseForWrite } from '../cases/case-access';
import { CasePartner } from '../cases/case-partner.entity';
import { requireDistinct, requireId, requireText } from '../common/validate';
import { badInput, conflict, HubError, notFound } from '../errors';
import { openCaseForWrite, requirePartnerOnCase } from '../osara/osara.service';
import { Partner } from '../partners/partner.entity';
import { CASEWORK } from '../permissions/grant';
import { ATTENDS } from '../permissions/row-access';
import { User } from '../users/user.entity';
import { Meeting, MeetingAgendaItem, MeetingPartner } from './meeting.entity';
import type {
  AddCaseToMeetingAgendaInput,
  AgreeMeetingActionInput,
  RecordMeetingAttendanceInput,
  RecordMeetingMinutesInput,
  ScheduleMeetingInput,
} from './meeting.input';

/** Where the meeting rules come from (docs/rules.md, "Problem-solving group meetings"). */
const SOURCE = 'area procedure: problem-solving group';

/**
 * The meeting, if the viewer's partner attends it. Anyone else gets the same NOT_FOUND as for a
 * meeting that does not exist: a meeting's agenda is for the partners at it.
 */
export async function visibleMeeting(
  em: EntityManager,
  viewer: Viewer,
  meetingId: string,
): Promise<Meeting> {
  const id = requireId(meetingId, 'meeting');
  const found = await em
    .createQueryBuilder(Meeting, 'm')
    .select('*')
    .where({ id })
    .andWhere(ATTENDS('m'), [viewer.partnerId])
    .getSingleResult();
  if (!found) throw notFound('meeting', meetingId);
  return found;
}

/** As `visibleMeeting`, locked for the rest of the write's transaction. */
async function meetingForWrite(em: EntityManager, viewer: Viewer, meetingId: string) {
  const meeting = await visibleMeeting(em, viewer, meetingId);
  await em.lock(meeting, LockMode.PESSIMISTIC_WRITE);
  await em.refresh(meeting);
  return meeting;
}

async function requirePartners(em: EntityManager, ids: string[]): Promise<Partner[]> {
  requireDistinct(ids, 'partnerIds');
  const wanted = ids.map((id) => requireId(id, 'partner'));
  const found = await em.find(Partner, { id: { $in: wanted } });
  const missing = wanted.find((id) => !found.some((partner) => partner.id === id));
  if (missing) throw notFound('partner', missing);
  return found;
}

/** A meeting chaired by a casework member of any partner; the scheduler's and chair's partners attend. */
export async function scheduleMeeting(
  em: EntityManager,
  viewer: Viewer,
  input: ScheduleMeetingInput,
) {
  if (Number.isNaN(input.heldAt.getTime())) throw badInput('heldAt is not a valid date', 'heldAt');
  const chair = await em.findOne(
    User,
    { id: requireId(input.chairUserId, 'user'), active: true },
    { populate: ['partner'] },
  );
  if (!chair) throw notFound('user', input.chairUserId);
  if (!CASEWORK.includes(chair.role)) {
    throw badInput('The chair must be a practitioner or supervisor', 'chairUserId');
  }
  const partners = await requirePartners(em, input.partnerIds);
  const meeting = em.create(Meeting, {
    heldAt: input.heldAt,
    chair,
    scheduledBy: em.getReference(User, viewer.userId),
  });
  const attending = new Set([viewer.partnerId, chair.partner.id, ...partners.map((p) => p.id)]);
  for (const partnerId of attending) {
    em.create(MeetingPartner, { meeting, partner: em.getReference(Partner, partnerId) });
  }
  await em.flush();
  return meeting;
}

/** Only cases the chair's partner takes part in go on the agenda, and the adder's partner too. */
export async function addCaseToAgenda(
  em: EntityManager,
  viewer: Viewer,
  input: AddCaseToMeetingAgendaInput,
) {
  const meeting = await meetingForWrite(em, viewer, input.meetingId);
  const onCase = await caseForWrite(em, viewer, input.caseId);
  const chairPartner = (await em.findOneOrFail(User, meeting.chair.id)).partner;
  if (!(await em.count(CasePartner, { case: onCase, partner: chairPartner }))) {
    throw new HubError(
      'CHAIR_NOT_ON_CASE',
      `The chair\u2019s partner does not take part in case ${onCase.reference}: only cases it takes part in go on the agenda (${SOURCE})`,
      { field: 'caseId' },
    );
  }
  if (await em.count(MeetingAgendaItem, { meeting, case: onCase })) {
    throw conflict(`Case ${onCase.reference} is already on this meeting\u2019s agenda`);
  }
  const position = (await em.count(MeetingAgendaItem, { meeting })) + 1;
  em.create(MeetingAgendaItem, {
    meeting,
    case: onCase,
    position,
    addedBy: em.getReference(User, viewer.userId),
  });
  await em.flush();
  return meeting;
}

/** Attendance replaces the expected partners; the chair's partner is always among them. */
export async function recordAttendance(
  em: EntityManager,
  viewer: Viewer,
  input: RecordMeetingAttendanceInput,
) {
  const meeting = await meetingForWrite(em, viewer, input.meetingId);
  const partners = await requirePartners(em, input.partnerIds);
  const chairPartner = (await em.findOneOrFail(User, meeting.chair.id)).partner;
  if (!partners.some((partner) => partner.id === chairPartner.id)) {
    throw new HubError(
      'CHAIR_MUST_ATTEND',
      `The chair\u2019s partner must be among those attending (${SOURCE})`,
      { field: 'partnerIds' },
    );
  }
  if (meeting.heldAt.getTime() > clock.nowMs()) {
    throw new HubError(
      'MEETING_NOT_YET_HELD',
      'Attendance is recorded at or after the meeting, not before it',
      { field: 'meetingId' },
    );
  }
  await em.nativeDelete(MeetingPartner, { meeting });
  for (const partner of partners) em.create(MeetingPartner, { meeting, partner });
  meeting.attendanceRecordedAt = clock.now();
  await em.flush();
  return meeting;
}

/** Minutes are for a meeting that has been held; recording them again replaces them. */
export async function recordMinutes(
  em: EntityManager,
  viewer: Viewer,
  input: RecordMeetingMinutesInput,
) {
  const meeting = await meetingForWrite(em, viewer, input.meetingId);
  const minutes = requireText(input.minutes, 'minutes', 50_000);
  if (meeting.heldAt.getTime() > clock.nowMs()) {
    throw new HubError(
      'MEETING_NOT_YET_HELD',
      'Minutes are recorded at or after the meeting, not before it',
      { field: 'meetingId' },
    );
  }
  meeting.minutes = minutes;
  meeting.minutesRecordedAt = clock.now();
  meeting.minutesRecordedBy = em.getReference(User, viewer.userId);
  await em.flush();
  return meeting;
}

/** An action agreed at the meeting: for a case on its agenda, to a partner on that case. */
export async function agreeAction(
  em: EntityManager,
  viewer: Viewer,
  input: AgreeMeetingActionInput,
) {
  const meeting = await meetingForWrite(em, viewer, input.meetingId);
  const onCase = await openCaseForWrite(em, viewer, input.caseId);
  if (!(await em.count(MeetingAgendaItem, { meeting, case: onCase }))) {
    throw new HubError(
      'CASE_NOT_ON_AGENDA',
      `Case ${onCase.reference} is not on this meeting\u2019s agenda: add it first`,
      { field: 'caseId' },
    );
  }
  const partner = await requirePartnerOnCase(em, onCase, input.partnerId);
  const action = createAction(em, viewer, onCase, partner, {
    title: input.title,
    details: input.details,
    dueDate: input.dueDate,
    source: ActionSource.MEETING,
    meeting,
  });
  await em.flush();
  return action;
}

/** The next meeting the viewer's partner attends, from now on. */
export async function nextMeeting(em: EntityManager, viewer: Viewer) {
  return em
    .createQueryBuilder(Meeting, 'm')
    .select('*')
    .where({ heldAt: { $gte: clock.now() } })
    .andWhere(ATTENDS('m'), [viewer.partnerId])
    .orderBy({ heldAt: 'asc', id: 'asc' })
    .limit(1)
    .getSingleResult();
}
