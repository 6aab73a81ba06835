import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PARTNER_RECORDS } from '../permissions/row-access';

/**
 * Everything the hub holds about one person, across every partner, for a subject access request.
 * The data protection officer acts for the controller, so nothing is withheld here: owner-only
 * fields (clinical notes, intelligence, treatment detail) are included. Each section is the rows
 * as stored, column by column, so nothing is left out by a missing mapping. Free text can name
 * third parties: the DPO reviews the export before it is sent (art. 15(4)).
 */
export interface SubjectAccessExport {
  generatedAt: string;
  requestId: string;
  sections: Record<string, Record<string, unknown>[]>;
}

/** Section name, and the query giving its rows (one JSON object per row) for person `?`. */
const SECTIONS: [string, string][] = [
  ['person', `select to_jsonb(p) as row from person p where p.id = ?`],
  [
    'cases',
    `select to_jsonb(c) || jsonb_build_object('role_in_case', cp.role, 'vulnerabilities', cp.vulnerabilities,
                                  'added_at', cp.added_at) as row
       from case_person cp join asb_case c on c.id = cp.case_id
      where cp.person_id = ? order by c.opened_at`,
  ],
  [
    'incidents',
    `select to_jsonb(i) || jsonb_build_object('role_in_incident', ip.role) as row
       from incident_person ip join incident i on i.id = ip.incident_id
      where ip.person_id = ? order by i.occurred_at`,
  ],
  ...(
    [
      ['policeRecords', 'police_record'],
      ['housingRecords', 'housing_record'],
      ['mentalHealthRecords', 'mental_health_record'],
      ['drugAlcoholRecords', 'drug_alcohol_record'],
    ] as const
  ).map(([name, table]): [string, string] => [
    name,
    `select to_jsonb(r) || jsonb_build_object('owner_partner_name', pa.name) as row
         from ${table} r join partner pa on pa.id = r.owner_partner_id
        where r.person_id = ? order by r.updated_at`,
  ]),
  [
    'sharingBases',
    `select to_jsonb(b) || jsonb_build_object('owner_partner_name', pa.name) as row
       from sharing_basis b join partner pa on pa.id = b.owner_partner_id
      where b.person_id = ? order by b.recorded_at`,
  ],
  [
    'interventions',
    `select to_jsonb(i) as row from intervention i where i.subject_id = ? order by i.issued_at`,
  ],
  [
    'supportOffers',
    `select to_jsonb(s) as row from support_offer s where s.person_id = ? order by s.offered_at`,
  ],
  [
    'jointVisits',
    `select to_jsonb(v) as row from joint_visit_person jp join joint_visit v on v.id = jp.visit_id
      where jp.person_id = ? order by v.visited_at`,
  ],
  // OSARA scanning: partners' answers to a data request that concern him, by their note (shared
  // under a basis about him) or by his records given with them. The note is free text about the
  // person its basis names: under someone else's basis it is that person's, so it is left out.
  [
    'partnerDataAnswers',
    `with subject as (select ?::uuid as id),
          given as (
            select a.request_id, jsonb_agg(jsonb_build_object('record_kind', a.record_kind,
                                                              'record_id', a.record_id)
                                  order by a.record_kind, a.record_id) as records
              from osara_answer_record a, subject s
             where a.record_id in (select r.id from ${PARTNER_RECORDS} r
                                    where r.person_id = s.id and r.kind = a.record_kind)
             group by a.request_id)
     select (to_jsonb(q) - 'note')
            || jsonb_build_object('note', case when b.person_id = s.id then q.note end,
                                  'answering_partner_name', pa.name,
                                  'case_reference', c.reference,
                                  'records_given', coalesce(g.records, '[]'::jsonb)) as row
       from osara_partner_request q
       cross join subject s
       join partner pa on pa.id = q.partner_id
       join asb_case c on c.id = q.case_id
       left join sharing_basis b on b.id = q.note_sharing_basis_id
       left join given g on g.request_id = q.id
      where b.person_id = s.id or g.request_id is not null
      order by q.answered_at nulls last, q.asked_at, q.id`,
  ],
  [
    'caseReviewDecisions',
    `select to_jsonb(d) as row from case_review_decision d where d.victim_id = ? order by d.decided_at`,
  ],
  [
    'caseReviewApplications',
    `select to_jsonb(a) as row from case_review_application a where a.victim_id = ? order by a.applied_at`,
  ],
  [
    'caseReviewAlerts',
    `select to_jsonb(a) as row from case_review_alert a where a.victim_id = ? order by a.raised_at`,
  ],
];

export const SUBJECT_ACCESS_SECTIONS = SECTIONS.map(([name]) => name);

export async function subjectAccessExport(
  em: EntityManager,
  requestId: string,
  personId: string,
): Promise<SubjectAccessExport> {
  const sections: SubjectAccessExport['sections'] = {};
  for (const [name, sql] of SECTIONS) {
    const rows = await em.execute<{ row: Record<string, unknown> }[]>(sql, [personId]);
    sections[name] = rows.map((r) => r.row);
  }
  return { generatedAt: clock.now().toISOString(), requestId, sections };
}

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** `mentalHealthRecords` and `clinical_notes` read as "Mental health records", "Clinical notes". */
const label = (key: string) => {
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const display = (value: unknown) =>
  value === null || value === undefined
    ? '–'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/** The same export as a document a person can read: one table per record. */
export function subjectAccessHtml(data: SubjectAccessExport): string {
  const body = Object.entries(data.sections)
    .map(([name, rows]) => {
      const records = rows.length
        ? rows
            .map(
              (row) =>
                `<table>${Object.entries(row)
                  .map(
                    ([key, value]) =>
                      `<tr><th>${escapeHtml(label(key))}</th><td>${escapeHtml(display(value))}</td></tr>`,
                  )
                  .join('')}</table>`,
            )
            .join('\n')
        : '<p>None held.</p>';
      return `<section><h2>${escapeHtml(label(name))}</h2>\n${records}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Subject access request ${escapeHtml(data.requestId)}</title>
<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;margin:1em 0;width:100%}th,td{border:1px solid #999;padding:.3em;text-align:left;vertical-align:top}th{width:25%}</style>
</head><body>
<h1>Everything held about you</h1>
<p>Subject access request ${escapeHtml(data.requestId)}, produced ${escapeHtml(data.generatedAt)} (UK GDPR article 15).</p>
${body}
</body></html>
`;
}
