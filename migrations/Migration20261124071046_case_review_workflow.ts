import { Migration } from '@mikro-orm/migrations';

export class Migration20261124071046_case_review_workflow extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "case_review_alert" ("id" uuid not null, "case_id" uuid not null, "route" text check ("route" in ('VICTIM_THRESHOLD', 'LOCATION', 'HATE_INCIDENT')) not null, "victim_id" uuid null, "location_id" uuid null, "window_start" timestamptz not null, "window_end" timestamptz not null, "raised_at" timestamptz not null default now(), "status" text check ("status" in ('OPEN', 'ACTIONED', 'DISMISSED')) not null default 'OPEN', "dismissed_reason" text null, "closed_by_id" uuid null, "closed_at" timestamptz null, constraint "case_review_alert_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "case_review_alert_case_id_route_status_index" on "case_review_alert" ("case_id", "route", "status");`,
    );

    this.addSql(
      `create table "case_review_application" ("id" uuid not null, "case_id" uuid not null, "victim_id" uuid not null, "made_by_victim" boolean not null, "applicant_name" text null, "applicant_relationship" text null, "applicant_contact" text null, "channel" text check ("channel" in ('PHONE', 'EMAIL', 'ONLINE_FORM', 'LETTER', 'IN_PERSON', 'THROUGH_ANOTHER_PARTNER')) not null, "received_by_id" uuid not null, "recorded_by_id" uuid not null, "alert_id" uuid null, "applied_at" timestamptz not null, "acknowledged_at" timestamptz null, "decision_id" uuid null, "meeting_held_at" timestamptz null, "responded_at" timestamptz null, "response_summary" text null, "appealed_at" timestamptz null, "appeal_grounds" text null, "appeal_heard_by" text null, "closed_at" timestamptz null, "closing_notes" text null, constraint "case_review_application_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "case_review_application_case_id_index" on "case_review_application" ("case_id");`,
    );
    this.addSql(
      `alter table "case_review_application" add constraint "case_review_application_decision_id_unique" unique ("decision_id");`,
    );

    this.addSql(
      `create table "case_review_alert_incident" ("id" uuid not null, "alert_id" uuid not null, "incident_id" uuid not null, "added_at" timestamptz not null default now(), constraint "case_review_alert_incident_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "case_review_alert_incident" add constraint "case_review_alert_incident_alert_id_incident_id_unique" unique ("alert_id", "incident_id");`,
    );

    this.addSql(
      `create table "case_review_victim_notice" ("id" uuid not null, "case_id" uuid not null, "victim_id" uuid not null, "triggered_at" timestamptz not null, "action_id" uuid not null, constraint "case_review_victim_notice_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "case_review_victim_notice_case_id_victim_id_index" on "case_review_victim_notice" ("case_id", "victim_id");`,
    );

    this.addSql(
      `create table "case_review_recommendation" ("id" uuid not null, "application_id" uuid not null, "action_id" uuid not null, "recorded_at" timestamptz not null, constraint "case_review_recommendation_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "case_review_recommendation_application_id_index" on "case_review_recommendation" ("application_id");`,
    );
    this.addSql(
      `alter table "case_review_recommendation" add constraint "case_review_recommendation_action_id_unique" unique ("action_id");`,
    );

    this.addSql(
      `alter table "case_review_alert" add constraint "case_review_alert_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review_alert" add constraint "case_review_alert_victim_id_foreign" foreign key ("victim_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "case_review_alert" add constraint "case_review_alert_location_id_foreign" foreign key ("location_id") references "location" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "case_review_alert" add constraint "case_review_alert_closed_by_id_foreign" foreign key ("closed_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "case_review_application" add constraint "case_review_application_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review_application" add constraint "case_review_application_victim_id_foreign" foreign key ("victim_id") references "person" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review_application" add constraint "case_review_application_received_by_id_foreign" foreign key ("received_by_id") references "partner" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review_application" add constraint "case_review_application_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review_application" add constraint "case_review_application_alert_id_foreign" foreign key ("alert_id") references "case_review_alert" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "case_review_application" add constraint "case_review_application_decision_id_foreign" foreign key ("decision_id") references "case_review_decision" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "case_review_alert_incident" add constraint "case_review_alert_incident_alert_id_foreign" foreign key ("alert_id") references "case_review_alert" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review_alert_incident" add constraint "case_review_alert_incident_incident_id_foreign" foreign key ("incident_id") references "incident" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_review_victim_notice" add constraint "case_review_victim_notice_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review_victim_notice" add constraint "case_review_victim_notice_victim_id_foreign" foreign key ("victim_id") references "person" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review_victim_notice" add constraint "case_review_victim_notice_action_id_foreign" foreign key ("action_id") references "action" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_review_recommendation" add constraint "case_review_recommendation_application_id_foreign" foreign key ("application_id") references "case_review_application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review_recommendation" add constraint "case_review_recommendation_action_id_foreign" foreign key ("action_id") references "action" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "incident" add column "hate_incident" boolean not null default false;`,
    );

    this.addSql(
      `alter table "case_review_decision" add column "considerations" text[] not null default '{}';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "case_review_application" drop constraint "case_review_application_alert_id_foreign";`,
    );

    this.addSql(
      `alter table "case_review_alert_incident" drop constraint "case_review_alert_incident_alert_id_foreign";`,
    );

    this.addSql(
      `alter table "case_review_recommendation" drop constraint "case_review_recommendation_application_id_foreign";`,
    );

    this.addSql(`drop table if exists "case_review_alert" cascade;`);

    this.addSql(`drop table if exists "case_review_application" cascade;`);

    this.addSql(`drop table if exists "case_review_alert_incident" cascade;`);

    this.addSql(`drop table if exists "case_review_victim_notice" cascade;`);

    this.addSql(`drop table if exists "case_review_recommendation" cascade;`);

    this.addSql(`alter table "case_review_decision" drop column "considerations";`);

    this.addSql(`alter table "incident" drop column "hate_incident";`);
  }
}
