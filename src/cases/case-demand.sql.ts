/**
 * The call demand of each of the given cases around each of its interventions, in one statement
 * for a batch of cases (docs/rules.md "Case demand around interventions"). A call is an
 * incident's first report to a partner of a kind: an incident reported to the police and to the
 * housing provider is one call for each, and once in the totals (partner_kind null, from the
 * grouping sets). Only a case's own incidents count for it: this is case data for its readers,
 * not a statistical release. An incident two of the cases hold counts for each.
 *
 * Windows are exact 24-hour days (whatever the session time zone), as the service computes them.
 * Parameters: window in days, then the case ids (a list).
 */
export const CASE_DEMAND = `with cases as (
  select id, location_id from asb_case where id = any(?::uuid[])
), iv as (
  select v.id, v.case_id, v.issued_at, v.premises_id, v.subject_id,
         make_interval(secs => ?::int * 86400) as w
    from intervention v where v.case_id in (select id from cases)
), own as (
  select c.case_id, i.id, i.location_id
    from case_incident c join incident i on i.id = c.incident_id
   where c.case_id in (select id from cases)
), calls as (
  select r.incident_id, p.kind as partner_kind, min(r.reported_at) as called_at
    from incident_report r
    join partner p on p.id = r.partner_id
   where r.incident_id in (select id from own)
   group by r.incident_id, p.kind
), scoped as (
  -- At the premises: the intervention's premises (closure powers) and the place the case centres on.
  select 'PREMISES' as scope, iv.id as intervention_id, own.id as incident_id
    from iv join own on own.case_id = iv.case_id
                    and (own.location_id = iv.premises_id
                         or own.location_id = (select c.location_id from cases c where c.id = iv.case_id))
  union
  -- For its people: anyone in the case, in any role, and the intervention's subject.
  select 'PEOPLE', iv.id, own.id
    from iv join own on own.case_id = iv.case_id and exists (
      select 1 from incident_person ip
       where ip.incident_id = own.id
         and (ip.person_id = iv.subject_id
              or ip.person_id in (select cp.person_id from case_person cp where cp.case_id = iv.case_id)))
)
select iv.id as intervention_id, s.scope, c.partner_kind,
       count(distinct c.incident_id) filter (
         where c.called_at >= iv.issued_at - iv.w and c.called_at < iv.issued_at)::int as before,
       count(distinct c.incident_id) filter (
         where c.called_at >= iv.issued_at and c.called_at < iv.issued_at + iv.w)::int as after
  from iv
  join scoped s on s.intervention_id = iv.id
  join calls c on c.incident_id = s.incident_id
 group by grouping sets ((iv.id, s.scope, c.partner_kind), (iv.id, s.scope))`;

export interface CaseDemandRow {
  intervention_id: string;
  scope: 'PREMISES' | 'PEOPLE';
  /** Null on a scope's total row: distinct incidents, whoever they were reported to. */
  partner_kind: string | null;
  before: number;
  after: number;
}
