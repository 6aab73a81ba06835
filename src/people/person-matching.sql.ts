/*
 * Candidate blocking and comparison for probabilistic matching, in PostgreSQL with its contrib
 * extensions fuzzystrmatch (dmetaphone, levenshtein) and pg_trgm (similarity). Blocking keeps
 * only records whose family name sounds the same (person_family_name_dmetaphone_index) or with
 * the same date of birth (person_date_of_birth_index): a bitmap OR of two index scans, never a
 * scan of every person. Binds: family name, given name, date of birth, NHS number, PNC id, self.
 */
export const CANDIDATES_SQL = `
  with given as (
    select ?::text as family, ?::text as forename, ?::date as born,
           ?::text as nhs, ?::text as pnc, ?::uuid as self)
  select p.id,
         lower(p.family_name) = lower(g.family) as "familyExact",
         -- dmetaphone keeps 4 sounds only: with trigrams too, "Smyth" is close to "Smith".
         (levenshtein(lower(p.family_name), lower(g.family)) <= 1
           or (dmetaphone(p.family_name) = dmetaphone(g.family)
               and similarity(lower(p.family_name), lower(g.family)) >= 0.3)) as "familyClose",
         lower(p.given_name) = lower(g.forename) as "givenExact",
         (similarity(lower(p.given_name), lower(g.forename)) >= 0.5
           or dmetaphone(p.given_name) = dmetaphone(g.forename)) as "givenClose",
         case when p.date_of_birth is null or g.born is null then null
              else p.date_of_birth = g.born end as "birthExact",
         case when p.date_of_birth is null or g.born is null then null
              else levenshtein(p.date_of_birth::text, g.born::text) = 1
                or to_char(p.date_of_birth, 'YYYY-DD-MM') = g.born::text end as "birthClose"
    from person p, given g
   where p.id <> g.self
     and (dmetaphone(p.family_name) = dmetaphone(g.family) or p.date_of_birth = g.born)
     -- Two different NHS numbers or PNC ids are two people, whatever the names say.
     and (p.nhs_number is null or g.nhs is null or p.nhs_number = g.nhs)
     and (p.pnc_id is null or g.pnc is null or p.pnc_id = g.pnc)
   -- The likeliest first, so the limit never drops an exact match behind many sound-alikes.
   order by "familyExact" desc, "givenExact" desc, "birthExact" desc nulls last, p.created_at, p.id
   limit 200`;

/** Earlier records sharing a strong identifier. Binds: NHS number, PNC id, partner, reference, self. */
export const STRONG_MATCHES_SQL = `
  with given as (select ?::text as nhs, ?::text as pnc, ?::uuid as partner, ?::text as ref, ?::uuid as self)
  select p.id,
         case when p.nhs_number = g.nhs then 'NHS_NUMBER'
              when p.pnc_id = g.pnc then 'PNC_ID'
              else 'PARTNER_REFERENCE' end as evidence
    from person p, given g
   where p.id <> g.self
     and (p.nhs_number = g.nhs or p.pnc_id = g.pnc
          or p.id in (select r.person_id from person_reference r
                       where r.partner_id = g.partner and r.reference = g.ref))
   order by p.created_at, p.id`;

/**
 * Every record linked to the given people, directly or through others (an identity cluster),
 * with the first link on the way from each given person. Binds: the person ids (a list).
 */
export const CLUSTER_SQL = `
  with recursive cluster(origin, person_id, via) as (
    select id, id, null::uuid from unnest(?::uuid[]) as id
    union
    select c.origin,
           case when l.person_id = c.person_id then l.matched_person_id else l.person_id end,
           coalesce(c.via, l.id)
      from cluster c
      join person_link l on l.status = 'LINKED'
                        and (l.person_id = c.person_id or l.matched_person_id = c.person_id))
  select distinct on (origin, person_id) origin, person_id as "personId", via
    from cluster order by origin, person_id, via nulls first`;

/**
 * Which matches a partner may know of (bind: the partner, twice): those whose earlier record is
 * on one of its cases, and those whose new record is, only when a lead partner of a case holding
 * the earlier record allows being named (Partner.revealsPersonMatches): otherwise the recording
 * partner would learn that someone else knows him.
 */
export const MATCH_VISIBLE = (alias: string) => `(
  exists (select 1 from case_person cp
           where cp.person_id = ${alias}.matched_person_id
             and cp.case_id in (select case_id from case_partner where partner_id = ?))
  or (exists (select 1 from case_person cp
               where cp.person_id = ${alias}.person_id
                 and cp.case_id in (select case_id from case_partner where partner_id = ?))
      and exists (select 1 from case_person cp
                    join asb_case c on c.id = cp.case_id
                    join partner lead on lead.id = c.lead_partner_id
                   where cp.person_id = ${alias}.matched_person_id and lead.reveals_person_matches)))`;

/**
 * For each match, the earliest case holding either of its records whose lead partner allows being
 * named and that the viewer's partner does not take part in. Binds: the match ids (a list), the partner.
 */
export const KNOWN_ELSEWHERE_SQL = `
  select distinct on (l.id) l.id, c.reference
    from person_link l
    join case_person cp on cp.person_id in (l.person_id, l.matched_person_id)
    join asb_case c on c.id = cp.case_id
    join partner lead on lead.id = c.lead_partner_id
   where l.id = any(?::uuid[])
     and lead.reveals_person_matches
     and c.id not in (select case_id from case_partner where partner_id = ?)
   order by l.id, c.opened_at, c.id`;
