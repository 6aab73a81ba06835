import { Migration } from '@mikro-orm/migrations';

export class Migration20261124071904_escalation_ladder extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "prosecution" ("id" uuid not null, "intervention_id" uuid not null, "commenced_at" timestamptz not null, "recorded_by_id" uuid not null, constraint "prosecution_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "prosecution_intervention_id_index" on "prosecution" ("intervention_id");`,
    );

    this.addSql(
      `create table "possible_breach" ("id" uuid not null, "intervention_id" uuid not null, "incident_id" uuid not null, "recorded_on_case_id" uuid not null, "recorded_by_id" uuid not null, "flagged_at" timestamptz not null default now(), constraint "possible_breach_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "possible_breach_intervention_id_index" on "possible_breach" ("intervention_id");`,
    );
    this.addSql(
      `alter table "possible_breach" add constraint "possible_breach_intervention_id_incident_id_unique" unique ("intervention_id", "incident_id");`,
    );

    this.addSql(
      `create table "fixed_penalty" ("id" uuid not null, "intervention_id" uuid not null, "issued_at" timestamptz not null, "amount_pence" int not null, "recorded_by_id" uuid not null, constraint "fixed_penalty_pkey" primary key ("id"), constraint fixed_penalty_at_most_100_pounds check ((amount_pence >= 1) AND (amount_pence <= 10000)));`,
    );
    this.addSql(
      `create index "fixed_penalty_intervention_id_index" on "fixed_penalty" ("intervention_id");`,
    );

    this.addSql(
      `alter table "prosecution" add constraint "prosecution_intervention_id_foreign" foreign key ("intervention_id") references "intervention" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "prosecution" add constraint "prosecution_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "possible_breach" add constraint "possible_breach_intervention_id_foreign" foreign key ("intervention_id") references "intervention" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "possible_breach" add constraint "possible_breach_incident_id_foreign" foreign key ("incident_id") references "incident" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "possible_breach" add constraint "possible_breach_recorded_on_case_id_foreign" foreign key ("recorded_on_case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "possible_breach" add constraint "possible_breach_recorded_by_id_foreign" foreign key ("recorded_by_id") references "partner" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "fixed_penalty" add constraint "fixed_penalty_intervention_id_foreign" foreign key ("intervention_id") references "intervention" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "fixed_penalty" add constraint "fixed_penalty_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "intervention" add column "served_at" timestamptz null, add column "ends_at" timestamptz null, add column "sign_off" text check ("sign_off" in ('SUPERINTENDENT', 'CHIEF_EXECUTIVE_DESIGNATE')) null, add column "signed_off_by" text null, add column "preceded_by_id" uuid null, add column "hearing_at" timestamptz null, add column "extends_order_id" uuid null, add column "conviction_date" date null, add column "youth_offending_team_consulted_on" date null, add column "subject_consented" boolean null, add column "other_party_consented" boolean null, add column "skipped_step_reason" text null, add column "recorded_by_id" uuid null;`,
    );
    this.addSql(
      `alter table "intervention" add constraint "intervention_preceded_by_id_foreign" foreign key ("preceded_by_id") references "intervention" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "intervention" add constraint "intervention_extends_order_id_foreign" foreign key ("extends_order_id") references "intervention" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "intervention" add constraint "intervention_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "prosecution" cascade;`);

    this.addSql(`drop table if exists "possible_breach" cascade;`);

    this.addSql(`drop table if exists "fixed_penalty" cascade;`);

    this.addSql(
      `alter table "intervention" drop constraint "intervention_preceded_by_id_foreign";`,
    );
    this.addSql(
      `alter table "intervention" drop constraint "intervention_extends_order_id_foreign";`,
    );
    this.addSql(
      `alter table "intervention" drop constraint "intervention_recorded_by_id_foreign";`,
    );

    this.addSql(
      `alter table "intervention" drop column "served_at", drop column "ends_at", drop column "sign_off", drop column "signed_off_by", drop column "preceded_by_id", drop column "hearing_at", drop column "extends_order_id", drop column "conviction_date", drop column "youth_offending_team_consulted_on", drop column "subject_consented", drop column "other_party_consented", drop column "skipped_step_reason", drop column "recorded_by_id";`,
    );
  }
}
