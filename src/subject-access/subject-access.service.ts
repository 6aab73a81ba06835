import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { addMonths, isoDay } from '../common/dates';
import { requireId, requireLocalDate, requireText } from '../common/validate';
import { lockRow } from '../db/locks';
import { badInput, HubError, notFound } from '../errors';
import { Person } from '../people/person.entity';
import { Role } from '../users/role.enum';
import { User } from '../users/user.entity';
import type {
  ExtendSubjectAccessRequestInput,
  RecordSubjectAccessRequestInput,
} from './subject-access.input';
import { SubjectAccessRequest } from './subject-access-request.entity';

/** UK GDPR art. 12(3): one month, extendable by two further months. */
export const SUBJECT_ACCESS_MONTHS = 1;
export const SUBJECT_ACCESS_EXTENSION_MONTHS = 2;

/** Only the data protection officer acts on data protection rights, for the controller. */
export function requireDataProtectionOfficer(viewer: Viewer, what: string) {
  if (viewer.role !== Role.DATA_PROTECTION_OFFICER) {
    throw new HubError('FORBIDDEN', `Only the data protection officer may ${what}`);
  }
}

const dayPlusMonths = (day: string, months: number) =>
  isoDay(addMonths(new Date(`${day}T00:00:00Z`), months));

/** The deadline: the same day next month, or its last day when shorter (31 Jan -> 28 Feb). */
export const subjectAccessDeadline = (receivedOn: string) =>
  dayPlusMonths(receivedOn, SUBJECT_ACCESS_MONTHS);

export async function recordSubjectAccessRequest(
  em: EntityManager,
  viewer: Viewer,
  input: RecordSubjectAccessRequestInput,
) {
  requireDataProtectionOfficer(viewer, 'record a subject access request');
  const personId = requireId(input.personId, 'person');
  const receivedOn = requireLocalDate(input.receivedOn, 'receivedOn');
  if (receivedOn > isoDay(clock.now())) throw badInput('receivedOn is in the future', 'receivedOn');
  // The DPO acts for every partner: any person held, whatever case they are in.
  if (!(await em.count(Person, { id: personId }))) throw notFound('person', input.personId);
  const request = em.create(SubjectAccessRequest, {
    person: em.getReference(Person, personId),
    receivedOn,
    deadline: subjectAccessDeadline(receivedOn),
    recordedBy: em.getReference(User, viewer.userId),
  });
  await em.flush();
  return request;
}

export async function findSubjectAccessRequest(em: EntityManager, viewer: Viewer, id: string) {
  requireDataProtectionOfficer(viewer, 'read subject access requests');
  const request = await em.findOne(SubjectAccessRequest, {
    id: requireId(id, 'subject access request'),
  });
  if (!request) throw notFound('subject access request', id);
  return request;
}

export async function extendSubjectAccessRequest(
  em: EntityManager,
  viewer: Viewer,
  input: ExtendSubjectAccessRequestInput,
) {
  requireDataProtectionOfficer(viewer, 'extend a subject access request');
  // One extension (UK GDPR art. 12(3)): the row lock makes a second extension wait and see the first.
  await lockRow(em, 'subject_access_request', requireId(input.requestId, 'subject access request'));
  const request = await findSubjectAccessRequest(em, viewer, input.requestId);
  const reason = requireText(input.reason, 'reason', 2000);
  if (request.completedAt) {
    throw new HubError('SUBJECT_ACCESS_COMPLETED', 'This subject access request is completed');
  }
  if (request.extendedDeadline) {
    throw new HubError(
      'SUBJECT_ACCESS_ALREADY_EXTENDED',
      `The deadline was already extended to ${request.extendedDeadline}; UK GDPR art. 12(3) allows one extension of two months`,
      { source: 'UK GDPR art. 12(3)' },
    );
  }
  request.extendedDeadline = dayPlusMonths(
    request.receivedOn,
    SUBJECT_ACCESS_MONTHS + SUBJECT_ACCESS_EXTENSION_MONTHS,
  );
  request.extensionReason = reason;
  await em.flush();
  return request;
}

export async function completeSubjectAccessRequest(em: EntityManager, viewer: Viewer, id: string) {
  requireDataProtectionOfficer(viewer, 'complete a subject access request');
  await lockRow(em, 'subject_access_request', requireId(id, 'subject access request'));
  const request = await findSubjectAccessRequest(em, viewer, id);
  if (request.completedAt) {
    throw new HubError('SUBJECT_ACCESS_COMPLETED', 'This subject access request is completed');
  }
  request.completedAt = clock.now();
  await em.flush();
  return request;
}
