import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActionSource } from '../actions/action-enums';
import { Action } from '../actions/action.entity';
import { loadAreaRules } from '../area-configuration/area-rules';
import type { AreaConfiguration } from '../area-configuration/area-configuration.entity';
import { londonDay } from '../area-configuration/working-days';
import type { Viewer } from '../auth/viewer';
import { Case } from '../cases/case.entity';
import { lockDecision } from '../db/locks';
import { addMonths, isoDay, subtractMonths } from '../common/dates';
import { IncidentReport } from '../incidents/incident-report.entity';
import { Incident } from '../incidents/incident.entity';
import { Location } from '../locations/location.entity';
import { HubEventKind } from '../notifications/hub-event-kind.enum';
import { recordEvent } from '../notifications/record-event';
import { Partner } from '../partners/partner.entity';
import { PersonRole } from '../people/person-role.enum';
import { Person } from '../people/person.entity';
import {
  CaseReviewAlert,
  CaseReviewAlertIncident,
  CaseReviewVictimNotice,
} from './case-review-alert.entity';
import { complaintsTakenToReview } from './case-review-taken';
import { CaseReviewAlertStatus, CaseReviewRoute } from './case-review-workflow.enum';

/** A qualifying complaint on the case: one incident, however many partners were told of it. */
export interface Complaint {
  /** A reference: the routes need its id, and link alerts to it. */
  incident: Incident;
  locationId: string | null;
  hateIncident: boolean;
  /** When the complaint was made: the first report to any partner. */
  complaintAt: Date;
  victimIds: string[];
}

interface Window {
  start: Date;
  end: Date;
  members: Complaint[];
}

interface ComplaintRow {
  id: string;
  occurred_at: Date;
  location_id: string | null;
  hate_incident: boolean;
  complaint_at: Date;
  victim_ids: string[];
}

/**
 * The case's incidents first reported between two moments, each with its first report and its
 * victims, in one statement and as plain rows: a long case can hold hundreds in a window.
 */
const COMPLAINTS = `select i.id, i.occurred_at, i.location_id, i.hate_incident, first.complaint_at,
       array(select ip.person_id from incident_person ip
              where ip.incident_id = i.id and ip.role = ? order by ip.person_id) as victim_ids
  from case_incident ci
  join incident i on i.id = ci.incident_id
  cross join lateral (select min(r.reported_at) as complaint_at
                        from incident_report r where r.incident_id = i.id) first
 where ci.case_id = ? and first.complaint_at between ? and ?`;

/** 2014 Act s.104(11): a complaint qualifies only if made within the area's months of the behaviour. */
export const madeInTime = (
  complaintAt: Date,
  occurredAt: Date,
  rules: Pick<AreaConfiguration, 'qualifyingComplaintMonths'>,
) => complaintAt <= addMonths(occurredAt, rules.qualifyingComplaintMonths);

/**
 * The qualifying complaints on a case first made between two moments, oldest first. The same
 * episode reported to several partners is one incident, so it counts once (domain brief; 2014 Act
 * s.104). A complaint qualifies only if first made within `qualifyingComplaintMonths` of the
 * behaviour (s.104(11)).
 */
export async function qualifyingComplaints(
  em: EntityManager,
  caseId: string,
  rules: Pick<AreaConfiguration, 'qualifyingComplaintMonths'>,
  madeWithin: { from: Date; to: Date },
): Promise<Complaint[]> {
  await em.flush(); // a plain statement does not flush the incident just recorded by itself
  const rows = await em.execute<ComplaintRow[]>(COMPLAINTS, [
    PersonRole.VICTIM,
    caseId,
    madeWithin.from,
    madeWithin.to,
  ]);
  return rows
    .map((row) => ({ ...row, complaint_at: new Date(row.complaint_at) }))
    .filter((row) => madeInTime(row.complaint_at, new Date(row.occurred_at), rules))
    .map((row) => ({
      incident: em.getReference(Incident, row.id),
      locationId: row.location_id,
      hateIncident: row.hate_incident,
      complaintAt: row.complaint_at,
      victimIds: row.victim_ids,
    }))
    .sort(
      (a, b) =>
        a.complaintAt.getTime() - b.complaintAt.getTime() ||
        a.incident.id.localeCompare(b.incident.id),
    );
}

/**
 * The windows of `months` calendar months that contain `current`, each ending at a complaint
 * made at or after it (earliest first). A window ending at moment t reaches back to t minus
 * `months` calendar months, same time of day, clamped to the month's last day (31 Aug - 6 months
 * = 28/29 Feb); both ends are included. The window reported is the one its counted complaints
 * fall in: from the earliest of them to the latest (issue 13), never a span they do not fill.
 */
export function windowsContaining(complaints: Complaint[], current: Complaint, months: number) {
  const windows: Window[] = [];
  for (const anchor of complaints) {
    const end = anchor.complaintAt;
    const reach = subtractMonths(end, months);
    if (end < current.complaintAt || reach > current.complaintAt) continue;
    const members = complaints.filter((c) => c.complaintAt >= reach && c.complaintAt <= end);
    windows.push({ start: members[0].complaintAt, end, members });
  }
  return windows;
}

/**
 * Runs after each recorded incident (or another partner's report of one): re-evaluates the
 * ASB case review routes for the incident's victims and place on this case, raising alerts, the
 * "tell the victim" action, and their outbox events in the caller's transaction.
 */
export async function evaluateCaseReviewRoutes(
  em: EntityManager,
  incident: Incident,
  context: {
    caseId: string;
    recordedBy: Viewer;
    /**
     * Only the routes keyed by the place (the location route, a hate incident naming no victim):
     * for a complaint whose place was corrected, the victims' routes having been run already.
     */
    placeOnly?: boolean;
  },
): Promise<void> {
  // Threshold detection counts the case's complaints, then raises an alert: two complaints
  // recorded at once would each count without the other (two alerts, or none). The case's
  // advisory lock (taken by recordIncident too; re-entrant) makes each count see the other; the
  // partial unique index on open alerts (migration ...concurrency_constraints) is the backstop.
  await lockDecision(em, 'case-incidents', context.caseId);
  const { configuration: rules, calendar } = await loadAreaRules(em);
  const months = rules.caseReviewWindowMonths;
  // Every window that holds this complaint lies within `months` either side of it: only the
  // complaints made then are read (a month's margin for month ends), however long the case.
  const reports = await em.find(IncidentReport, { incident });
  if (reports.length === 0) return;
  const firstReport = new Date(Math.min(...reports.map((report) => report.reportedAt.getTime())));
  const complaints = await qualifyingComplaints(em, context.caseId, rules, {
    from: subtractMonths(firstReport, months + 1),
    to: addMonths(firstReport, months + 1),
  });
  const current = complaints.find((c) => c.incident.id === incident.id);
  // A complaint made too long after the behaviour is not qualifying (s.104(11)): no route moves.
  if (!current) return;
  const found = await em.findOneOrFail(Case, { id: context.caseId });
  // Complaints already taken to a case review count once: the next threshold is met by new ones.
  const taken = await complaintsTakenToReview(em, context.caseId);

  const raise = async (
    route: CaseReviewRoute,
    key: { victimId?: string; locationId?: string },
    window: Window | undefined,
    why: (window: Window) => string,
  ) => {
    const open = await em.findOne(CaseReviewAlert, {
      case: found,
      route,
      victim: key.victimId ?? null,
      location: key.locationId ?? null,
      status: CaseReviewAlertStatus.OPEN,
    });
    if (open) {
      // Already raised: the new complaint joins its evidence, and the alert's window stretches to
      // hold it, as long as the window stays within `months` (s.104: complaints in six months);
      // a complaint beyond that is not this alert's evidence.
      if (await em.count(CaseReviewAlertIncident, { alert: open, incident: current.incident }))
        return;
      const start = current.complaintAt < open.windowStart ? current.complaintAt : open.windowStart;
      const end = current.complaintAt > open.windowEnd ? current.complaintAt : open.windowEnd;
      if (subtractMonths(end, months) > start) return;
      open.windowStart = start;
      open.windowEnd = end;
      em.create(CaseReviewAlertIncident, { alert: open, incident: current.incident });
      return;
    }
    if (!window) return;
    const alert = em.create(CaseReviewAlert, {
      case: found,
      route,
      victim: key.victimId ? em.getReference(Person, key.victimId) : null,
      location: key.locationId ? em.getReference(Location, key.locationId) : null,
      windowStart: window.start,
      windowEnd: window.end,
    });
    for (const member of window.members)
      em.create(CaseReviewAlertIncident, { alert, incident: member.incident });
    const incidentIds = window.members.map((m) => m.incident.id);
    // Summaries carry references, counts and dates only: never names (HubEvent.summary).
    recordEvent(em, {
      kind: HubEventKind.CASE_REVIEW_THRESHOLD_MET,
      caseId: found.id,
      summary: `ASB case review route ${route} met on case ${found.reference}: ${why(window)}, complaints made ${isoDay(window.start)} to ${isoDay(window.end)}.`,
      subjectIds: { alertId: alert.id, incidentIds },
    });
  };

  for (const victimId of context.placeOnly ? [] : current.victimIds) {
    const reviewed = taken.forVictim(victimId);
    // Another partner's report of a complaint already reviewed for this victim moves nothing.
    if (reviewed.has(current.incident.id)) continue;
    const own = complaints.filter(
      (c) => c.victimIds.includes(victimId) && !reviewed.has(c.incident.id),
    );
    const windows = windowsContaining(own, current, months);

    // 2014 Act s.104(4): N qualifying complaints in the window (N set by the area, at most 3).
    await raise(
      CaseReviewRoute.VICTIM_THRESHOLD,
      { victimId },
      windows.find((w) => w.members.length >= rules.caseReviewThreshold),
      (w) =>
        `${w.members.length} qualifying complaints by one victim in ${months} months meet the threshold of ${rules.caseReviewThreshold} (2014 Act s.104(4))`,
    );

    // 2025 statutory guidance: on the victim's second qualifying report in the window, tell them
    // about the case review; once per victim per window.
    const second = windows.find((w) => w.members.length >= 2);
    if (second) await noticeVictim(em, found, victimId, current, context.recordedBy);
  }

  // Area procedure: several victims reporting the same place.
  const locationId = current.locationId ?? undefined;
  if (rules.locationRouteReports && locationId && !taken.any.has(current.incident.id)) {
    const reportsNeeded = rules.locationRouteReports;
    const victimsNeeded = rules.locationRouteVictims;
    const here = complaints.filter(
      (c) => c.locationId === locationId && !taken.any.has(c.incident.id),
    );
    const victimCount = (w: Window) => new Set(w.members.flatMap((m) => m.victimIds)).size;
    await raise(
      CaseReviewRoute.LOCATION,
      { locationId },
      windowsContaining(here, current, months).find(
        (w) => w.members.length >= reportsNeeded && victimCount(w) >= victimsNeeded,
      ),
      (w) =>
        `${w.members.length} qualifying complaints about one location from ${victimCount(w)} victims in ${months} months (area procedure: ${reportsNeeded} reports from ${victimsNeeded} victims)`,
    );
  }

  // Area procedure: a single hate incident meets the threshold.
  if (rules.hateIncidentRoute && current.hateIncident) {
    // The window is the one its single counted complaint falls in.
    const hateWindow: Window = {
      start: current.complaintAt,
      end: current.complaintAt,
      members: [current],
    };
    const keys: { victimId?: string; locationId?: string }[] = current.victimIds.length
      ? context.placeOnly
        ? []
        : current.victimIds.map((victimId) => ({ victimId }))
      : [{ locationId }];
    for (const key of keys) {
      const reviewed = key.victimId ? taken.forVictim(key.victimId) : taken.any;
      if (reviewed.has(current.incident.id)) continue;
      await raise(
        CaseReviewRoute.HATE_INCIDENT,
        key,
        hateWindow,
        () => 'a hate incident (area procedure: one hate incident meets the threshold)',
      );
    }
  }
  await em.flush();

  async function noticeVictim(
    em: EntityManager,
    found: Case,
    victimId: string,
    current: Complaint,
    recordedBy: Viewer,
  ) {
    const earlier = await em.count(CaseReviewVictimNotice, {
      case: found,
      victim: victimId,
      triggeredAt: {
        $gte: subtractMonths(current.complaintAt, months),
        $lte: addMonths(current.complaintAt, months),
      },
    });
    if (earlier) return;
    const dueDate = calendar.addWorkingDays(londonDay(clock.now()), rules.acknowledgeWorkingDays);
    const action = em.create(Action, {
      case: found,
      assignedPartner: em.getReference(Partner, recordedBy.partnerId),
      title: 'Tell the victim about the ASB case review',
      details: `2025 statutory guidance: a victim on case ${found.reference} has made a second qualifying complaint within ${months} months (incident ${current.incident.id}); tell them about the ASB case review and how to apply.`,
      dueDate,
      source: ActionSource.CASE_REVIEW_VICTIM_NOTICE,
      createdBy: null,
    });
    em.create(CaseReviewVictimNotice, {
      case: found,
      victim: em.getReference(Person, victimId),
      triggeredAt: current.complaintAt,
      action,
    });
    recordEvent(em, {
      kind: HubEventKind.ACTION_ASSIGNED,
      caseId: found.id,
      audiencePartnerId: recordedBy.partnerId,
      summary: `Action on case ${found.reference}: tell the victim about the ASB case review (2025 statutory guidance), due ${dueDate}.`,
      subjectIds: { actionId: action.id, incidentId: current.incident.id },
    });
  }
}
