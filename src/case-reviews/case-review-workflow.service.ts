import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActionSource } from '../actions/action-enums';
import { Action } from '../actions/action.entity';
import type { AreaConfiguration } from '../area-configuration/area-configuration.entity';
import { loadAreaRules } from '../area-configuration/area-rules';
import { londonDay, type WorkingCalendar } from '../area-configuration/working-days';
import type { Viewer } from '../auth/viewer';
import { caseForWrite } from '../cases/case-access';
import { CasePartner } from '../cases/case-partner.entity';
import { CasePerson } from '../cases/case-person.entity';
import {
  optionalText,
  requireDistinct,
  requireId,
  requireLocalDate,
  requirePast,
  requireText,
} from '../common/validate';
import { lockDecision, lockRow } from '../db/locks';
import { badInput, conflict, HubError, notFound } from '../errors';
import { requireRow } from '../permissions/row-access';
import { HubEventKind } from '../notifications/hub-event-kind.enum';
import { recordEvent } from '../notifications/record-event';
import { Partner } from '../partners/partner.entity';
import { PersonRole } from '../people/person-role.enum';
import { User } from '../users/user.entity';
import { CaseReviewOutcome } from './case-review-decision.enum';
import { CaseReviewAlert } from './case-review-alert.entity';
import { CaseReviewApplication, CaseReviewRecommendation } from './case-review-application.entity';
import {
  CaseReviewAlertStatus,
  CaseReviewConsideration,
  CaseReviewStep,
} from './case-review-workflow.enum';
import type {
  DismissCaseReviewAlertInput,
  RecordCaseReviewApplicationInput,
  RecordCaseReviewRecommendationsInput,
  RecordCaseReviewStepInput,
} from './case-review-workflow.input';

/** Each step as a sentence names it; no step name carries personal data. */
export const STEP_NAMES: Record<CaseReviewStep, string> = {
  APPLICATION: 'the application',
  ACKNOWLEDGEMENT: 'the acknowledgement',
  DECISION: 'the decision',
  REVIEW_MEETING: 'the review meeting',
  RECOMMENDATIONS: 'the recommendations',
  RESPONSE: 'the response to the victim',
  APPEAL: 'the appeal',
  CLOSURE: 'the closure',
};

const outOfOrder = (step: CaseReviewStep, first: CaseReviewStep, source: string) =>
  new HubError(
    'CASE_REVIEW_STEP_OUT_OF_ORDER',
    `${capitalise(STEP_NAMES[step])} cannot be recorded yet: record ${STEP_NAMES[first]} first (${source})`,
    { step, requiredStep: first },
  );

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const isReview = (outcome: CaseReviewOutcome | undefined) =>
  outcome === CaseReviewOutcome.REVIEW_THRESHOLD_MET ||
  outcome === CaseReviewOutcome.DISCRETIONARY_REVIEW;

/** An application on a case the viewer's partner takes part in; anything else is not found. */
export async function applicationForWrite(
  em: EntityManager,
  viewer: Viewer,
  applicationId: string,
): Promise<CaseReviewApplication> {
  const id = requireId(applicationId, 'case review application');
  // Every step reads the application's state (the step it follows, the decision, closure) and
  // then moves it: the row lock makes a second writer of the same application wait and then
  // read the first one's step, so it is answered CONFLICT with nothing written. A row lock, not
  // a compare-and-set on one column, because a step's rule reads several columns and rows.
  await lockRow(em, 'case_review_application', id);
  const application = await em.findOne(
    CaseReviewApplication,
    { id },
    { populate: ['case', 'decision'], refresh: true },
  );
  if (
    !application ||
    !(await em.count(CasePartner, { case: application.case, partner: viewer.partnerId }))
  ) {
    throw notFound('case review application', applicationId);
  }
  return application;
}

/**
 * Records an application for an ASB case review. Statutory guidance: anyone may apply, the
 * victim or someone on their behalf (with their consent), by any route the area offers.
 */
export async function recordCaseReviewApplication(
  em: EntityManager,
  viewer: Viewer,
  input: RecordCaseReviewApplicationInput,
) {
  const found = await caseForWrite(em, viewer, input.caseId);
  const appliedAt = requirePast(input.appliedAt ?? clock.now(), 'appliedAt');
  const victimId = await requireRow({ em, viewer }, 'person', input.victimId);
  const victim = await em.findOne(CasePerson, {
    case: found,
    person: victimId,
    role: PersonRole.VICTIM,
  });
  if (!victim)
    throw badInput(`Person ${victimId} is not a victim in case ${found.reference}`, 'victimId');
  // Statutory guidance: an application made on the victim's behalf says who made it.
  const applicantName = input.madeByVictim
    ? optionalText(input.applicantName, 'applicantName', 200)
    : requireText(input.applicantName, 'applicantName', 200);
  const applicantRelationship = optionalText(
    input.applicantRelationship,
    'applicantRelationship',
    200,
  );
  const applicantContact = optionalText(input.applicantContact, 'applicantContact', 500);

  // Answering an alert takes its complaints to a review, which threshold detection reads under
  // the case's 'case-incidents' lock (case-review-taken.ts): taken first, as recordIncident does.
  await lockDecision(em, 'case-incidents', found.id);
  // Area procedure: one open application per victim and case; a second would double the review.
  // The rule reads then inserts, and no row exists yet to lock: an advisory lock on case and
  // victim makes a second application wait for the first and then see it.
  await lockDecision(em, 'case-review-application', `${found.id}:${victimId}`);
  if (await em.count(CaseReviewApplication, { case: found, victim: victimId, closedAt: null })) {
    throw conflict(
      `An ASB case review application for this victim on case ${found.reference} is still open (area procedure: one open application per victim)`,
    );
  }

  let alert: CaseReviewAlert | null = null;
  if (input.alertId) {
    const alertId = requireId(input.alertId, 'case review alert');
    // An alert is actioned or dismissed once: the row lock makes the second reader see the first.
    await lockRow(em, 'case_review_alert', alertId);
    alert = await em.findOne(CaseReviewAlert, { id: alertId, case: found }, { refresh: true });
    if (!alert) throw notFound('case review alert on this case', input.alertId);
    if (alert.status !== CaseReviewAlertStatus.OPEN)
      throw conflict(`The case review alert ${alert.id} is already ${alert.status}`);
    alert.status = CaseReviewAlertStatus.ACTIONED;
    alert.closedAt = appliedAt;
    alert.closedBy = em.getReference(User, viewer.userId);
  }

  const application = em.create(CaseReviewApplication, {
    case: found,
    victim: victim.person,
    madeByVictim: input.madeByVictim,
    applicantName,
    applicantRelationship,
    applicantContact,
    channel: input.channel,
    receivedBy: em.getReference(Partner, viewer.partnerId),
    recordedBy: em.getReference(User, viewer.userId),
    alert,
    appliedAt,
  });
  await em.flush();
  return application;
}

/** The step before `step`, with its date, or a refusal naming the step that must come first. */
function previousStep(
  application: CaseReviewApplication,
  step: CaseReviewStep,
  lastRecommendationAt: Date | null,
): Date {
  const { decision } = application;
  // Area procedure: nothing is recorded on a closed application.
  if (application.closedAt && step !== CaseReviewStep.CLOSURE) {
    throw conflict(`The application was closed on ${londonDay(application.closedAt)}`);
  }
  switch (step) {
    case CaseReviewStep.ACKNOWLEDGEMENT:
      return application.appliedAt;
    case CaseReviewStep.DECISION:
      // Area procedure: the application is acknowledged before it is decided.
      if (!application.acknowledgedAt)
        throw outOfOrder(step, CaseReviewStep.ACKNOWLEDGEMENT, 'area procedure');
      return application.acknowledgedAt;
    case CaseReviewStep.REVIEW_MEETING:
      // 2014 Act s.104: the review follows the decision that one is to be held.
      if (!decision) throw outOfOrder(step, CaseReviewStep.DECISION, '2014 Act s.104');
      if (!isReview(decision.outcome))
        throw badInput(
          'The decision was not to hold a review, so there is no review meeting; record the response to the victim (2014 Act s.104(5))',
          'step',
        );
      return decision.decidedAt;
    case CaseReviewStep.RECOMMENDATIONS:
      // 2014 Act s.104: recommendations come out of the review.
      if (!application.meetingHeldAt)
        throw outOfOrder(step, CaseReviewStep.REVIEW_MEETING, '2014 Act s.104');
      if (application.respondedAt)
        throw conflict(
          'The victim has already been given the response; recommendations are recorded before it (statutory guidance)',
        );
      return lastRecommendationAt ?? application.meetingHeldAt;
    case CaseReviewStep.RESPONSE:
      // Statutory guidance: the victim is told the outcome of the review, or of the decision.
      if (!decision) throw outOfOrder(step, CaseReviewStep.DECISION, 'statutory guidance');
      if (isReview(decision.outcome)) {
        if (!application.meetingHeldAt)
          throw outOfOrder(step, CaseReviewStep.REVIEW_MEETING, 'statutory guidance');
        return lastRecommendationAt ?? application.meetingHeldAt;
      }
      return decision.decidedAt;
    case CaseReviewStep.APPEAL:
      // Statutory guidance: the victim may appeal against the response, through the area's route.
      if (!application.respondedAt)
        throw outOfOrder(step, CaseReviewStep.RESPONSE, 'statutory guidance');
      return application.respondedAt;
    case CaseReviewStep.CLOSURE:
      if (application.closedAt)
        throw conflict(`The application was closed on ${londonDay(application.closedAt)}`);
      // Area procedure: an application is closed once the victim has had the response.
      if (!application.respondedAt)
        throw outOfOrder(step, CaseReviewStep.RESPONSE, 'area procedure');
      return application.appealedAt ?? application.respondedAt;
    default:
      throw badInput(`${step} is recorded with its own mutation`, 'step');
  }
}

/** Each step is dated: not in the future and not before the step it follows (area procedure). */
function requireStepDate(
  value: Date | null | undefined,
  field: string,
  step: CaseReviewStep,
  previous: Date,
) {
  const at = requirePast(value ?? clock.now(), field);
  if (at < previous) {
    throw badInput(
      `${capitalise(STEP_NAMES[step])} is dated ${at.toISOString()}, before the step it follows (${previous.toISOString()}) (area procedure: each step follows the previous)`,
      field,
    );
  }
  return at;
}

async function lastRecommendationAt(em: EntityManager, application: CaseReviewApplication) {
  const last = await em.findOne(
    CaseReviewRecommendation,
    { application },
    { orderBy: { recordedAt: 'desc' } },
  );
  return last?.recordedAt ?? null;
}

const ALREADY: Partial<Record<CaseReviewStep, keyof CaseReviewApplication>> = {
  ACKNOWLEDGEMENT: 'acknowledgedAt',
  REVIEW_MEETING: 'meetingHeldAt',
  RESPONSE: 'respondedAt',
  APPEAL: 'appealedAt',
  CLOSURE: 'closedAt',
};

/** Records one dated step: acknowledgement, review meeting, response, appeal or closure. */
export async function recordCaseReviewStep(
  em: EntityManager,
  viewer: Viewer,
  input: RecordCaseReviewStepInput,
) {
  const application = await applicationForWrite(em, viewer, input.applicationId);
  const field = ALREADY[input.step];
  if (!field)
    throw badInput(
      `${input.step} is recorded with ${input.step === CaseReviewStep.DECISION ? 'recordCaseReviewDecision' : input.step === CaseReviewStep.RECOMMENDATIONS ? 'recordCaseReviewRecommendations' : 'recordCaseReviewApplication'}`,
      'step',
    );
  const recorded = application[field] as Date | null | undefined;
  if (recorded && input.step !== CaseReviewStep.CLOSURE) {
    throw conflict(
      `${capitalise(STEP_NAMES[input.step])} was already recorded on ${londonDay(recorded)}`,
    );
  }
  const previous = previousStep(
    application,
    input.step,
    await lastRecommendationAt(em, application),
  );
  const at = requireStepDate(input.at, 'at', input.step, previous);
  const { configuration: rules, calendar } = await loadAreaRules(em);

  switch (input.step) {
    case CaseReviewStep.ACKNOWLEDGEMENT:
      application.acknowledgedAt = at;
      break;
    case CaseReviewStep.REVIEW_MEETING:
      application.meetingHeldAt = at;
      break;
    case CaseReviewStep.RESPONSE:
      // Statutory guidance: the victim is told the outcome and any recommendations.
      application.responseSummary = requireText(input.notes, 'notes');
      application.respondedAt = at;
      break;
    case CaseReviewStep.APPEAL: {
      // Area procedure: an appeal is lodged within appealWindowWorkingDays of the response.
      const deadline = appealDeadline(application, rules, calendar)!;
      if (londonDay(at) > deadline) {
        throw new HubError(
          'CASE_REVIEW_APPEAL_OUT_OF_TIME',
          `The appeal was lodged on ${londonDay(at)}, after the appeal window closed on ${deadline} (area procedure: ${rules.appealWindowWorkingDays} working days from the response)`,
          { field: 'at', appealDeadline: deadline },
        );
      }
      application.appealGrounds = requireText(input.notes, 'notes');
      application.appealHeardBy = rules.appealHeardBy;
      application.appealedAt = at;
      break;
    }
    case CaseReviewStep.CLOSURE:
      application.closingNotes = optionalText(input.notes, 'notes');
      application.closedAt = at;
      break;
  }
  await em.flush();
  return application;
}

/**
 * Links a decision recorded by recordCaseReviewDecision to its application: the application must
 * be for the same victim on the same case, acknowledged and not yet decided.
 */
export async function decideApplication(
  em: EntityManager,
  viewer: Viewer,
  applicationId: string,
  draft: {
    caseId: string;
    victimId: string;
    decidedAt: Date;
    outcome: CaseReviewOutcome;
    considerations: CaseReviewConsideration[];
  },
): Promise<CaseReviewApplication> {
  const application = await applicationForWrite(em, viewer, applicationId);
  if (application.case.id !== draft.caseId || application.victim.id !== draft.victimId) {
    throw badInput(
      'The application is for another victim or case than this decision',
      'applicationId',
    );
  }
  if (application.decision) {
    throw conflict(
      `The application was already decided on ${londonDay(application.decision.decidedAt)}`,
    );
  }
  const previous = previousStep(application, CaseReviewStep.DECISION, null);
  requireStepDate(draft.decidedAt, 'decidedAt', CaseReviewStep.DECISION, previous);
  // 2014 Act s.104(5): a review below the threshold says what the partners weighed.
  requireDistinct(draft.considerations, 'considerations');
  if (draft.outcome === CaseReviewOutcome.DISCRETIONARY_REVIEW && !draft.considerations.length) {
    throw badInput(
      'A discretionary review names what was considered: persistence, harm or potential harm, adequacy of the response so far (2014 Act s.104(5))',
      'considerations',
    );
  }
  return application;
}

/** Records the review meeting's recommendations as actions for partners on the case (2014 Act s.104). */
export async function recordCaseReviewRecommendations(
  em: EntityManager,
  viewer: Viewer,
  input: RecordCaseReviewRecommendationsInput,
) {
  const application = await applicationForWrite(em, viewer, input.applicationId);
  const previous = previousStep(
    application,
    CaseReviewStep.RECOMMENDATIONS,
    await lastRecommendationAt(em, application),
  );
  const recordedAt = requireStepDate(
    input.recordedAt,
    'recordedAt',
    CaseReviewStep.RECOMMENDATIONS,
    previous,
  );
  if (input.recommendations.length === 0)
    throw badInput('recommendations must list at least one', 'recommendations');
  const onCase = new Set(
    (await em.find(CasePartner, { case: application.case })).map((row) => row.partner.id),
  );
  const drafts = input.recommendations.map((entry) => {
    const partnerId = requireId(entry.partnerId, 'partner');
    if (!onCase.has(partnerId))
      throw badInput(
        `Partner ${partnerId} does not take part in case ${application.case.reference}`,
        'recommendations',
      );
    const dueDate = requireLocalDate(entry.dueDate, 'dueDate');
    if (dueDate < londonDay(recordedAt))
      throw badInput(`dueDate ${dueDate} is before the recommendation was made`, 'dueDate');
    return {
      partnerId,
      title: requireText(entry.title, 'title', 300),
      details: optionalText(entry.details, 'details'),
      dueDate,
    };
  });
  for (const draft of drafts) {
    const action = em.create(Action, {
      case: application.case,
      assignedPartner: em.getReference(Partner, draft.partnerId),
      title: draft.title,
      details: draft.details,
      dueDate: draft.dueDate,
      source: ActionSource.CASE_REVIEW_RECOMMENDATION,
      createdBy: em.getReference(User, viewer.userId),
    });
    em.create(CaseReviewRecommendation, { application, action, recordedAt });
    recordEvent(em, {
      kind: HubEventKind.ACTION_ASSIGNED,
      caseId: application.case.id,
      audiencePartnerId: draft.partnerId,
      summary: `Action on case ${application.case.reference}: an ASB case review recommendation, due ${draft.dueDate}.`,
      subjectIds: { actionId: action.id, applicationId: application.id },
    });
  }
  await em.flush();
  return application;
}

/** Dismisses an open alert, saying why (area procedure: the partners decide not to act on it). */
export async function dismissCaseReviewAlert(
  em: EntityManager,
  viewer: Viewer,
  input: DismissCaseReviewAlertInput,
) {
  const id = await requireRow({ em, viewer }, 'caseReviewAlert', input.alertId);
  // Dismissed or actioned once: the row lock makes the second writer see the first's status.
  await lockRow(em, 'case_review_alert', id);
  const alert = await em.findOneOrFail(
    CaseReviewAlert,
    { id },
    { populate: ['case'], refresh: true },
  );
  if (alert.status !== CaseReviewAlertStatus.OPEN)
    throw conflict(`The case review alert is already ${alert.status}`);
  alert.dismissedReason = requireText(input.reason, 'reason');
  alert.status = CaseReviewAlertStatus.DISMISSED;
  alert.closedAt = clock.now();
  alert.closedBy = em.getReference(User, viewer.userId);
  await em.flush();
  return alert;
}

export interface Deadline {
  step: CaseReviewStep;
  dueDate: string;
  completedAt: Date | null;
  overdue: boolean;
}

/**
 * The area's timescales, in working days (weekends and bank holidays skipped): acknowledge,
 * decide and meet counted from the day of the application; respond from the review meeting (or
 * from the decision when no review is held). Area procedure, published under statutory guidance.
 */
export function deadlines(
  application: CaseReviewApplication,
  rules: AreaConfiguration,
  calendar: WorkingCalendar,
  today = londonDay(clock.now()),
): Deadline[] {
  const applied = londonDay(application.appliedAt);
  const outcome = application.decision?.outcome;
  const entries: [CaseReviewStep, string, Date | null | undefined][] = [
    [
      CaseReviewStep.ACKNOWLEDGEMENT,
      calendar.addWorkingDays(applied, rules.acknowledgeWorkingDays),
      application.acknowledgedAt,
    ],
    [
      CaseReviewStep.DECISION,
      calendar.addWorkingDays(applied, rules.decideWorkingDays),
      application.decision?.decidedAt,
    ],
  ];
  if (!application.decision || isReview(outcome)) {
    entries.push([
      CaseReviewStep.REVIEW_MEETING,
      calendar.addWorkingDays(applied, rules.meetWorkingDays),
      application.meetingHeldAt,
    ]);
  }
  const respondFrom = isReview(outcome)
    ? application.meetingHeldAt
    : application.decision?.decidedAt;
  if (respondFrom && application.decision) {
    entries.push([
      CaseReviewStep.RESPONSE,
      calendar.addWorkingDays(londonDay(respondFrom), rules.respondWorkingDays),
      application.respondedAt,
    ]);
  }
  return entries.map(([step, dueDate, completedAt]) => ({
    step,
    dueDate,
    completedAt: completedAt ?? null,
    overdue: !completedAt && !application.closedAt && today > dueDate,
  }));
}

/** Area procedure: the last day to appeal, appealWindowWorkingDays after the response. */
export function appealDeadline(
  application: CaseReviewApplication,
  rules: AreaConfiguration,
  calendar: WorkingCalendar,
): string | null {
  return application.respondedAt
    ? calendar.addWorkingDays(londonDay(application.respondedAt), rules.appealWindowWorkingDays)
    : null;
}
