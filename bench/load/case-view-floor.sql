-- The physical floor for the shared case view (issue 7, comparison a): ONE statement that builds
-- the same JSON as test/operations/case-view.graphql answers, with json_agg over lateral joins,
-- every field, in the hub's orders, timestamps formatted as the hub's DateTime scalar does.
-- No permissions, no audit, no row scoping: the least work any server could do for this answer.
-- $1: the case id.
with c as (
  select * from asb_case where id = $1::uuid
)
select json_build_object('data', json_build_object('case', (
  select json_build_object(
    'id', c.id,
    'reference', c.reference,
    'title', c.title,
    'summary', c.summary,
    'centredOn', c.centred_on,
    'status', c.status,
    'riskLevel', c.risk_level,
    'openedAt', to_char(c.opened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'closedAt', to_char(c.closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'leadPartner', json_build_object('id', lp.id, 'name', lp.name, 'kind', lp.kind),
    'leadOfficer', lo.officer,
    'location', cl.location,
    'partners', coalesce(partners.list, '[]'),
    'osara', json_build_object(
      'stage', c.osara_stage,
      'objective', c.osara_objective,
      'objectiveTargetDate', c.osara_objective_target_date,
      'scanning', c.osara_scanning,
      'analysis', c.osara_analysis,
      'response', c.osara_response,
      'assessment', c.osara_assessment
    ),
    'people', coalesce(people.list, '[]'),
    'incidents', coalesce(incidents.list, '[]'),
    'jointVisits', coalesce(visits.list, '[]'),
    'supportOffers', coalesce(offers.list, '[]'),
    'interventions', coalesce(interventions.list, '[]'),
    'caseReviewDecisions', coalesce(decisions.list, '[]')
  )
  from c
  join partner lp on lp.id = c.lead_partner_id
  left join lateral (
    select json_build_object(
      'id', u.id, 'displayName', u.display_name,
      'partner', json_build_object('id', up.id, 'name', up.name)
    ) as officer
    from app_user u join partner up on up.id = u.partner_id
    where u.id = c.lead_officer_id
  ) lo on true
  left join lateral (
    select json_build_object(
      'id', l.id, 'kind', l.kind, 'description', l.description, 'uprn', l.uprn,
      'latitude', l.latitude, 'longitude', l.longitude, 'lsoaCode', l.lsoa_code
    ) as location
    from location l where l.id = c.location_id
  ) cl on true
  left join lateral (
    select json_agg(json_build_object('id', p.id, 'name', p.name, 'kind', p.kind)
                    order by cp.joined_at, cp.id) as list
    from case_partner cp join partner p on p.id = cp.partner_id
    where cp.case_id = c.id
  ) partners on true
  left join lateral (
    select json_agg(json_build_object(
      'role', cp.role,
      'vulnerabilities', cp.vulnerabilities,
      'addedAt', to_char(cp.added_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'person', json_build_object(
        'id', pe.id,
        'givenName', pe.given_name,
        'familyName', pe.family_name,
        'dateOfBirth', pe.date_of_birth,
        'cases', coalesce(person_cases.list, '[]'),
        'policeRecords', coalesce(police.list, '[]'),
        'housingRecords', coalesce(housing.list, '[]'),
        'mentalHealthRecords', coalesce(mental_health.list, '[]'),
        'drugAlcoholRecords', coalesce(drug_alcohol.list, '[]'),
        'sharingBases', coalesce(bases.list, '[]')
      )
    ) order by cp.added_at, cp.id) as list
    from case_person cp
    join person pe on pe.id = cp.person_id
    left join lateral (
      select json_agg(json_build_object('id', oc.id, 'reference', oc.reference)
                      order by oc.opened_at desc, oc.id) as list
      from case_person ocp join asb_case oc on oc.id = ocp.case_id
      where ocp.person_id = pe.id
    ) person_cases on true
    left join lateral (
      select json_agg(json_build_object(
        'id', r.id,
        'owner', json_build_object('id', o.id, 'name', o.name),
        'updatedAt', to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'nominalReference', r.nominal_reference,
        'warningsSummary', r.warnings_summary,
        'intelligence', r.intelligence
      ) order by r.updated_at desc, r.id) as list
      from police_record r join partner o on o.id = r.owner_partner_id
      where r.person_id = pe.id
    ) police on true
    left join lateral (
      select json_agg(json_build_object(
        'id', r.id,
        'owner', json_build_object('id', o.id, 'name', o.name),
        'updatedAt', to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'property', case when pr.id is null then null
                         else json_build_object('id', pr.id, 'description', pr.description) end,
        'tenancyReference', r.tenancy_reference,
        'tenancyType', r.tenancy_type,
        'tenancyStartDate', r.tenancy_start_date,
        'tenancyBreaches', r.tenancy_breaches,
        'officerNotes', r.officer_notes
      ) order by r.updated_at desc, r.id) as list
      from housing_record r
      join partner o on o.id = r.owner_partner_id
      left join location pr on pr.id = r.property_id
      where r.person_id = pe.id
    ) housing on true
    left join lateral (
      select json_agg(json_build_object(
        'id', r.id,
        'owner', json_build_object('id', o.id, 'name', o.name),
        'updatedAt', to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'knownToServices', r.known_to_services,
        'careContact', r.care_contact,
        'riskSummary', r.risk_summary,
        'clinicalNotes', r.clinical_notes
      ) order by r.updated_at desc, r.id) as list
      from mental_health_record r join partner o on o.id = r.owner_partner_id
      where r.person_id = pe.id
    ) mental_health on true
    left join lateral (
      select json_agg(json_build_object(
        'id', r.id,
        'owner', json_build_object('id', o.id, 'name', o.name),
        'updatedAt', to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'engagedInTreatment', r.engaged_in_treatment,
        'keyWorkerContact', r.key_worker_contact,
        'treatmentDetail', r.treatment_detail
      ) order by r.updated_at desc, r.id) as list
      from drug_alcohol_record r join partner o on o.id = r.owner_partner_id
      where r.person_id = pe.id
    ) drug_alcohol on true
    left join lateral (
      select json_agg(json_build_object(
        'id', b.id,
        'kind', b.kind,
        'reason', b.reason,
        'recordedAt', to_char(b.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'expiresAt', to_char(b.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'withdrawnAt', to_char(b.withdrawn_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'ownerPartner', json_build_object('id', o.id, 'name', o.name),
        'recipientPartners', coalesce((
          select json_agg(json_build_object('id', rp.id, 'name', rp.name) order by rp.id)
            from partner rp where rp.id = any(b.recipient_partner_ids)), '[]'),
        'decidedBy', json_build_object('id', d.id, 'displayName', d.display_name)
      ) order by b.recorded_at, b.id) as list
      from sharing_basis b
      join partner o on o.id = b.owner_partner_id
      join app_user d on d.id = b.decided_by_id
      where b.person_id = pe.id and b.case_id = c.id
    ) bases on true
    where cp.case_id = c.id
  ) people on true
  left join lateral (
    select json_agg(json_build_object(
      'id', i.id,
      'occurredAt', to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'category', i.category,
      'description', i.description,
      'location', case when il.id is null then null else json_build_object(
        'id', il.id, 'kind', il.kind, 'description', il.description, 'lsoaCode', il.lsoa_code) end,
      'reports', coalesce(reports.list, '[]'),
      'people', coalesce(involved.list, '[]')
    ) order by i.occurred_at, i.id) as list
    from case_incident ci
    join incident i on i.id = ci.incident_id
    left join location il on il.id = i.location_id
    left join lateral (
      select json_agg(json_build_object(
        'id', r.id,
        'partner', json_build_object('id', p.id, 'name', p.name),
        'reportedAt', to_char(r.reported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'sourceReference', r.source_reference
      ) order by r.reported_at, r.id) as list
      from incident_report r join partner p on p.id = r.partner_id
      where r.incident_id = i.id
    ) reports on true
    left join lateral (
      select json_agg(json_build_object(
        'role', ip.role,
        'person', json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name)
      ) order by ip.id) as list
      from incident_person ip join person p on p.id = ip.person_id
      where ip.incident_id = i.id
    ) involved on true
    where ci.case_id = c.id
  ) incidents on true
  left join lateral (
    select json_agg(json_build_object(
      'id', v.id,
      'visitedAt', to_char(v.visited_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'purpose', v.purpose,
      'outcome', v.outcome,
      'location', case when vl.id is null then null
                       else json_build_object('id', vl.id, 'description', vl.description) end,
      'attendees', coalesce(attendees.list, '[]'),
      'peopleVisited', coalesce(seen.list, '[]')
    ) order by v.visited_at, v.id) as list
    from joint_visit v
    left join location vl on vl.id = v.location_id
    left join lateral (
      select json_agg(json_build_object(
        'officerName', a.officer_name,
        'partner', json_build_object('id', p.id, 'name', p.name)
      ) order by a.id) as list
      from joint_visit_attendee a join partner p on p.id = a.partner_id
      where a.visit_id = v.id
    ) attendees on true
    left join lateral (
      select json_agg(json_build_object(
        'id', p.id, 'givenName', p.given_name, 'familyName', p.family_name
      ) order by vp.id) as list
      from joint_visit_person vp join person p on p.id = vp.person_id
      where vp.visit_id = v.id
    ) seen on true
    where v.case_id = c.id
  ) visits on true
  left join lateral (
    select json_agg(json_build_object(
      'id', s.id,
      'kind', s.kind,
      'details', s.details,
      'offeredAt', to_char(s.offered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'response', s.response,
      'offeredBy', json_build_object('id', p.id, 'name', p.name),
      'person', json_build_object('id', pe.id, 'givenName', pe.given_name, 'familyName', pe.family_name)
    ) order by s.offered_at, s.id) as list
    from support_offer s
    join partner p on p.id = s.offered_by_id
    join person pe on pe.id = s.person_id
    where s.case_id = c.id
  ) offers on true
  left join lateral (
    select json_agg(json_build_object(
      'id', iv.id,
      'kind', iv.kind,
      'issuedAt', to_char(iv.issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'terms', iv.terms,
      'complianceDate', iv.compliance_date,
      'status', iv.status,
      'subject', case when su.id is null then null else json_build_object(
        'id', su.id, 'givenName', su.given_name, 'familyName', su.family_name) end,
      'premises', case when pr.id is null then null
                       else json_build_object('id', pr.id, 'description', pr.description) end,
      'issuedBy', coalesce(issuers.list, '[]'),
      'breaches', coalesce(breaches.list, '[]')
    ) order by iv.issued_at, iv.id) as list
    from intervention iv
    left join person su on su.id = iv.subject_id
    left join location pr on pr.id = iv.premises_id
    left join lateral (
      select json_agg(json_build_object('id', p.id, 'name', p.name) order by ip.id) as list
      from intervention_partner ip join partner p on p.id = ip.partner_id
      where ip.intervention_id = iv.id
    ) issuers on true
    left join lateral (
      select json_agg(json_build_object(
        'id', b.id,
        'occurredAt', to_char(b.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'details', b.details
      ) order by b.occurred_at, b.id) as list
      from intervention_breach b
      where b.intervention_id = iv.id
    ) breaches on true
    where iv.case_id = c.id
  ) interventions on true
  left join lateral (
    select json_agg(json_build_object(
      'id', d.id,
      'windowStart', to_char(d.window_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'windowEnd', to_char(d.window_end at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'threshold', d.threshold,
      'thresholdMet', d.threshold_met,
      'outcome', d.outcome,
      'reasons', d.reasons,
      'decidedAt', to_char(d.decided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'victim', json_build_object('id', v.id, 'givenName', v.given_name, 'familyName', v.family_name),
      'decidedBy', json_build_object('id', u.id, 'displayName', u.display_name),
      'countedIncidents', coalesce(counted.list, '[]')
    ) order by d.decided_at, d.id) as list
    from case_review_decision d
    join person v on v.id = d.victim_id
    join app_user u on u.id = d.decided_by_id
    left join lateral (
      select json_agg(json_build_object(
        'id', i.id,
        'occurredAt', to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      ) order by i.occurred_at, i.id) as list
      from case_review_incident cri join incident i on i.id = cri.incident_id
      where cri.decision_id = d.id
    ) counted on true
    where d.case_id = c.id
  ) decisions on true
)))::text as answer
