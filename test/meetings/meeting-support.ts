import { clock } from '../../src/common/clock';
import { CasePartner } from '../../src/cases/case-partner.entity';
import { Action } from '../../src/actions/action.entity';
import { Case } from '../../src/cases/case.entity';
import { IncidentCategory } from '../../src/incidents/incident-category.enum';
import { Meeting, MeetingAgendaItem, MeetingPartner } from '../../src/meetings/meeting.entity';
import { MentalHealthRecord } from '../../src/partner-records/mental-health-record.entity';
import { Partner } from '../../src/partners/partner.entity';
import { Person } from '../../src/people/person.entity';
import { SharingBasisKind } from '../../src/sharing/sharing-basis-kind.enum';
import { SharingBasis } from '../../src/sharing/sharing-basis.entity';
import { User } from '../../src/users/user.entity';
import {
  makeCase,
  makePartnerMember,
  makePerson,
  type Member,
  PartnerKind,
  PersonRole,
} from '../support/factories';
import { gql } from '../support/gql';
import type { TestHub } from '../support/hub';
import type { RowCounts } from '../mutations/refusals';

/* The meeting operations the tests send, and a setting of partners, a case and a person. */

const MEETING = `id heldAt attendanceRecordedAt minutes minutesRecordedAt
  chair { id partner { id } }
  partners { id }
  agenda { position case { id reference } }
  actions { id title dueDate source assignedPartner { id } case { id } }
  outstandingActions { partner { id } overdue actions { id title } }`;

type Any = any;

export const ScheduleMeeting = gql<Any, Any>(
  `mutation ScheduleMeeting($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING} } }`,
);
export const AddCaseToMeetingAgenda = gql<Any, Any>(
  `mutation AddCase($input: AddCaseToMeetingAgendaInput!) { addCaseToMeetingAgenda(input: $input) { ${MEETING} } }`,
);
export const RecordMeetingAttendance = gql<Any, Any>(
  `mutation Attendance($input: RecordMeetingAttendanceInput!) { recordMeetingAttendance(input: $input) { ${MEETING} } }`,
);
export const RecordMeetingMinutes = gql<Any, Any>(
  `mutation Minutes($input: RecordMeetingMinutesInput!) { recordMeetingMinutes(input: $input) { ${MEETING} } }`,
);
export const AgreeMeetingAction = gql<Any, Any>(
  `mutation Agree($input: AgreeMeetingActionInput!) { agreeMeetingAction(input: $input) { id title dueDate source assignedPartner { id } } }`,
);
export const MeetingQuery = gql<Any, Any>(
  `query Meeting($id: ID!) { meeting(id: $id) { ${MEETING} } }`,
);
export const NextMeeting = gql<Any, Any>(`query Next { nextMeeting { ${MEETING} } }`);

export const MeetingPackQuery = gql<Any, Any>(`
  query Pack($meetingId: ID!, $audience: MeetingPackAudience!, $partnerId: ID) {
    meetingPack(meetingId: $meetingId, audience: $audience, partnerId: $partnerId) {
      meetingId heldAt audience audiencePartners { id } generatedAt
      withheld { section reason }
      items {
        position caseId reference title summary status riskLevel osaraStage chronologySince
        chronology { occurredAt kind label partner { id } deadline answer detail }
        caseReview { applicationStep decisionOutcome thresholdMet }
        actionsByPartner { partner { id } outstanding overdue actions { title dueDate overdue source } }
        people { role name records { kind owner { id } fields { name value } } }
        chart { from to incidentsPerWeek dayOfWeekByHour }
        withheld { section reason }
      }
    }
  }`);

export const CLINICAL_NOTE = 'CLINICAL-NOTE: medication reviewed';
export const CARE_CONTACT = 'Care coordinator Bethan, community mental health team';

/**
 * A council ASB coordinator who chairs, the police leading a case, a housing provider, a mental
 * health service and a drug and alcohol service on it; a victim known to the mental health service.
 */
export async function meetingSetting(hub: TestHub) {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const mentalHealth = await makePartnerMember(em, PartnerKind.MENTAL_HEALTH);
  const outsider = await makePartnerMember(em, PartnerKind.HOUSING);
  const victim = await makePerson(em);
  const onCase = await makeCase(em, police, {
    others: [council.partner, housing.partner, mentalHealth.partner],
    people: [[victim, PersonRole.VICTIM]],
  });
  const record = em.create(MentalHealthRecord, {
    ownerPartner: em.getReference(Partner, mentalHealth.partner.id),
    person: em.getReference(Person, victim.id),
    careContact: CARE_CONTACT,
    clinicalNotes: CLINICAL_NOTE,
  });
  await em.flush();
  const rows: RowCounts = async (check) => {
    const meetings = await check.find(Meeting, { scheduledBy: { partner: council.partner.id } });
    const ids = meetings.map((m) => m.id);
    return {
      meetings: meetings.length,
      minutes: meetings.filter((m) => m.minutes).length,
      attendance: await check.count(MeetingPartner, { meeting: { $in: ids } }),
      agenda: await check.count(MeetingAgendaItem, { meeting: { $in: ids } }),
      actions: await check.count(Action, { case: onCase.id }),
    };
  };
  return { council, police, housing, mentalHealth, outsider, victim, onCase, record, rows };
}

/**
 * The mental health service's basis for releasing its fields about the person on `onCase`: to
 * `recipient`, or to every other partner on the case now.
 */
export async function releaseByConsent(
  hub: TestHub,
  owner: Member,
  person: Person,
  onCase: { id: string },
  recipient?: Partner,
) {
  const em = hub.em();
  const onIt = await em.find(CasePartner, { case: onCase.id });
  em.create(SharingBasis, {
    person: em.getReference(Person, person.id),
    ownerPartner: em.getReference(Partner, owner.partner.id),
    case: em.getReference(Case, onCase.id),
    recipientPartnerIds: recipient
      ? [recipient.id]
      : onIt.map((row) => row.partner.id).filter((id) => id !== owner.partner.id),
    kind: SharingBasisKind.CONSENT,
    reason: 'Consented at the joint visit',
    decidedBy: em.getReference(User, owner.user.id),
    recordedAt: new Date(clock.nowMs() - 60_000),
  });
  await em.flush();
}

/** A meeting written straight to the database, so it can be in the past. */
export async function existingMeeting(
  hub: TestHub,
  chair: Member,
  heldAt: Date,
  partners: Partner[],
  cases: Case[],
) {
  const em = hub.em();
  const meeting = em.create(Meeting, {
    heldAt,
    chair: em.getReference(User, chair.user.id),
    scheduledBy: em.getReference(User, chair.user.id),
  });
  for (const partner of new Set([chair.partner.id, ...partners.map((p) => p.id)])) {
    em.create(MeetingPartner, { meeting, partner: em.getReference(Partner, partner) });
  }
  cases.forEach((c, i) =>
    em.create(MeetingAgendaItem, {
      meeting,
      case: em.getReference(Case, c.id),
      position: i + 1,
      addedBy: em.getReference(User, chair.user.id),
    }),
  );
  await em.flush();
  return meeting;
}

export { IncidentCategory };
