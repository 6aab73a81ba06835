import { Migration } from '@mikro-orm/migrations';

export class Migration20261124070705_osara_actions_notifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "osara_stage_change" ("id" uuid not null, "case_id" uuid not null, "from_stage" text check ("from_stage" in ('OBJECTIVE', 'SCANNING', 'ANALYSIS', 'RESPONSE', 'ASSESSMENT')) not null, "to_stage" text check ("to_stage" in ('OBJECTIVE', 'SCANNING', 'ANALYSIS', 'RESPONSE', 'ASSESSMENT')) not null, "kind" text check ("kind" in ('ADVANCED', 'REOPENED')) not null, "changed_at" timestamptz not null default now(), "changed_by_id" uuid not null, "reason" text null, constraint "osara_stage_change_pkey" primary key ("id"));`);
    this.addSql(`create index "osara_stage_change_case_id_index" on "osara_stage_change" ("case_id");`);

    this.addSql(`create table "osara_partner_request" ("id" uuid not null, "case_id" uuid not null, "partner_id" uuid not null, "asked_at" timestamptz not null default now(), "asked_by_id" uuid not null, "answered_at" timestamptz null, "answered_by_id" uuid null, constraint "osara_partner_request_pkey" primary key ("id"));`);
    this.addSql(`create index "osara_partner_request_case_id_index" on "osara_partner_request" ("case_id");`);
    this.addSql(`alter table "osara_partner_request" add constraint "osara_partner_request_case_id_partner_id_unique" unique ("case_id", "partner_id");`);

    this.addSql(`alter table "osara_stage_change" add constraint "osara_stage_change_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`);
    this.addSql(`alter table "osara_stage_change" add constraint "osara_stage_change_changed_by_id_foreign" foreign key ("changed_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "osara_partner_request" add constraint "osara_partner_request_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`);
    this.addSql(`alter table "osara_partner_request" add constraint "osara_partner_request_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade;`);
    this.addSql(`alter table "osara_partner_request" add constraint "osara_partner_request_asked_by_id_foreign" foreign key ("asked_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "osara_partner_request" add constraint "osara_partner_request_answered_by_id_foreign" foreign key ("answered_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "action" add column "cancelled_at" timestamptz null, add column "cancel_reason" text null, add column "closed_by_id" uuid null, add column "overdue_raised_at" timestamptz null;`);
    this.addSql(`alter table "action" add constraint "action_closed_by_id_foreign" foreign key ("closed_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "osara_stage_change" cascade;`);

    this.addSql(`drop table if exists "osara_partner_request" cascade;`);

    this.addSql(`alter table "action" drop constraint "action_closed_by_id_foreign";`);

    this.addSql(`alter table "action" drop column "cancelled_at", drop column "cancel_reason", drop column "closed_by_id", drop column "overdue_raised_at";`);
  }

}
