import { Migration } from '@mikro-orm/migrations';

export class Migration20261124070307_actions_and_outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "hub_event" ("id" uuid not null, "occurred_at" timestamptz not null default now(), "kind" text check ("kind" in ('CASE_REVIEW_THRESHOLD_MET', 'CASE_REVIEW_STEP_DUE', 'POSSIBLE_BREACH', 'ACTION_ASSIGNED', 'ACTION_OVERDUE')) not null, "case_id" uuid not null, "audience_partner_id" uuid null, "summary" text not null, "subject_ids" jsonb not null default '{}', "published_at" timestamptz null, constraint "hub_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "hub_event_occurred_at_index" on "hub_event" ("occurred_at");`);
    this.addSql(`create index "hub_event_case_id_index" on "hub_event" ("case_id");`);
    this.addSql(`create index "hub_event_published_at_index" on "hub_event" ("published_at");`);

    this.addSql(
      `create table "action" ("id" uuid not null, "case_id" uuid not null, "assigned_partner_id" uuid not null, "title" text not null, "details" text null, "due_date" date not null, "status" text check ("status" in ('OPEN', 'DONE', 'CANCELLED')) not null default 'OPEN', "source" text check ("source" in ('MANUAL', 'CASE_REVIEW_VICTIM_NOTICE', 'CASE_REVIEW_RECOMMENDATION', 'OSARA_RESPONSE', 'MEETING')) not null default 'MANUAL', "created_at" timestamptz not null default now(), "created_by_id" uuid null, "completed_at" timestamptz null, constraint "action_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "action_case_id_index" on "action" ("case_id");`);
    this.addSql(
      `create index "action_assigned_partner_id_status_due_date_index" on "action" ("assigned_partner_id", "status", "due_date");`,
    );

    this.addSql(
      `alter table "hub_event" add constraint "hub_event_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "hub_event" add constraint "hub_event_audience_partner_id_foreign" foreign key ("audience_partner_id") references "partner" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "action" add constraint "action_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "action" add constraint "action_assigned_partner_id_foreign" foreign key ("assigned_partner_id") references "partner" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "action" add constraint "action_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "hub_event" cascade;`);

    this.addSql(`drop table if exists "action" cascade;`);
  }
}
