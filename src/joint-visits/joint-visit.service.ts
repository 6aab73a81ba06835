import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { caseForWrite } from '../cases/case-access';
import { CasePartner } from '../cases/case-partner.entity';
import { requireId, requirePast, requireText } from '../common/validate';
import { badInput } from '../errors';
import { peopleInCase } from '../incidents/incident.service';
import { resolveLocation } from '../locations/location.service';
import { Partner } from '../partners/partner.entity';
import { User } from '../users/user.entity';
import type { RecordJointVisitInput } from './joint-visit.input';
import { JointVisitAttendee } from './joint-visit-attendee.entity';
import { JointVisitPerson } from './joint-visit-person.entity';
import { JointVisit } from './joint-visit.entity';

export async function recordJointVisit(
  em: EntityManager,
  viewer: Viewer,
  input: RecordJointVisitInput,
) {
  const found = await caseForWrite(em, viewer, input.caseId);
  const visitedAt = requirePast(input.visitedAt, 'visitedAt');
  const purpose = requireText(input.purpose, 'purpose', 2000);
  const outcome = requireText(input.outcome, 'outcome');
  const attendees = input.attendees.map((attendee, i) => ({
    partnerId: requireId(attendee.partnerId, 'partner'),
    officerName: requireText(attendee.officerName, `attendees[${i}].officerName`, 200),
  }));
  const partnerIds = [...new Set(attendees.map((attendee) => attendee.partnerId))];
  if (partnerIds.length < 2) {
    throw badInput('A joint visit needs officers from at least two partners', 'attendees');
  }
  const onCase = new Set(
    (await em.find(CasePartner, { case: found, partner: { $in: partnerIds } })).map(
      (row) => row.partner.id,
    ),
  );
  const absent = partnerIds.find((id) => !onCase.has(id));
  if (absent)
    throw badInput(`Partner ${absent} does not take part in case ${found.reference}`, 'attendees');
  const people = await peopleInCase(em, viewer, found, input.personIds);
  const location = await resolveLocation(em, viewer, input.locationId, input.newLocation);

  const visit = em.create(JointVisit, {
    case: found,
    visitedAt,
    location,
    purpose,
    outcome,
    recordedBy: em.getReference(User, viewer.userId),
  });
  for (const attendee of attendees) {
    em.create(JointVisitAttendee, {
      visit,
      partner: em.getReference(Partner, attendee.partnerId),
      officerName: attendee.officerName,
    });
  }
  for (const person of people) em.create(JointVisitPerson, { visit, person });
  await em.flush();
  return visit;
}
