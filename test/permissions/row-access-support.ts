import { clock } from '../../src/common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { ActionStatus } from '../../src/actions/action-enums';
import { Action } from '../../src/actions/action.entity';
import { CaseReviewAlert } from '../../src/case-reviews/case-review-alert.entity';
import { CaseReviewApplication } from '../../src/case-reviews/case-review-application.entity';
import {
  CaseReviewApplicationChannel,
  CaseReviewRoute,
} from '../../src/case-reviews/case-review-workflow.enum';
import { ImportFormat } from '../../src/imports/import-enums';
import { ImportRun } from '../../src/imports/import-run.entity';
import { InterventionKind } from '../../src/interventions/intervention-enums';
import { Intervention } from '../../src/interventions/intervention.entity';
import { PersonLinkMethod, PersonLinkStatus } from '../../src/people/person-link-enums';
import { PersonLink } from '../../src/people/person-link.entity';
import { JointVisit } from '../../src/joint-visits/joint-visit.entity';
import { Meeting, MeetingAgendaItem, MeetingPartner } from '../../src/meetings/meeting.entity';
import { OsaraStage } from '../../src/cases/case-enums';
import { OsaraPartnerRequest } from '../../src/osara/osara-partner-request.entity';
import { PARTNER_RECORD_SPECS } from '../../src/partner-records/partner-record-kinds';
import { SharingBasisKind } from '../../src/sharing/sharing-basis-kind.enum';
import { SharingBasis } from '../../src/sharing/sharing-basis.entity';
import { SupportKind, SupportResponse } from '../../src/support/support-enums';
import { SupportOffer } from '../../src/support/support-offer.entity';
import {
  makeCase,
  makeIncident,
  makeLocation,
  makeMember,
  makePartner,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
  type Member,
} from '../support/factories';

export const daysAgo = (days: number) => new Date(clock.nowMs() - days * 24 * 3600 * 1000);
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * One partner's corner of the area: a case it leads with a second partner on it, a victim and a
 * perpetrator, the place the case centres on and an incident there, and one row of every other
 * kind a client can name by id. Two of these side by side give each kind a row one partner
 * reaches and the other does not.
 */
export async function makeWorld(em: EntityManager, leadKind: PartnerKind, otherKind: PartnerKind) {
  const lead = await makeMember(em, await makePartner(em, leadKind), Role.SUPERVISOR);
  const practitioner = await makeMember(em, lead.partner, Role.PRACTITIONER);
  const other = await makeMember(em, await makePartner(em, otherKind), Role.SUPERVISOR);
  const victim = await makePerson(em);
  const perpetrator = await makePerson(em);
  const secondVictim = await makePerson(em);
  const centre = await makeLocation(em);
  const incidentPlace = await makeLocation(em);
  const visitPlace = await makeLocation(em);
  const premises = await makeLocation(em);
  const onCase = await makeCase(em, lead, {
    others: [other.partner],
    people: [
      [victim, PersonRole.VICTIM],
      [perpetrator, PersonRole.PERPETRATOR],
      [secondVictim, PersonRole.VICTIM],
    ],
    location: centre,
  });
  // At scanning, so that partners may be asked for their data.
  onCase.osara.stage = OsaraStage.SCANNING;
  const incident = await makeIncident(em, onCase, lead.partner, daysAgo(20), incidentPlace);
  const intervention = em.create(Intervention, {
    case: onCase,
    kind: InterventionKind.COMMUNITY_PROTECTION_WARNING,
    issuedAt: daysAgo(15),
    terms: 'Stop the noise at night',
    subject: perpetrator,
    premises,
  });
  const closureNotice = em.create(Intervention, {
    case: onCase,
    kind: InterventionKind.CLOSURE_NOTICE,
    issuedAt: daysAgo(10),
    terms: 'Closure notice',
    premises: centre,
  });
  const closureOrder = em.create(Intervention, {
    case: onCase,
    kind: InterventionKind.CLOSURE_ORDER,
    issuedAt: daysAgo(9),
    endsAt: new Date(clock.nowMs() + 30 * 24 * 3600 * 1000),
    terms: 'Closure order',
    premises: centre,
  });
  const alert = em.create(CaseReviewAlert, {
    case: onCase,
    route: CaseReviewRoute.VICTIM_THRESHOLD,
    windowStart: daysAgo(100),
    windowEnd: daysAgo(1),
    victim,
  });
  const application = em.create(CaseReviewApplication, {
    case: onCase,
    victim,
    madeByVictim: true,
    channel: CaseReviewApplicationChannel.PHONE,
    receivedBy: lead.partner,
    recordedBy: lead.user,
    appliedAt: daysAgo(5),
  });
  const action = em.create(Action, {
    case: onCase,
    assignedPartner: lead.partner,
    title: 'Visit the victim',
    dueDate: dayOf(daysAgo(-10)),
    status: ActionStatus.OPEN,
  });
  const meeting = em.create(Meeting, {
    heldAt: daysAgo(-7),
    chair: lead.user,
    scheduledBy: lead.user,
  });
  em.create(MeetingPartner, { meeting, partner: lead.partner });
  em.create(MeetingPartner, { meeting, partner: other.partner });
  em.create(MeetingAgendaItem, { meeting, case: onCase, position: 1, addedBy: lead.user });
  const partnerDataRequest = em.create(OsaraPartnerRequest, {
    case: onCase,
    partner: other.partner,
    askedBy: lead.user,
  });
  const sharingBasis = em.create(SharingBasis, {
    person: victim,
    ownerPartner: lead.partner,
    case: onCase,
    recipientPartnerIds: [other.partner.id],
    kind: SharingBasisKind.CONSENT,
    reason: 'The victim agreed',
    decidedBy: lead.user,
    recordedAt: daysAgo(3),
  });
  const jointVisit = em.create(JointVisit, {
    case: onCase,
    visitedAt: daysAgo(4),
    location: visitPlace,
    purpose: 'See the flat',
    outcome: 'Seen',
  });
  const supportOffer = em.create(SupportOffer, {
    case: onCase,
    offeredBy: lead.partner,
    person: victim,
    kind: SupportKind.VICTIM_SUPPORT,
    offeredAt: daysAgo(4),
    response: SupportResponse.ACCEPTED,
  });
  // A review item pairing the corner's victim with a record on no case.
  const personMatch = em.create(PersonLink, {
    person: await makePerson(em),
    matchedPerson: victim,
    method: PersonLinkMethod.PROBABILISTIC,
    status: PersonLinkStatus.REVIEW,
    evidence: 'NAME_AND_BIRTH_DATE',
    score: 17,
    recordedBy: lead.partner,
  });
  // The lead partner's own record about the victim, of its kind (makeWorld leads hold records).
  const spec = Object.values(PARTNER_RECORD_SPECS).find((one) => one.partnerKind === leadKind);
  if (!spec) throw new Error(`makeWorld: a ${leadKind} lead holds no partner records`);
  const ownPartnerRecord = em.create(spec.entity, {
    ownerPartner: lead.partner,
    person: victim,
  } as never);
  const importRun = em.create(ImportRun, {
    partner: lead.partner,
    format: ImportFormat.POLICE_UK,
    fileName: 'street.csv',
    fileSha256: randomUUID().replace(/-/g, ''),
  });
  await em.flush();
  return {
    lead,
    practitioner,
    other,
    victim,
    perpetrator,
    secondVictim,
    places: { centre, incidentPlace, visitPlace, premises },
    ids: {
      case: onCase.id,
      person: victim.id,
      location: centre.id,
      incident: incident.id,
      intervention: intervention.id,
      closureNotice: closureNotice.id,
      closureOrder: closureOrder.id,
      caseReviewAlert: alert.id,
      caseReviewApplication: application.id,
      action: action.id,
      meeting: meeting.id,
      partnerDataRequest: partnerDataRequest.id,
      sharingBasis: sharingBasis.id,
      jointVisit: jointVisit.id,
      supportOffer: supportOffer.id,
      importRun: importRun.id,
      ownPartnerRecord: ownPartnerRecord.id,
      personMatch: personMatch.id,
    },
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;
export type { Member };
