/**
 * The case's own call demand around each of its interventions, in one statement (docs/rules.md
 * "Case demand around interventions"). A call is an incident's first report to a partner of a
 * kind: an incident reported to the police and to the housing provider is one call for each, and
 * once in the totals (partner_kind null, from the grouping sets). Only the case's own incidents
 * count: this is case data for its readers, not a statistical release.
 *
 * Windows are exact 24-hour days (whatever the session time zone), as the service computes them.
 * Parameters: window in days, then the case id four times.
 */
export const CASE_DEMAND = `with iv as (
  select v.id, v.issued_at, v.premises_id, v.subject_id,
         make_interval(secs => ?::int * 86400) as w
    from intervention v where v.case_id = ?
), own as (
  select i.id, i.location_id
    from case_incident c join incident i on i.id = c.incident_id
   where c.case_id = ?
), calls as (
  select own.id as incident_id, p.kind as partner_kind, min(r.reported_at) as called_at
    from own
    join incident_report r on r.incident_id = own.id
    join partner p on p.id = r.partner_id
   group by own.id, p.kind
), scoped as (
  -- At the premises: the intervention's premises (closure powers) and the place the case centres on.
  select 'PREMISES' as scope, iv.id as intervention_id, own.id as incident_id
    from iv join own on own.location_id = iv.premises_id
         or own.location_id = (select c.location_id from asb_case c where c.id = ?)
  union
  -- For its people: anyone in the case, in any role, and the intervention's subject.
  select 'PEOPLE', iv.id, own.id
    from iv join own on exists (
      select 1 from incident_person ip
       where ip.incident_id = own.id
         and (ip.person_id = iv.subject_id
              or ip.person_id in (select cp.person_id from case_person cp where cp.case_id = ?)))
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
