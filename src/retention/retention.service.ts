import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from '../audit/audit-action.enum';
import type { AuditTrail } from '../audit/audit-trail';
import type { Viewer } from '../auth/viewer';
import { AreaConfiguration } from '../area-configuration/area-configuration.entity';
import { addMonths, isoDay } from '../common/dates';
import { requireId, requireText } from '../common/validate';
import { HubError, notFound } from '../errors';
import { requireDataProtectionOfficer } from '../subject-access/subject-access.service';
import { User } from '../users/user.entity';
import { DeletedCase, type IncidentCount, type InterventionCount } from './deleted-case.entity';
import type { ApproveCaseDeletionInput } from './retention.type';

/** A PostgreSQL uuid[] literal; the ids come from the database, never from a client. */
const uuids = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** The day a closed case's retention period ends: retentionYears after closure. */
export const retentionEndsOn = (closedAt: Date, retentionYears: number) =>
  isoDay(addMonths(closedAt, 12 * retentionYears));

async function retentionYears(em: EntityManager) {
  return (await em.findOneOrFail(AreaConfiguration, { id: 1 })).retentionYears;
}

/** Closed cases whose retention period has ended, oldest closure first: the DPO reviews them. */
export async function casesDueForDeletionReview(em: EntityManager, viewer: Viewer) {
  requireDataProtectionOfficer(viewer, 'review cases for deletion');
  const years = await retentionYears(em);
  const rows = await em.execute<{ id: string; reference: string; closed_at: Date }[]>(
    `select id, reference, closed_at from asb_case
      where status = 'CLOSED' and closed_at is not null
        and closed_at <= ?::timestamptz - make_interval(years => ?)
      order by closed_at, id`,
    [clock.now(), years],
  );
  return rows.map((row) => ({
    caseId: row.id,
    reference: row.reference,
    closedAt: new Date(row.closed_at),
    reviewDueOn: retentionEndsOn(new Date(row.closed_at), years),
  }));
}

/**
 * An approved deletion: removes the case and the personal data it holds (people in no other case
 * with everything about them, incidents only this case holds with their descriptions and people,
 * visits, offers, interventions, case review records, places nothing else refers to), and leaves a
 * tombstone with the reference and counts. People in another case remain, with their records; their
 * links to this case go. Matches of a deleted person's record (links, review items) and the
 * partners' own references for it go with him; a match between two records that remain stays. The audit keeps its entries (ids, no names): it is append-only.
 */
export async function approveCaseDeletion(
  em: EntityManager,
  viewer: Viewer,
  input: ApproveCaseDeletionInput,
  audit: AuditTrail | undefined,
) {
  requireDataProtectionOfficer(viewer, 'approve the deletion of a case');
  const caseId = requireId(input.caseId, 'case');
  const [found] = await em.execute<
    { id: string; reference: string; status: string; opened_at: Date; closed_at: Date | null }[]
  >(`select id, reference, status, opened_at, closed_at from asb_case where id = ? for update`, [
    caseId,
  ]);
  if (!found) throw notFound('case', input.caseId);
  const years = await retentionYears(em);
  if (
    found.status !== 'CLOSED' ||
    !found.closed_at ||
    retentionEndsOn(new Date(found.closed_at), years) > isoDay(clock.now())
  ) {
    throw new HubError(
      'RETENTION_PERIOD_NOT_PASSED',
      `Case ${found.reference} can be deleted only once closed for ${years} years (area setting retentionYears)`,
      { field: 'caseId' },
    );
  }
  const reason = requireText(input.reason, 'reason', 2000);
  const c = [caseId];
  const ids = async (sql: string, params: unknown[] = c) =>
    (await em.execute<{ id: string }[]>(sql, params)).map((row) => row.id);

  const people = await ids(`select person_id as id from case_person where case_id = ?`);
  const deleted = await ids(
    `select cp.person_id as id from case_person cp where cp.case_id = ?
        and not exists (select 1 from case_person o where o.person_id = cp.person_id and o.case_id <> cp.case_id)`,
  );
  const incidentsHere = await ids(`select incident_id as id from case_incident where case_id = ?`);
  // Incidents another case also holds stay with it.
  const incidents = await ids(
    `select ci.incident_id as id from case_incident ci where ci.case_id = ?
        and not exists (select 1 from case_incident o where o.incident_id = ci.incident_id and o.case_id <> ci.case_id)`,
  );
  const interventions = await ids(
    `select id from intervention where case_id = ? or subject_id = any(?::uuid[])`,
    [caseId, uuids(deleted)],
  );
  // Matches of a deleted person's record to another (links and review items) exist only because
  // of this case: they go, and a remaining record's identity cluster no longer runs through it.
  const links = await em.execute<{ id: string; person_id: string; matched_person_id: string }[]>(
    `select id, person_id, matched_person_id from person_link
      where person_id = any(?::uuid[]) or matched_person_id = any(?::uuid[])`,
    [uuids(deleted), uuids(deleted)],
  );
  const visits = await ids(`select id from joint_visit where case_id = ?`);
  const decisions = await ids(`select id from case_review_decision where case_id = ?`);
  const alerts = await ids(`select id from case_review_alert where case_id = ?`);
  const applications = await ids(`select id from case_review_application where case_id = ?`);
  // Places this case refers to: deleted unless something that remains still refers to them.
  const places = await ids(
    `select location_id as id from asb_case where id = ? and location_id is not null
     union select location_id from incident where id = any(?::uuid[]) and location_id is not null
     union select location_id from joint_visit where case_id = ? and location_id is not null
     union select premises_id from intervention where case_id = ? and premises_id is not null
     union select location_id from case_review_alert where case_id = ? and location_id is not null
     union select property_id from housing_record where person_id = any(?::uuid[]) and property_id is not null`,
    [caseId, uuids(incidents), caseId, caseId, caseId, uuids(deleted)],
  );

  // The tombstone's counts, before anything goes.
  const incidentCounts = (
    await em.execute<IncidentCount[]>(
      `select i.category, to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM') as month, count(*)::int as count
         from incident i where i.id = any(?::uuid[])
        group by 1, 2 order by 2, 1`,
      [uuids(incidentsHere)],
    )
  ).map(({ category, month, count }) => ({ category, month, count }));
  const interventionCounts = (
    await em.execute<InterventionCount[]>(
      `select kind, count(*)::int as count from intervention where case_id = ? group by 1 order by 1`,
      c,
    )
  ).map(({ kind, count }) => ({ kind, count }));

  const I = uuids(incidents);
  const V = uuids(interventions);
  const P = uuids(deleted);
  const statements: [string, unknown[]][] = [
    [
      `delete from possible_breach where intervention_id = any(?::uuid[]) or incident_id = any(?::uuid[]) or recorded_on_case_id = ?`,
      [V, I, caseId],
    ],
    [
      `delete from intervention_breach where intervention_id = any(?::uuid[]) or incident_id = any(?::uuid[])`,
      [V, I],
    ],
    [`delete from fixed_penalty where intervention_id = any(?::uuid[])`, [V]],
    [`delete from prosecution where intervention_id = any(?::uuid[])`, [V]],
    [`delete from intervention_partner where intervention_id = any(?::uuid[])`, [V]],
    [`update intervention set preceded_by_id = null where preceded_by_id = any(?::uuid[])`, [V]],
    [
      `update intervention set extends_order_id = null where extends_order_id = any(?::uuid[])`,
      [V],
    ],
    [`delete from intervention where id = any(?::uuid[])`, [V]],
    [
      `delete from case_review_alert_incident where alert_id = any(?::uuid[]) or incident_id = any(?::uuid[])`,
      [uuids(alerts), I],
    ],
    [
      `delete from case_review_incident where decision_id = any(?::uuid[]) or incident_id = any(?::uuid[])`,
      [uuids(decisions), I],
    ],
    [
      `delete from case_review_recommendation where application_id = any(?::uuid[])`,
      [uuids(applications)],
    ],
    [`delete from case_review_application where id = any(?::uuid[])`, [uuids(applications)]],
    [`delete from case_review_decision where id = any(?::uuid[])`, [uuids(decisions)]],
    [`delete from case_review_alert where id = any(?::uuid[])`, [uuids(alerts)]],
    [`delete from case_review_victim_notice where case_id = ?`, c],
    [
      `delete from joint_visit_person where visit_id = any(?::uuid[]) or person_id = any(?::uuid[])`,
      [uuids(visits), P],
    ],
    [`delete from joint_visit_attendee where visit_id = any(?::uuid[])`, [uuids(visits)]],
    [`delete from joint_visit where id = any(?::uuid[])`, [uuids(visits)]],
    [`delete from support_offer where case_id = ? or person_id = any(?::uuid[])`, [caseId, P]],
    [`delete from action where case_id = ?`, c],
    [`delete from osara_partner_request where case_id = ?`, c],
    [`delete from osara_stage_change where case_id = ?`, c],
    // Corrections (the history of the case, its incidents and people) and risk assessments.
    [
      `delete from correction where case_id = ? or record_id = any(?::uuid[]) or person_id = any(?::uuid[])`,
      [caseId, I, P],
    ],
    [`delete from risk_assessment where case_id = ? or person_id = any(?::uuid[])`, [caseId, P]],
    [`delete from hub_event where case_id = ?`, c],
    [
      `delete from incident_person where incident_id = any(?::uuid[]) or person_id = any(?::uuid[])`,
      [I, P],
    ],
    [`delete from incident_report where incident_id = any(?::uuid[])`, [I]],
    [`delete from case_incident where case_id = ?`, c],
    [`delete from incident where id = any(?::uuid[])`, [I]],
    [`delete from case_person where case_id = ?`, c],
    // The case leaves the agendas of past meetings; the meetings and their minutes stay.
    [`delete from meeting_agenda_item where case_id = ?`, c],
    [`delete from case_partner where case_id = ?`, c],
    // Bases recorded for the case release nothing once it is gone, whoever they are about.
    [`delete from sharing_basis where case_id = ?`, c],
    [`delete from asb_case where id = ?`, c],
    ...[
      // A record's history holds its earlier content: it goes with the record.
      'partner_record_revision',
      'police_record',
      'housing_record',
      'mental_health_record',
      'drug_alcohol_record',
      'sharing_basis',
    ].map((table): [string, unknown[]] => [
      `delete from ${table} where person_id = any(?::uuid[])`,
      [P],
    ]),
    // A flag that came through a deleted link keeps no pointer to it (the schema sets it null).
    [`delete from person_link where id = any(?::uuid[])`, [uuids(links.map((l) => l.id))]],
    // A partner's own reference for a deleted record names him: it goes with him.
    [`delete from person_reference where person_id = any(?::uuid[])`, [P]],
    [`delete from person where id = any(?::uuid[])`, [P]],
    [
      `delete from location l where l.id = any(?::uuid[])
          and not exists (select 1 from asb_case x where x.location_id = l.id)
          and not exists (select 1 from incident x where x.location_id = l.id)
          and not exists (select 1 from joint_visit x where x.location_id = l.id)
          and not exists (select 1 from intervention x where x.premises_id = l.id)
          and not exists (select 1 from case_review_alert x where x.location_id = l.id)
          and not exists (select 1 from housing_record x where x.property_id = l.id)`,
      [uuids(places)],
    ],
  ];
  for (const [sql, params] of statements) await em.execute(sql, params);

  const tombstone = em.create(DeletedCase, {
    caseId,
    reference: found.reference,
    openedAt: new Date(found.opened_at),
    closedAt: new Date(found.closed_at),
    approvedBy: em.getReference(User, viewer.userId),
    reason,
    peopleCount: people.length,
    peopleDeleted: deleted.length,
    incidentCounts,
    interventionCounts,
  });
  await em.flush();
  // The deletion itself, in the write audit: the case and each person deleted (ids only).
  await audit?.writeRows(em, [
    {
      action: AuditAction.DELETE,
      subjectType: 'Case',
      subjectId: caseId,
      personId: null,
      caseId,
      fields: ['*'],
    },
    ...deleted.map((personId) => ({
      action: AuditAction.DELETE,
      subjectType: 'Person',
      subjectId: personId,
      personId,
      caseId,
      fields: ['*'],
    })),
    // Each match that went, under the record that remains (a supervisor's list lost an item).
    ...links.map((link) => ({
      action: AuditAction.DELETE,
      subjectType: 'PersonLink',
      subjectId: link.id,
      personId:
        [link.person_id, link.matched_person_id].find((id) => !deleted.includes(id)) ?? null,
      caseId,
      fields: ['*'],
    })),
  ]);
  return tombstone;
}
