import { clock } from '../../src/common/clock';
import {
  getNamedType,
  isCompositeType,
  isInputObjectType,
  type GraphQLArgument,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import type { RowKind } from '../../src/permissions/row-access';
import { buildBareSchema } from '../../src/schema';
import { makeMember, PartnerKind, Role, type Member } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { dayOf, daysAgo, makeWorld, type World } from './row-access-support';

/*
 * Ids in inputs. Every ID argument and ID input field of the schema (nested input lists too) is
 * sent twice by a viewer who may not see the target: once naming a row of another partner's
 * corner of the area, once a random uuid. The two answers must be the same (code, message and
 * data, the id aside), nothing may be written, and nothing of the hidden row may come back. The
 * table PROBES says, for each path, which row is hidden from the viewer and what the answer is;
 * a new ID argument without an entry fails the walk.
 */

const schema = buildBareSchema();

type Target = RowKind | 'closureNotice' | 'closureOrder';

interface Probe {
  /** The kind of row named; its hidden target is the other corner's row of that kind. */
  kind: Target;
  /**
   * Instead of another partner's row, the id to try against a random one. Used for the area's
   * directory (partners, officers, letter templates), where every row is reachable by design:
   * a malformed id must then answer as a random one does.
   */
  hidden?: (hidden: World, viewer: World) => string;
  /** What both answers are: an error code (NOT_FOUND by default) or EMPTY for a filter. */
  expect?: string;
  /** Who asks: the viewer's supervisor by default. */
  as?: 'dpo' | 'administrator' | 'practitioner' | 'legal' | 'analyst';
}

const MALFORMED = () => 'not-an-id';

/** Each path the walk finds, with how to probe it. */
const PROBES: Record<string, Probe> = {
  // Filters narrow a list already scoped to the viewer: a hidden id finds nothing, like a random one.
  'Query.auditEntries(filter).caseId': { kind: 'case', expect: 'EMPTY' },
  'Query.auditEntries(filter).personId': { kind: 'person', expect: 'EMPTY' },
  'Query.auditEntries(filter).userId': {
    kind: 'user',
    hidden: (h) => h.lead.user.id,
    expect: 'EMPTY',
  },
  'Query.case(id)': { kind: 'case' },
  'Query.caseReviewAlerts(caseId)': { kind: 'case', expect: 'EMPTY' },
  'Query.caseReviewApplication(id)': { kind: 'caseReviewApplication' },
  'Query.caseReviewApplications(caseId)': { kind: 'case' },
  'Query.cases(filter).leadPartnerId': {
    kind: 'partner',
    hidden: (h) => h.lead.partner.id,
    expect: 'EMPTY',
  },
  'Query.cases(filter).personId': { kind: 'person', expect: 'EMPTY' },
  'Me.cases(filter).leadPartnerId': {
    kind: 'partner',
    hidden: (h) => h.lead.partner.id,
    expect: 'EMPTY',
  },
  'Me.cases(filter).personId': { kind: 'person', expect: 'EMPTY' },
  'Query.importRun(id)': { kind: 'importRun' },
  'Query.interventionImpact(interventionId)': { kind: 'intervention', as: 'analyst' },
  'Query.leadOfficerStatement(caseId)': { kind: 'case' },
  'Query.letterTemplateChanges(templateId)': {
    kind: 'letterTemplate',
    hidden: MALFORMED,
    as: 'administrator',
  },
  'Query.meeting(id)': { kind: 'meeting' },
  'Query.meetingPack(meetingId)': { kind: 'meeting' },
  'Query.meetingPack(partnerId)': {
    kind: 'partner',
    hidden: (h) => h.lead.partner.id,
    expect: 'PACK_FOR_OWN_PARTNER_ONLY',
  },
  'Query.person(id)': { kind: 'person' },
  'Query.previewLetter(input).interventionId': { kind: 'intervention' },
  'Query.previewLetter(input).templateId': { kind: 'letterTemplate', hidden: MALFORMED },
  'Query.subjectAccessRequest(id)': { kind: 'subjectAccessRequest', hidden: MALFORMED, as: 'dpo' },
  'Mutation.addCaseToMeetingAgenda(input).caseId': { kind: 'case' },
  'Mutation.addCaseToMeetingAgenda(input).meetingId': { kind: 'meeting' },
  'Mutation.addPartnerToCase(input).caseId': { kind: 'case' },
  'Mutation.addPartnerToCase(input).partnerId': { kind: 'partner', hidden: MALFORMED },
  'Mutation.addPersonToCase(input).caseId': { kind: 'case' },
  'Mutation.addPersonToCase(input).personId': { kind: 'person' },
  'Mutation.advanceOsaraStage(input).caseId': { kind: 'case' },
  'Mutation.agreeMeetingAction(input).caseId': { kind: 'case' },
  'Mutation.agreeMeetingAction(input).meetingId': { kind: 'meeting' },
  'Mutation.agreeMeetingAction(input).partnerId': { kind: 'partner', hidden: MALFORMED },
  // The retention review is the data protection officer's, area-wide (docs/data-protection.md "Data protection
  // rights"): every case is theirs to name, so a malformed id is tried against a random one.
  'Mutation.approveCaseDeletion(input).caseId': { kind: 'case', hidden: MALFORMED, as: 'dpo' },
  'Mutation.askPartnerForData(input).caseId': { kind: 'case' },
  'Mutation.askPartnerForData(input).partnerId': { kind: 'partner', hidden: MALFORMED },
  'Mutation.assignAction(input).caseId': { kind: 'case' },
  'Mutation.assignAction(input).partnerId': { kind: 'partner', hidden: MALFORMED },
  'Mutation.cancelAction(input).actionId': { kind: 'action' },
  'Mutation.closeCase(input).caseId': { kind: 'case' },
  'Mutation.completeAction(input).actionId': { kind: 'action' },
  'Mutation.confirmPersonMatch(id)': { kind: 'personMatch' },
  'Mutation.rejectPersonMatch(id)': { kind: 'personMatch' },
  'Mutation.unlinkPersonMatch(id)': { kind: 'personMatch' },
  'Mutation.completeSubjectAccessRequest(id)': {
    kind: 'subjectAccessRequest',
    hidden: MALFORMED,
    as: 'dpo',
  },
  'Mutation.dismissCaseReviewAlert(input).alertId': { kind: 'caseReviewAlert' },
  // Corrections and risk assessments (src/corrections/, src/risk-assessments/).
  'Mutation.correctCase(input).caseId': { kind: 'case' },
  'Mutation.correctCasePerson(input).caseId': { kind: 'case' },
  'Mutation.correctCasePerson(input).personId': { kind: 'person' },
  'Mutation.correctIncident(input).incidentId': { kind: 'incident' },
  'Mutation.correctIncident(input).locationId': { kind: 'location' },
  'Mutation.removePersonFromCase(input).caseId': { kind: 'case' },
  'Mutation.removePersonFromCase(input).personId': { kind: 'person' },
  'Mutation.removePartnerFromCase(input).caseId': { kind: 'case' },
  'Mutation.removePartnerFromCase(input).partnerId': { kind: 'partner', hidden: MALFORMED },
  'Mutation.recordRiskAssessment(input).caseId': { kind: 'case' },
  'Mutation.recordRiskAssessment(input).personId': { kind: 'person' },
  'Mutation.recordCorrespondenceLanguage(input).personId': { kind: 'person' },
  'Mutation.extendSubjectAccessRequest(input).requestId': {
    kind: 'subjectAccessRequest',
    hidden: MALFORMED,
    as: 'dpo',
  },
  'Mutation.issueIntervention(input).caseId': { kind: 'case' },
  'Mutation.issueIntervention(input).closureNoticeId': { kind: 'closureNotice' },
  'Mutation.issueIntervention(input).extendsOrderId': { kind: 'closureOrder' },
  'Mutation.issueIntervention(input).issuingPartnerIds': {
    kind: 'partner',
    hidden: (h) => h.lead.partner.id,
    expect: 'BAD_USER_INPUT',
  },
  'Mutation.issueIntervention(input).premisesLocationId': { kind: 'location' },
  'Mutation.issueIntervention(input).subjectPersonId': { kind: 'person' },
  'Mutation.openCase(input).leadOfficerId': {
    kind: 'user',
    hidden: (h) => h.lead.user.id,
    expect: 'BAD_USER_INPUT',
  },
  'Mutation.openCase(input).locationId': { kind: 'location' },
  'Mutation.openCase(input).partnerIds': { kind: 'partner', hidden: MALFORMED },
  'Mutation.recordCaseReviewApplication(input).alertId': { kind: 'caseReviewAlert' },
  'Mutation.recordCaseReviewApplication(input).caseId': { kind: 'case' },
  'Mutation.recordCaseReviewApplication(input).victimId': { kind: 'person' },
  'Mutation.recordCaseReviewDecision(input).applicationId': { kind: 'caseReviewApplication' },
  'Mutation.recordCaseReviewDecision(input).caseId': { kind: 'case' },
  'Mutation.recordCaseReviewDecision(input).incidentIds': { kind: 'incident' },
  'Mutation.recordCaseReviewDecision(input).victimId': { kind: 'person' },
  'Mutation.recordCaseReviewRecommendations(input).applicationId': {
    kind: 'caseReviewApplication',
  },
  // The application is not yet at its recommendations step: the step check answers first, alike.
  'Mutation.recordCaseReviewRecommendations(input).recommendations.partnerId': {
    kind: 'partner',
    hidden: (h) => h.lead.partner.id,
    expect: 'CASE_REVIEW_STEP_OUT_OF_ORDER',
  },
  'Mutation.recordCaseReviewStep(input).applicationId': { kind: 'caseReviewApplication' },
  // Partner records (src/partner-records/): the ids are checked before the writer's kind.
  'Mutation.recordDrugAlcoholRecord(input).caseId': { kind: 'case' },
  'Mutation.recordDrugAlcoholRecord(input).personId': { kind: 'person' },
  'Mutation.recordHousingRecord(input).caseId': { kind: 'case' },
  'Mutation.recordHousingRecord(input).personId': { kind: 'person' },
  'Mutation.recordMentalHealthRecord(input).caseId': { kind: 'case' },
  'Mutation.recordMentalHealthRecord(input).personId': { kind: 'person' },
  'Mutation.recordPoliceRecord(input).caseId': { kind: 'case' },
  'Mutation.recordPoliceRecord(input).personId': { kind: 'person' },
  'Mutation.recordFixedPenalty(input).interventionId': { kind: 'intervention' },
  'Mutation.recordIncident(input).caseId': { kind: 'case' },
  'Mutation.recordIncident(input).locationId': { kind: 'location' },
  'Mutation.recordIncident(input).people.personId': { kind: 'person' },
  'Mutation.recordIncident(input).sameEpisodeAsIncidentId': { kind: 'incident' },
  'Mutation.recordInterventionBreach(input).incidentId': { kind: 'incident' },
  'Mutation.recordInterventionBreach(input).interventionId': { kind: 'intervention' },
  'Mutation.recordJointVisit(input).attendees.partnerId': {
    kind: 'partner',
    hidden: (h) => h.lead.partner.id,
    expect: 'BAD_USER_INPUT',
  },
  'Mutation.recordJointVisit(input).caseId': { kind: 'case' },
  'Mutation.recordJointVisit(input).locationId': { kind: 'location' },
  'Mutation.recordJointVisit(input).personIds': { kind: 'person' },
  'Mutation.recordLetterSent(interventionId)': { kind: 'intervention' },
  'Mutation.recordMeetingAttendance(input).meetingId': { kind: 'meeting' },
  'Mutation.recordMeetingAttendance(input).partnerIds': { kind: 'partner', hidden: MALFORMED },
  'Mutation.recordMeetingMinutes(input).meetingId': { kind: 'meeting' },
  'Mutation.recordOsaraAnalysis(input).caseId': { kind: 'case' },
  'Mutation.recordOsaraAssessment(input).caseId': { kind: 'case' },
  'Mutation.recordOsaraObjective(input).caseId': { kind: 'case' },
  'Mutation.recordOsaraResponse(input).caseId': { kind: 'case' },
  'Mutation.recordOsaraScanning(input).caseId': { kind: 'case' },
  'Mutation.recordPartnerDataAnswered(input).requestId': { kind: 'partnerDataRequest' },
  // Another partner's record answers as a missing one, before the request is checked as yours.
  'Mutation.recordPartnerDataAnswered(input).partnerRecordIds': { kind: 'ownPartnerRecord' },
  'Mutation.recordPartnerDataAnswered(input).note.sharingBasisId': { kind: 'sharingBasis' },
  'Mutation.recordProsecution(input).interventionId': { kind: 'intervention' },
  'Mutation.recordSharingBasis(input).caseId': { kind: 'case' },
  'Mutation.recordSharingBasis(input).personId': { kind: 'person' },
  // A partner not on the case answers as an unknown one (src/sharing/sharing-basis.service.ts).
  'Mutation.recordSharingBasis(input).recipientPartnerIds': {
    kind: 'partner',
    hidden: (h) => h.lead.partner.id,
  },
  'Mutation.recordSharingOverride(input).caseId': { kind: 'case' },
  'Mutation.recordSharingOverride(input).personId': { kind: 'person' },
  'Mutation.recordSharingOverride(input).recipientPartnerIds': {
    kind: 'partner',
    hidden: (h) => h.lead.partner.id,
  },
  'Mutation.recordStatementReview(input).caseId': { kind: 'case', as: 'legal' },
  'Mutation.recordSubjectAccessRequest(input).personId': {
    kind: 'person',
    hidden: MALFORMED,
    as: 'dpo',
  },
  'Mutation.recordSupportOffer(input).caseId': { kind: 'case' },
  'Mutation.recordSupportOffer(input).offeredByPartnerId': {
    kind: 'partner',
    hidden: (h) => h.lead.partner.id,
    expect: 'BAD_USER_INPUT',
  },
  'Mutation.recordSupportOffer(input).personId': { kind: 'person' },
  'Mutation.reopenOsaraStage(input).caseId': { kind: 'case' },
  'Mutation.scheduleMeeting(input).chairUserId': { kind: 'user', hidden: MALFORMED },
  'Mutation.scheduleMeeting(input).partnerIds': { kind: 'partner', hidden: MALFORMED },
  'Mutation.updateLetterTemplate(input).id': {
    kind: 'letterTemplate',
    hidden: MALFORMED,
    as: 'administrator',
  },
  'Mutation.withdrawSharingBasis(input).sharingBasisId': { kind: 'sharingBasis' },
  // Onboarding (administrators): partners and users are the area's directory.
  'Query.users(partnerId)': {
    kind: 'partner',
    hidden: MALFORMED,
    as: 'administrator',
  },
  'Mutation.updatePartner(input).id': {
    kind: 'partner',
    hidden: MALFORMED,
    as: 'administrator',
  },
  'Mutation.createUser(input).partnerId': {
    kind: 'partner',
    hidden: MALFORMED,
    as: 'administrator',
  },
  'Mutation.updateUser(input).id': {
    kind: 'user',
    hidden: MALFORMED,
    as: 'administrator',
  },
  'Mutation.deactivateUser(input).id': {
    kind: 'user',
    hidden: MALFORMED,
    as: 'administrator',
  },
  'Query.onboardingChanges(partnerId)': {
    kind: 'partner',
    hidden: MALFORMED,
    as: 'administrator',
  },
  'Query.onboardingChanges(userId)': {
    kind: 'user',
    hidden: MALFORMED,
    as: 'administrator',
  },
};

/**
 * Valid variables for each root field, built from the viewer's own corner, so that the probed id
 * is the one thing wrong with the request. The probe then puts its target at its path.
 */
interface Area {
  /** Another partner's corner, for ids the viewer may name but that are not on its case. */
  hidden: World;
  /** One of the area's letter templates. */
  templateId: string;
}

const BASES: Record<string, (v: World, area: Area) => Record<string, unknown>> = {
  'Query.auditEntries': () => ({ first: 10, filter: {} }),
  'Query.case': () => ({}),
  'Query.caseReviewAlerts': () => ({ status: 'OPEN' }),
  'Query.caseReviewApplication': () => ({}),
  'Query.caseReviewApplications': () => ({}),
  'Query.cases': () => ({ first: 10, orderBy: 'OPENED_AT_DESC', filter: {} }),
  'Me.cases': () => ({ first: 10, orderBy: 'OPENED_AT_DESC', filter: {} }),
  'Query.importRun': () => ({}),
  'Query.interventionImpact': () => ({
    filter: { from: dayOf(daysAgo(400)), to: dayOf(daysAgo(-1)) },
    windowDays: 30,
  }),
  'Query.leadOfficerStatement': () => ({}),
  'Query.letterTemplateChanges': () => ({}),
  'Query.meeting': () => ({}),
  'Query.meetingPack': (v) => ({ meetingId: v.ids.meeting, audience: 'PARTNER' }),
  'Query.person': () => ({}),
  'Query.previewLetter': (_v, area) => ({ input: { templateId: area.templateId } }),
  'Query.subjectAccessRequest': () => ({}),
  'Mutation.addCaseToMeetingAgenda': (v) => ({
    input: { caseId: v.ids.case, meetingId: v.ids.meeting },
  }),
  'Mutation.addPartnerToCase': (v, area) => ({
    input: { caseId: v.ids.case, partnerId: area.hidden.lead.partner.id },
  }),
  'Mutation.addPersonToCase': (v) => ({ input: { caseId: v.ids.case, role: 'WITNESS' } }),
  'Mutation.advanceOsaraStage': () => ({ input: { to: 'SCANNING' } }),
  'Mutation.agreeMeetingAction': (v) => ({
    input: {
      caseId: v.ids.case,
      meetingId: v.ids.meeting,
      partnerId: v.lead.partner.id,
      title: 'Write to the landlord',
      dueDate: dayOf(daysAgo(-14)),
    },
  }),
  'Mutation.approveCaseDeletion': () => ({ input: { reason: 'Retention period passed' } }),
  'Mutation.askPartnerForData': (v) => ({
    input: { caseId: v.ids.case, partnerId: v.other.partner.id },
  }),
  'Mutation.assignAction': (v) => ({
    input: {
      caseId: v.ids.case,
      partnerId: v.other.partner.id,
      title: 'Check the tenancy',
      dueDate: dayOf(daysAgo(-14)),
    },
  }),
  'Mutation.cancelAction': () => ({ input: { reason: 'No longer needed' } }),
  'Mutation.closeCase': () => ({ input: {} }),
  'Mutation.completeAction': () => ({ input: {} }),
  'Mutation.completeSubjectAccessRequest': () => ({}),
  'Mutation.confirmPersonMatch': () => ({}),
  'Mutation.rejectPersonMatch': () => ({}),
  'Mutation.unlinkPersonMatch': () => ({}),
  'Mutation.dismissCaseReviewAlert': () => ({ input: { reason: 'Handled already' } }),
  'Mutation.correctCase': (v) => ({
    input: { caseId: v.ids.case, reason: 'Mistyped', title: 'Noise from flat 2' },
  }),
  'Mutation.correctCasePerson': (v) => ({
    input: { caseId: v.ids.case, personId: v.victim.id, reason: 'Wrong role', role: 'WITNESS' },
  }),
  'Mutation.correctIncident': (v) => ({
    input: { incidentId: v.ids.incident, reason: 'Wrong place', category: 'ENVIRONMENTAL' },
  }),
  'Mutation.removePersonFromCase': (v) => ({
    input: { caseId: v.ids.case, personId: v.secondVictim.id, reason: 'Added by mistake' },
  }),
  'Mutation.removePartnerFromCase': (v) => ({
    input: { caseId: v.ids.case, partnerId: v.other.partner.id, reason: 'Brought in by mistake' },
  }),
  'Mutation.recordRiskAssessment': (v) => ({
    input: {
      caseId: v.ids.case,
      personId: v.victim.id,
      repeatVictimisation: 2,
      vulnerability: 1,
      impact: 1,
    },
  }),
  'Mutation.recordCorrespondenceLanguage': (v) => ({
    input: { personId: v.victim.id, language: 'WELSH' },
  }),
  'Mutation.extendSubjectAccessRequest': () => ({ input: { reason: 'Complex request' } }),
  'Mutation.issueIntervention': (v) => ({
    input: {
      caseId: v.ids.case,
      kind: 'CLOSURE_ORDER',
      issuedAt: daysAgo(1).toISOString(),
      endsAt: new Date(clock.nowMs() + 20 * 24 * 3600 * 1000).toISOString(),
      terms: 'Closed to all but the tenant',
      premisesLocationId: v.places.centre.id,
      closureNoticeId: v.ids.closureNotice,
      issuingPartnerIds: [v.lead.partner.id],
      subjectPersonId: v.perpetrator.id,
    },
  }),
  'Mutation.openCase': () => ({
    input: {
      title: 'Noise from a flat',
      centredOn: 'LOCATION',
      riskLevel: 'STANDARD',
      partnerIds: [],
    },
  }),
  'Mutation.recordCaseReviewApplication': (v) => ({
    input: {
      caseId: v.ids.case,
      victimId: v.secondVictim.id,
      channel: 'PHONE',
      madeByVictim: true,
      alertId: v.ids.caseReviewAlert,
    },
  }),
  'Mutation.recordCaseReviewDecision': (v) => ({
    input: {
      caseId: v.ids.case,
      victimId: v.victim.id,
      incidentIds: [v.ids.incident],
      outcome: 'NO_REVIEW',
      reasons: 'Below the threshold',
      applicationId: v.ids.caseReviewApplication,
    },
  }),
  'Mutation.recordCaseReviewRecommendations': (v) => ({
    input: {
      applicationId: v.ids.caseReviewApplication,
      recommendations: [
        { partnerId: v.lead.partner.id, title: 'Mediate', dueDate: dayOf(daysAgo(-14)) },
      ],
    },
  }),
  'Mutation.recordCaseReviewStep': () => ({ input: { step: 'ACKNOWLEDGEMENT' } }),
  'Mutation.recordPoliceRecord': (v) => ({
    input: { caseId: v.ids.case, personId: v.victim.id, warningsSummary: 'CPW issued' },
  }),
  'Mutation.recordHousingRecord': (v) => ({
    input: { caseId: v.ids.case, personId: v.victim.id, tenancyType: 'assured' },
  }),
  'Mutation.recordMentalHealthRecord': (v) => ({
    input: { caseId: v.ids.case, personId: v.victim.id, knownToServices: true },
  }),
  'Mutation.recordDrugAlcoholRecord': (v) => ({
    input: { caseId: v.ids.case, personId: v.victim.id, engagedInTreatment: true },
  }),
  'Mutation.recordFixedPenalty': () => ({
    input: { amountPence: 5000, issuedAt: daysAgo(1).toISOString() },
  }),
  'Mutation.recordIncident': (v) => ({
    input: {
      caseId: v.ids.case,
      category: 'NUISANCE',
      description: 'Shouting on the stairs',
      occurredAt: daysAgo(2).toISOString(),
      people: [{ personId: v.victim.id, role: 'VICTIM' }],
    },
  }),
  'Mutation.recordInterventionBreach': (v) => ({
    input: {
      interventionId: v.ids.intervention,
      details: 'Noise again',
      occurredAt: daysAgo(1).toISOString(),
    },
  }),
  'Mutation.recordJointVisit': (v) => ({
    input: {
      caseId: v.ids.case,
      visitedAt: daysAgo(1).toISOString(),
      purpose: 'See the victim',
      outcome: 'Seen',
      attendees: [
        { partnerId: v.lead.partner.id, officerName: 'Officer A' },
        { partnerId: v.other.partner.id, officerName: 'Officer B' },
      ],
      personIds: [v.victim.id],
    },
  }),
  'Mutation.recordLetterSent': () => ({}),
  'Mutation.recordMeetingAttendance': (v) => ({
    input: { meetingId: v.ids.meeting, partnerIds: [v.lead.partner.id] },
  }),
  'Mutation.recordMeetingMinutes': () => ({ input: { minutes: 'Agreed to mediate' } }),
  'Mutation.recordOsaraAnalysis': () => ({ input: { analysis: 'Peaks on Fridays' } }),
  'Mutation.recordOsaraAssessment': () => ({ input: { assessment: 'Mediation worked' } }),
  'Mutation.recordOsaraObjective': () => ({
    input: { objective: 'Quiet nights', targetDate: dayOf(daysAgo(-60)) },
  }),
  'Mutation.recordOsaraResponse': () => ({ input: { response: 'Joint visits' } }),
  'Mutation.recordOsaraScanning': () => ({ input: { scanning: 'Six reports' } }),
  'Mutation.recordPartnerDataAnswered': (v) => ({
    input: {
      requestId: v.ids.partnerDataRequest,
      partnerRecordIds: [v.ids.ownPartnerRecord],
      note: { text: 'Two breaches of tenancy', sharingBasisId: v.ids.sharingBasis },
    },
  }),
  'Mutation.recordProsecution': () => ({ input: { commencedAt: daysAgo(1).toISOString() } }),
  'Mutation.recordSharingBasis': (v) => ({
    input: {
      caseId: v.ids.case,
      personId: v.victim.id,
      recipientPartnerIds: [v.other.partner.id],
      kind: 'CONSENT',
      reason: 'The victim agreed',
    },
  }),
  'Mutation.recordSharingOverride': (v) => ({
    input: {
      caseId: v.ids.case,
      personId: v.victim.id,
      recipientPartnerIds: [v.other.partner.id],
      kind: 'SAFEGUARDING',
      reason: 'At risk',
      decisionMaker: 'Caldicott guardian',
      lawfulBasis: 'DPA 2018 sch. 1 para. 18',
    },
  }),
  'Mutation.recordStatementReview': () => ({ input: { status: 'VALIDATED' } }),
  'Mutation.recordSubjectAccessRequest': () => ({ input: { receivedOn: dayOf(daysAgo(1)) } }),
  'Mutation.recordSupportOffer': (v) => ({
    input: {
      caseId: v.ids.case,
      personId: v.victim.id,
      kind: 'MEDIATION',
      offeredAt: daysAgo(1).toISOString(),
      response: 'ACCEPTED',
    },
  }),
  'Mutation.reopenOsaraStage': () => ({ input: { to: 'SCANNING', reason: 'New reports' } }),
  'Mutation.scheduleMeeting': (v) => ({
    input: {
      chairUserId: v.lead.user.id,
      heldAt: daysAgo(-7).toISOString(),
      partnerIds: [v.lead.partner.id],
    },
  }),
  'Mutation.updateLetterTemplate': () => ({
    input: { body: 'Dear {{recipientName}}', reason: 'Plainer wording' },
  }),
  'Mutation.withdrawSharingBasis': () => ({ input: { reason: 'Consent withdrawn' } }),
  'Query.users': () => ({}),
  'Query.onboardingChanges': () => ({ first: 10 }),
  'Mutation.updatePartner': () => ({ input: { name: 'Renamed partner' } }),
  'Mutation.createUser': () => ({
    input: { role: 'PRACTITIONER', subject: 'probe.subject', displayName: 'Probe Officer' },
  }),
  'Mutation.updateUser': () => ({ input: { displayName: 'Probe Officer' } }),
  'Mutation.deactivateUser': () => ({ input: {} }),
};

interface IdPath {
  path: string;
  parent: string;
  field: string;
  arg: GraphQLArgument;
  /** Input fields from the argument down to the ID. */
  inside: string[];
}

/** Every ID argument and ID input field, through nested inputs, on root fields and `Me`. */
function idPaths(): IdPath[] {
  const found: IdPath[] = [];
  const walk = (
    type: GraphQLInputObjectType,
    at: Omit<IdPath, 'path'> & { path: string },
    seen: Set<string>,
  ) => {
    for (const [name, field] of Object.entries(type.getFields())) {
      const named = getNamedType(field.type);
      const next = { ...at, path: `${at.path}.${name}`, inside: [...at.inside, name] };
      if (named.name === 'ID') found.push(next);
      else if (isInputObjectType(named) && !seen.has(named.name))
        walk(named, next, new Set([...seen, named.name]));
    }
  };
  const parents = [schema.getQueryType()!, schema.getMutationType()!];
  for (const type of Object.values(schema.getTypeMap()))
    if (isCompositeType(type) && 'getFields' in type && !parents.includes(type as never))
      if (!type.name.startsWith('__')) parents.push(type as never);
  for (const parent of parents)
    for (const [name, field] of Object.entries(parent.getFields()))
      for (const arg of field.args) {
        const named = getNamedType(arg.type);
        const at = {
          path: `${parent.name}.${name}(${arg.name})`,
          parent: parent.name,
          field: name,
          arg,
          inside: [],
        };
        if (named.name === 'ID') found.push(at);
        else if (isInputObjectType(named)) walk(named, at, new Set([named.name]));
      }
  return found;
}

/** The operation asking `field` with the variables given, answering only `__typename`. */
function operationFor(probe: IdPath, variables: Record<string, unknown>) {
  const parent = schema.getType(probe.parent) as GraphQLObjectType;
  const field = parent.getFields()[probe.field];
  const args = field.args.filter((arg) => arg.name in variables);
  const defs = args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
  const uses = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? '{ __typename }' : '';
  const call = `${probe.field}${uses ? `(${uses})` : ''} ${selection}`;
  // `Me` is reached through `Query.me`; the roots are asked directly.
  const body = probe.parent === 'Me' ? `me { ${call} }` : call;
  const kind = probe.parent === 'Mutation' ? 'mutation' : 'query';
  return `${kind} Probe${defs ? `(${defs})` : ''} { ${body} }`;
}

/** The variables with `target` at the probe's path (a list gets just the target). */
function place(variables: Record<string, unknown>, probe: IdPath, target: string) {
  const copy = structuredClone(variables);
  const keys = [probe.arg.name, ...probe.inside];
  let at: any = copy;
  for (const key of keys.slice(0, -1)) {
    at[key] ??= {};
    at = Array.isArray(at[key]) ? at[key][0] : at[key];
  }
  const last = keys[keys.length - 1];
  at[last] = Array.isArray(at[last]) ? [target] : target;
  return copy;
}

describe('ids in inputs', () => {
  let hub: TestHub;
  let viewer: World;
  let hidden: World;
  let members: Record<string, Member>;
  let targets: Record<Target, string | undefined>;
  let area: Area;

  /** Every table's row count and content hash: what "nothing written" is checked against. */
  async function snapshot(): Promise<Record<string, string>> {
    const em = hub.em();
    const tables = await em.execute<{ name: string }[]>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations'`,
    );
    const rows = await em.execute<{ name: string; digest: string }[]>(
      tables
        .map(
          ({ name }) =>
            `select '${name}' as name, count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as digest from "${name}" t`,
        )
        .join(' union all '),
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
  }

  beforeAll(async () => {
    hub = await startTestHub({ RATE_LIMIT_PER_MINUTE: '100000' }, { private: true });
    const em = hub.em();
    viewer = await makeWorld(em, PartnerKind.HOUSING, PartnerKind.POLICE);
    hidden = await makeWorld(em, PartnerKind.POLICE, PartnerKind.MENTAL_HEALTH);
    members = {
      supervisor: viewer.lead,
      practitioner: viewer.practitioner,
      dpo: await makeMember(em, viewer.lead.partner, Role.DATA_PROTECTION_OFFICER),
      administrator: await makeMember(em, viewer.lead.partner, Role.ADMINISTRATOR),
      legal: await makeMember(em, viewer.lead.partner, Role.LEGAL),
      analyst: await makeMember(em, viewer.lead.partner, Role.ANALYST),
    };
    const [template] = await em.execute<{ id: string }[]>('select id from letter_template limit 1');
    area = { hidden, templateId: template.id };
    targets = {
      ...hidden.ids,
      partner: undefined,
      user: undefined,
      letterTemplate: undefined,
      subjectAccessRequest: undefined,
    } as Record<Target, string | undefined>;
  });

  afterAll(() => hub?.close());

  const paths = idPaths();

  it('has a probe and a base request for every ID argument and input field of the schema', () => {
    const missing = paths.map((p) => p.path).filter((path) => !PROBES[path]);
    const stale = Object.keys(PROBES).filter((path) => !paths.some((p) => p.path === path));
    const noBase = paths.filter((p) => !BASES[`${p.parent}.${p.field}`]).map((p) => p.path);
    expect({ missing, stale, noBase }).toEqual({ missing: [], stale: [], noBase: [] });
    expect(paths.length).toBe(132);
  });

  it.each(paths.map((p) => [p.path, p] as const))(
    '%s answers another partner’s row exactly as a random id, writing and showing nothing',
    async (_path, path) => {
      const probe = PROBES[path.path];
      const base = BASES[`${path.parent}.${path.field}`](viewer, area);
      const member = members[probe.as ?? 'supervisor'];
      const hiddenId = probe.hidden ? probe.hidden(hidden, viewer) : targets[probe.kind];
      expect(hiddenId).toBeDefined();
      const randomId = randomUUID();

      const ask = async (target: string) => {
        const variables = place(base, path, target);
        const response = await hub.post(
          { query: operationFor(path, variables), variables },
          { authorization: `Bearer ${member.token}` },
        );
        return {
          text: JSON.stringify(response.body).split(target).join('<id>'),
          body: response.body,
          status: response.status,
        };
      };

      const before = await snapshot();
      const onHidden = await ask(hiddenId!);
      const onRandom = await ask(randomId);
      const after = await snapshot();

      expect(onHidden.text).toEqual(onRandom.text);
      expect(onHidden.status).toEqual(onRandom.status);
      expect(after).toEqual(before);
      const expected = probe.expect ?? 'NOT_FOUND';
      if (expected === 'EMPTY') {
        expect(onRandom.body.errors).toBeUndefined();
      } else {
        expect(onRandom.body.errors?.[0]?.extensions?.code).toBe(expected);
        if (expected === 'NOT_FOUND') expect(onRandom.body.errors[0].message).toContain(randomId);
      }
      // Nothing of the hidden corner's records, whatever the path.
      for (const secret of [
        ...Object.values(hidden.places).map((place) => place.description),
        hidden.victim.familyName,
        hidden.perpetrator.familyName,
      ])
        expect(onHidden.text).not.toContain(secret);
    },
  );
});
