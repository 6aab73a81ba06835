import { Migration } from '@mikro-orm/migrations';

/*
 * Issue 14: the rules that say "only one" are enforced by PostgreSQL, not only by a read before
 * a write. Rows that broke them before (written by two hub processes at once, or by a client's
 * retry) are first made to fit, keeping every piece of evidence.
 */
export class Migration20261207063000_concurrency_constraints extends Migration {

  override async up(): Promise<void> {
    // One open alert per case, route and victim (or place): a later duplicate gives its evidence
    // to the first and is dismissed, saying why.
    this.addSql(`with ranked as (
      select id, first_value(id) over w as keeper, row_number() over w as n
        from case_review_alert where status = 'OPEN'
      window w as (partition by case_id, route, victim_id, location_id order by raised_at, id))
    insert into case_review_alert_incident (id, alert_id, incident_id, added_at)
    select gen_random_uuid(), r.keeper, ai.incident_id, ai.added_at
      from ranked r join case_review_alert_incident ai on ai.alert_id = r.id
     where r.n > 1
    on conflict (alert_id, incident_id) do nothing;`);
    this.addSql(`with ranked as (
      select id, first_value(id) over w as keeper, row_number() over w as n
        from case_review_alert where status = 'OPEN'
      window w as (partition by case_id, route, victim_id, location_id order by raised_at, id))
    update case_review_alert a
       set status = 'DISMISSED', closed_at = now(),
           dismissed_reason = 'Raised twice at the same moment; its complaints are counted on alert ' || r.keeper
      from ranked r where a.id = r.id and r.n > 1;`);
    this.addSql(`create unique index "case_review_alert_one_open_index" on "case_review_alert" ("case_id", "route", coalesce("victim_id", '00000000-0000-0000-0000-000000000000'::uuid), coalesce("location_id", '00000000-0000-0000-0000-000000000000'::uuid)) where "status" = 'OPEN';`);

    // A partner's own source reference names one report: a retry stored twice before this
    // migration keeps its row, its reference marked as a duplicate for the partner to review.
    this.addSql(`with ranked as (
      select r.id, row_number() over (partition by r.partner_id, r.source_reference order by r.reported_at, r.id) as n
        from incident_report r where r.source_reference is not null)
    update incident_report r set source_reference = r.source_reference || ' (duplicate ' || (ranked.n - 1) || ')'
      from ranked where r.id = ranked.id and ranked.n > 1;`);
    this.addSql(`create unique index "incident_report_partner_source_reference_unique" on "incident_report" ("partner_id", "source_reference") where "source_reference" is not null;`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop index "incident_report_partner_source_reference_unique";`);
    this.addSql(`drop index "case_review_alert_one_open_index";`);
  }

}
