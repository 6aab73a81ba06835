import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { requirePast, requireText } from '../common/validate';
import { loadAreaRules } from '../area-configuration/area-rules';
import { evaluateCaseReviewRoutes, madeInTime } from '../case-reviews/case-review-routes';
import { CaseIncident } from '../cases/case-incident.entity';
import { lockDecision } from '../db/locks';
import { badInput } from '../errors';
import { IncidentReport } from '../incidents/incident-report.entity';
import { Incident } from '../incidents/incident.entity';
import { Location } from '../locations/location.entity';
import { requireRow } from '../permissions/row-access';
import { CorrectedRecord } from './corrected-record.enum';
import type { CorrectIncidentInput } from './correction.input';
import { notYoursToCorrect, recordCorrections, requireReason } from './correction.service';

/**
 * Corrects an incident's details. Only the partner that recorded it may: another partner's
 * report of the same episode is its own account, and the incident's details are the recorder's.
 * A partner that cannot see the incident gets NOT_FOUND; one that sees it but did not record it,
 * FORBIDDEN.
 *
 * A correction that may move the ASB case review routes re-runs them on each case the incident is
 * on, under the lock recording an incident holds, so alerts follow the corrected facts: a new place
 * (the location route), or a time that makes the complaint qualify (made within the area's months
 * of the behaviour, s.104(11)) where it did not. The routes only raise or add evidence, so nothing
 * else can move them: an alert already raised stays as it is, its counted incident carrying the
 * correction in its history (`Incident.corrections`), for the partners to weigh when they decide
 * on it; it does not vanish. A complaint corrected out of the count is not counted again.
 */
export async function correctIncident(
  em: EntityManager,
  viewer: Viewer,
  input: CorrectIncidentInput,
): Promise<Incident> {
  const id = await requireRow({ em, viewer }, 'incident', input.incidentId);
  const incident = await em.findOneOrFail(Incident, { id });
  if (incident.recordedByPartner?.id !== viewer.partnerId)
    throw notYoursToCorrect('correctIncident', 'the partner that recorded the incident');
  const reason = requireReason(input.reason);
  const description =
    input.description == null ? undefined : requireText(input.description, 'description');
  const occurredAt =
    input.occurredAt == null ? undefined : requirePast(input.occurredAt, 'occurredAt');
  const location =
    input.locationId == null
      ? undefined
      : await em.findOneOrFail(Location, {
          id: await requireRow({ em, viewer }, 'location', input.locationId),
        });
  if (occurredAt && occurredAt > incident.createdAt)
    throw badInput('occurredAt is after the incident was recorded', 'occurredAt');
  // The category counts towards no route (docs/rules.md "ASB case review"); time and place may.
  const routesRead =
    (occurredAt && occurredAt.getTime() !== incident.occurredAt.getTime()) ||
    (location && location.id !== incident.location?.id);
  // Taken before the change, in case id order (one incident may be on several cases, and
  // recordings take one case's lock each): no count of the case reads the incident half-corrected.
  const cases = routesRead ? await casesOf(em, id) : [];
  for (const caseId of cases) await lockDecision(em, 'case-incidents', caseId);
  if (cases.length) await em.refresh(incident); // the history's "before" as the last holder left it
  const rerun = cases.length ? await routesMayMove(em, incident, { occurredAt, location }) : null;

  recordCorrections(em, viewer, { record: CorrectedRecord.INCIDENT, recordId: id, reason }, [
    ...(description !== undefined
      ? [{ field: 'description', before: incident.description, after: description }]
      : []),
    ...(input.category
      ? [{ field: 'category', before: incident.category, after: input.category }]
      : []),
    ...(occurredAt
      ? [{ field: 'occurredAt', before: incident.occurredAt, after: occurredAt }]
      : []),
    ...(location
      ? [{ field: 'location', before: incident.location?.id ?? null, after: location.id }]
      : []),
  ]);
  if (description !== undefined) incident.description = description;
  if (input.category) incident.category = input.category;
  if (occurredAt) incident.occurredAt = occurredAt;
  if (location) {
    incident.location = location;
    // Counts by area follow the place (src/aggregates/): the copy moves with it.
    incident.areaCode = location.lsoaCode ?? null;
  }
  await em.flush();
  if (rerun)
    for (const caseId of cases)
      await evaluateCaseReviewRoutes(em, incident, {
        caseId,
        recordedBy: viewer,
        placeOnly: rerun === 'place',
      });
  return incident;
}

/**
 * Which routes the correction could move: all of them when a new time makes the complaint qualify
 * where it did not; those keyed by the place when only the place is new (the victims' routes have
 * counted the complaint already); none otherwise. The routes count complaints by when they were
 * made, which a correction leaves alone, so running them again would only evaluate what was
 * evaluated when the complaint was recorded (and raise again an alert since dismissed). Read
 * before the change, under the case lock.
 */
async function routesMayMove(
  em: EntityManager,
  incident: Incident,
  change: { occurredAt?: Date; location?: Location },
): Promise<'all' | 'place' | null> {
  const newPlace = Boolean(change.location && change.location.id !== incident.location?.id);
  if (change.occurredAt) {
    const reports = await em.find(IncidentReport, { incident });
    if (reports.length) {
      const madeAt = new Date(Math.min(...reports.map((report) => report.reportedAt.getTime())));
      const { configuration: rules } = await loadAreaRules(em);
      if (
        !madeInTime(madeAt, incident.occurredAt, rules) &&
        madeInTime(madeAt, change.occurredAt, rules)
      )
        return 'all';
    }
  }
  return newPlace ? 'place' : null;
}

/** The cases an incident is on, in id order. */
async function casesOf(em: EntityManager, incidentId: string): Promise<string[]> {
  const links = await em.find(CaseIncident, { incident: incidentId }, { orderBy: { case: 'asc' } });
  return links.map((link) => link.case.id);
}
