import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { loadAreaRules } from '../area-configuration/area-rules';
import { caseForWrite } from '../cases/case-access';
import { lockDecision } from '../db/locks';
import { CaseIncident } from '../cases/case-incident.entity';
import { CasePerson } from '../cases/case-person.entity';
import { addMonths, isoDay, subtractMonths } from '../common/dates';
import { requireDistinct, requirePast, requireText } from '../common/validate';
import { badInput, HubError } from '../errors';
import { requireRow, requireRows } from '../permissions/row-access';
import { IncidentReport } from '../incidents/incident-report.entity';
import { PersonRole } from '../people/person-role.enum';
import { User } from '../users/user.entity';
import { CaseReviewOutcome } from './case-review-decision.enum';
import { CaseReviewDecision } from './case-review-decision.entity';
import { CaseReviewIncident } from './case-review-incident.entity';
import type { RecordCaseReviewDecisionInput } from './case-review.input';
import { decideApplication } from './case-review-workflow.service';

/**
 * Records an ASB case review decision. The hub, not the caller, decides whether the threshold is
 * met: it counts the incidents given, each once however many partners received it, and refuses
 * any that is not a qualifying complaint.
 */
export async function recordCaseReviewDecision(
  em: EntityManager,
  viewer: Viewer,
  input: RecordCaseReviewDecisionInput,
) {
  const found = await caseForWrite(em, viewer, input.caseId);
  // The complaints counted here are not counted again by threshold detection, which reads them
  // under this lock (case-review-taken.ts): a complaint recorded meanwhile waits and sees them.
  await lockDecision(em, 'case-incidents', found.id);
  const rules = (await loadAreaRules(em)).configuration;
  const decidedAt = requirePast(input.decidedAt ?? clock.now(), 'decidedAt');
  const reasons = requireText(input.reasons, 'reasons');
  const victimId = await requireRow({ em, viewer }, 'person', input.victimId);
  const victim = await em.findOne(CasePerson, {
    case: found,
    person: victimId,
    role: PersonRole.VICTIM,
  });
  if (!victim)
    throw badInput(`Person ${victimId} is not a victim in case ${found.reference}`, 'victimId');

  const incidentIds = requireDistinct(
    await requireRows({ em, viewer }, 'incident', input.incidentIds),
    'incidentIds',
  );
  const links = await em.find(
    CaseIncident,
    { case: found, incident: { $in: incidentIds } },
    { populate: ['incident'] },
  );
  const outsider = incidentIds.find((id) => !links.some((link) => link.incident.id === id));
  if (outsider)
    throw badInput(`Incident ${outsider} is not on case ${found.reference}`, 'incidentIds');

  // s.104(11): the application must follow within the window after the complaint, so the window
  // is about when the complaint was made (its first report to any partner), not the behaviour...
  const windowStart = subtractMonths(decidedAt, rules.caseReviewWindowMonths);
  const reports = await em.find(IncidentReport, { incident: { $in: incidentIds } });
  for (const { incident } of links) {
    const firstReport = reports
      .filter((report) => report.incident.id === incident.id)
      .reduce<Date | null>(
        (first, report) => (!first || report.reportedAt < first ? report.reportedAt : first),
        null,
      );
    if (firstReport && (firstReport < windowStart || firstReport > decidedAt)) {
      throw badInput(
        `Incident ${incident.id} was first reported on ${isoDay(firstReport)}, outside the ${rules.caseReviewWindowMonths}-month window from ${isoDay(windowStart)} (2014 Act s.104(11))`,
        'incidentIds',
      );
    }
    // ...and the complaint qualifies only if made within the qualifying period after the behaviour.
    if (
      !firstReport ||
      firstReport > addMonths(incident.occurredAt, rules.qualifyingComplaintMonths)
    ) {
      throw badInput(
        `Incident ${incident.id} was not reported within ${rules.qualifyingComplaintMonths} month(s) of the behaviour, so it is not a qualifying complaint (2014 Act s.104(11))`,
        'incidentIds',
      );
    }
  }

  const thresholdMet = links.length >= rules.caseReviewThreshold;
  if (thresholdMet && input.outcome !== CaseReviewOutcome.REVIEW_THRESHOLD_MET) {
    throw new HubError(
      'THRESHOLD_MET_REVIEW_REQUIRED',
      `${links.length} qualifying complaints meet the threshold of ${rules.caseReviewThreshold}: a case review must be held (2014 Act s.104(4))`,
    );
  }
  if (!thresholdMet && input.outcome === CaseReviewOutcome.REVIEW_THRESHOLD_MET) {
    throw badInput(
      `${links.length} qualifying complaint(s) do not meet the threshold of ${rules.caseReviewThreshold}; record DISCRETIONARY_REVIEW with reasons (2014 Act s.104(5)) or NO_REVIEW`,
      'outcome',
    );
  }

  const considerations = input.considerations ?? [];
  const application = input.applicationId
    ? await decideApplication(em, viewer, input.applicationId, {
        caseId: found.id,
        victimId: victim.person.id,
        decidedAt,
        outcome: input.outcome,
        considerations,
      })
    : null;

  const decision = em.create(CaseReviewDecision, {
    case: found,
    victim: victim.person,
    windowStart,
    windowEnd: decidedAt,
    threshold: rules.caseReviewThreshold,
    thresholdMet,
    outcome: input.outcome,
    reasons,
    decidedBy: em.getReference(User, viewer.userId),
    decidedAt,
    considerations,
  });
  if (application) application.decision = decision;
  for (const { incident } of links) em.create(CaseReviewIncident, { decision, incident });
  await em.flush();
  return decision;
}
