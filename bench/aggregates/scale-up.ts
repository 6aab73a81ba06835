import type { Client } from 'pg';
import { HOUR_OF_WEEK_WEIGHTS } from '../generate/peaks';
import { cumulativeOf } from '../generate/random';

/**
 * Scales the real data.police.uk rows up to a force-sized table for the aggregates benchmark.
 *
 * EVERYTHING THIS WRITES IS SYNTHETIC. The real rows give places (their locations and LSOAs);
 * each synthetic incident copies the place of a real row picked at random and gets an invented
 * moment: a month over two years with a summer peak, a day of week and hour from the weekly and
 * daily peaks in bench/generate/peaks.ts. Synthetic incidents say so in their description and
 * belong to an import run named "SYNTHETIC". People, cases, interventions and case review
 * applications are invented too, so that repeat demand, intervention impact and case review
 * statistics have something to count.
 *
 * Deterministic: PostgreSQL's random() after setseed, in one session, without parallel workers.
 */
export interface ScaleUpPlan {
  /** Incidents wanted in all, the real ones included. */
  targetIncidents: number;
  seed: number;
  partners: { police: string; council: string; housing: string };
  /** A user to name as the one who received and decided case review applications. */
  userId: string;
  /** The run that imported the real rows: their places are the templates. */
  realImportRunId: string;
}

const MONTHS = 24;
/** The last month generated: the real data's last month (January 2019). */
const LAST_MONTH = '2019-01-01';

export async function scaleUp(client: Client, plan: ScaleUpPlan, say: (line: string) => void) {
  const existing = Number((await client.query('select count(*) from incident')).rows[0].count);
  const synthetic = plan.targetIncidents - existing;
  if (synthetic <= 0) return { synthetic: 0 };
  say(`generating ${synthetic} SYNTHETIC incidents (real places, invented days and times)`);
  await client.query('set max_parallel_workers_per_gather = 0');
  await client.query('select setseed($1)', [((plan.seed % 1000) + 1) / 1001]);

  const hourCumulative = cumulativeOf(HOUR_OF_WEEK_WEIGHTS);
  // Summer peak: ASB demand rises through the spring to July and falls in winter.
  const monthCumulative = cumulativeOf(
    Array.from({ length: MONTHS }, (_, i) => {
      const calendarMonth = (i + 2) % 12; // month index 0 = February 2017
      return 1 + 0.25 * Math.cos((2 * Math.PI * (calendarMonth - 6)) / 12);
    }),
  );

  const steps: [string, string, unknown[]][] = [
    [
      'templates',
      `create temp table template as
         select row_number() over (order by id) as n, location_id, area_code
         from incident where import_run_id = $1`,
      [plan.realImportRunId],
    ],
    [
      'run',
      `insert into import_run (id, partner_id, format, file_name, file_sha256, status, finished_at)
       values ($1, $2, 'MAPPED_CSV', 'SYNTHETIC (bench/aggregates/scale-up.ts)', 'synthetic', 'COMPLETED', now())
       on conflict do nothing`,
      [syntheticRunId, plan.partners.police],
    ],
    [
      'incidents',
      `insert into incident (id, occurred_at, category, description, location_id, hate_incident,
                             occurred_precision, recorded_by_partner_id, area_code, import_run_id)
       select md5('synthetic-incident:' || g)::uuid,
              ((date_trunc('week', m.month_start) + interval '7 days' * (w.week_offset)
                + interval '1 hour' * h.hour_of_week + interval '1 minute' * floor(d.r5 * 60))
                 at time zone 'Europe/London'),
              case when d.r6 < 0.25 then 'PERSONAL' when d.r6 < 0.9 then 'NUISANCE' else 'ENVIRONMENTAL' end,
              'SYNTHETIC incident (bench generator)',
              t.location_id, d.r6 > 0.995, 'EXACT',
              case when d.r7 < 0.7 then $2::uuid when d.r7 < 0.9 then $3::uuid else $4::uuid end,
              t.area_code, $5
       from (select g, random() r1, random() r2, random() r3, random() r4, random() r5,
                    random() r6, random() r7
             from generate_series(1, $1::int) g) d
       join template t on t.n = (1 + floor(d.r1 * (select count(*) from template)))::bigint
       -- width_bucket over cumulative weights picks an index with probability of its weight
       cross join lateral (select ($6::date - interval '1 month'
                                   * ($7::int - 1 - width_bucket(d.r2 * $8, $9::float8[])))::timestamp
                                  as month_start) m
       cross join lateral (select width_bucket(d.r3 * $10, $11::float8[]) as hour_of_week) h
       -- the week of the month: a moment before the 1st moves a week on, one after the month's
       -- end a week back, so each stays in its month and keeps its day of week and hour
       cross join lateral (select case
                when date_trunc('week', m.month_start) + interval '7 days' * floor(d.r4 * 5)
                     + interval '1 hour' * h.hour_of_week < m.month_start
                then floor(d.r4 * 5) + 1
                when date_trunc('week', m.month_start) + interval '7 days' * floor(d.r4 * 5)
                     + interval '1 hour' * h.hour_of_week >= m.month_start + interval '1 month'
                then floor(d.r4 * 5) - 1
                else floor(d.r4 * 5) end as week_offset) w`,
      [
        synthetic,
        plan.partners.police,
        plan.partners.council,
        plan.partners.housing,
        syntheticRunId,
        LAST_MONTH,
        MONTHS,
        monthCumulative[MONTHS - 1],
        monthCumulative.slice(0, -1),
        hourCumulative[hourCumulative.length - 1],
        hourCumulative.slice(0, -1),
      ],
    ],
    [
      'reports',
      `insert into incident_report (id, incident_id, partner_id, reported_at)
       select md5('synthetic-report:' || i.id)::uuid, i.id, i.recorded_by_partner_id,
              i.occurred_at + interval '20 minutes'
       from incident i where i.import_run_id = $1`,
      [syntheticRunId],
    ],
    [
      'people',
      `insert into person (id, given_name, family_name)
       select md5('synthetic-person:' || g)::uuid, 'Synthetic', 'Person ' || g
       from generate_series(1, $1::int) g`,
      [PEOPLE],
    ],
    // Repeat victims and perpetrators: a skewed pick (r squared, r cubed) gives a few people many
    // incidents, as in real demand.
    [
      'victims and perpetrators',
      `insert into incident_person (id, incident_id, person_id, role)
       select md5('synthetic-victim:' || i.id)::uuid, i.id,
              md5('synthetic-person:' || (1 + floor(power(random(), 2) * $2::int)))::uuid, 'VICTIM'
       from (select id from incident where import_run_id = $1 order by id) i where random() < 0.3`,
      [syntheticRunId, PEOPLE / 2],
    ],
    [
      'perpetrators',
      `insert into incident_person (id, incident_id, person_id, role)
       select md5('synthetic-perpetrator:' || i.id)::uuid, i.id,
              md5('synthetic-person:' || ($2::int + 1 + floor(power(random(), 3) * $2::int)))::uuid,
              'PERPETRATOR'
       from (select id from incident where import_run_id = $1 order by id) i where random() < 0.15
       on conflict do nothing`,
      [syntheticRunId, PEOPLE / 2],
    ],
    [
      'cases',
      `insert into asb_case (id, reference, title, centred_on, lead_partner_id, risk_level, status,
                             opened_at, osara_stage)
       select md5('synthetic-case:' || g)::uuid, 'SYN-' || lpad(g::text, 6, '0'),
              'SYNTHETIC case (bench generator)', 'LOCATION', $2::uuid, 'STANDARD', 'OPEN',
              timestamptz '2017-02-01' + interval '1 day' * floor(random() * 720), 'RESPONSE'
       from generate_series(1, $1::int) g`,
      [CASES, plan.partners.police],
    ],
    [
      'interventions',
      `insert into intervention (id, case_id, kind, subject_id, premises_id, issued_at, terms, status)
       select v.id, v.case_id, v.kind, v.subject_id,
              -- closure powers are about premises; the other steps about their subject
              case when v.kind like 'CLOSURE%' then t.location_id end,
              v.issued_at, 'SYNTHETIC terms', 'ACTIVE'
       from (select g, md5('synthetic-intervention:' || g)::uuid as id,
                    md5('synthetic-case:' || (1 + g % $2::int))::uuid as case_id,
                    (array['ASB_WARNING_LETTER','ASB_WARNING_LETTER','ACCEPTABLE_BEHAVIOUR_CONTRACT',
                           'COMMUNITY_PROTECTION_WARNING','COMMUNITY_PROTECTION_WARNING',
                           'COMMUNITY_PROTECTION_NOTICE','CIVIL_INJUNCTION','CLOSURE_NOTICE',
                           'CLOSURE_ORDER'])[1 + floor(random() * 9)] as kind,
                    md5('synthetic-person:' || ($3::int + 1 + floor(power(random(), 3) * $3::int)))::uuid
                      as subject_id,
                    timestamptz '2017-02-01' + interval '1 hour' * floor(random() * 24 * 720) as issued_at
             from generate_series(1, $1::int) g) v
       join template t on t.n = 1 + (v.g * 7919) % (select count(*) from template)`,
      [INTERVENTIONS, CASES, PEOPLE / 2],
    ],
    [
      'breaches',
      `insert into intervention_breach (id, intervention_id, occurred_at, details)
       select md5('synthetic-breach:' || i.id)::uuid, i.id,
              i.issued_at + interval '1 day' * (1 + floor(random() * 60)), 'SYNTHETIC breach'
       from (select id, issued_at from intervention where terms = 'SYNTHETIC terms' order by id) i
       where random() < 0.2`,
      [],
    ],
    [
      'case review decisions',
      `insert into case_review_decision (id, case_id, victim_id, window_start, window_end, threshold,
                                         threshold_met, outcome, reasons, decided_by_id, decided_at)
       select md5('synthetic-decision:' || g)::uuid, md5('synthetic-case:' || g)::uuid,
              md5('synthetic-person:' || g)::uuid,
              a.applied_at - interval '6 months', a.applied_at, 3, a.r < 0.6,
              case when a.r < 0.6 then 'REVIEW_THRESHOLD_MET' when a.r < 0.7 then 'DISCRETIONARY_REVIEW'
                   else 'NO_REVIEW' end,
              'SYNTHETIC', $2::uuid, a.applied_at + interval '10 days'
       from (select g, random() r, timestamptz '2017-02-01' + interval '1 day' * floor(random() * 700)
                    as applied_at
             from generate_series(1, $1::int) g) a`,
      [APPLICATIONS, plan.userId],
    ],
    [
      'case review applications',
      `insert into case_review_application (id, case_id, victim_id, made_by_victim, channel,
                                            received_by_id, recorded_by_id, applied_at,
                                            acknowledged_at, decision_id, meeting_held_at, closed_at)
       select md5('synthetic-application:' || d.id)::uuid, d.case_id, d.victim_id, true, 'PHONE',
              $2::uuid, $1::uuid, d.window_end, d.window_end + interval '3 days', d.id,
              case when d.outcome <> 'NO_REVIEW' then d.decided_at + interval '10 days' end,
              d.decided_at + interval '40 days'
       from case_review_decision d where d.reasons = 'SYNTHETIC'`,
      [plan.userId, plan.partners.council],
    ],
  ];
  for (const [label, sql, params] of steps) {
    const started = Date.now();
    await client.query(sql, params);
    say(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await client.query('analyze');
  return { synthetic };
}

export const syntheticRunId = '5e5e5e5e-0000-4000-8000-000000000001';
const PEOPLE = 60_000;
const CASES = 4_000;
const INTERVENTIONS = 8_000;
const APPLICATIONS = 600;
