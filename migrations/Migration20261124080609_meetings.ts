import { Migration } from '@mikro-orm/migrations';

export class Migration20261124080609_meetings extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "meeting" ("id" uuid not null, "held_at" timestamptz not null, "chair_id" uuid not null, "scheduled_by_id" uuid not null, "scheduled_at" timestamptz not null default now(), "attendance_recorded_at" timestamptz null, "minutes" text null, "minutes_recorded_at" timestamptz null, "minutes_recorded_by_id" uuid null, constraint "meeting_pkey" primary key ("id"));`);
    this.addSql(`create index "meeting_held_at_index" on "meeting" ("held_at");`);

    this.addSql(`create table "meeting_partner" ("id" uuid not null, "meeting_id" uuid not null, "partner_id" uuid not null, constraint "meeting_partner_pkey" primary key ("id"));`);
    this.addSql(`create index "meeting_partner_meeting_id_index" on "meeting_partner" ("meeting_id");`);
    this.addSql(`create index "meeting_partner_partner_id_index" on "meeting_partner" ("partner_id");`);
    this.addSql(`alter table "meeting_partner" add constraint "meeting_partner_meeting_id_partner_id_unique" unique ("meeting_id", "partner_id");`);

    this.addSql(`create table "meeting_agenda_item" ("id" uuid not null, "meeting_id" uuid not null, "case_id" uuid not null, "position" int not null, "added_by_id" uuid not null, "added_at" timestamptz not null default now(), constraint "meeting_agenda_item_pkey" primary key ("id"));`);
    this.addSql(`create index "meeting_agenda_item_meeting_id_index" on "meeting_agenda_item" ("meeting_id");`);
    this.addSql(`create index "meeting_agenda_item_case_id_index" on "meeting_agenda_item" ("case_id");`);
    this.addSql(`alter table "meeting_agenda_item" add constraint "meeting_agenda_item_meeting_id_case_id_unique" unique ("meeting_id", "case_id");`);

    this.addSql(`alter table "meeting" add constraint "meeting_chair_id_foreign" foreign key ("chair_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "meeting" add constraint "meeting_scheduled_by_id_foreign" foreign key ("scheduled_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "meeting" add constraint "meeting_minutes_recorded_by_id_foreign" foreign key ("minutes_recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "meeting_partner" add constraint "meeting_partner_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`);
    this.addSql(`alter table "meeting_partner" add constraint "meeting_partner_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade;`);

    this.addSql(`alter table "meeting_agenda_item" add constraint "meeting_agenda_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`);
    this.addSql(`alter table "meeting_agenda_item" add constraint "meeting_agenda_item_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`);
    this.addSql(`alter table "meeting_agenda_item" add constraint "meeting_agenda_item_added_by_id_foreign" foreign key ("added_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "action" add column "meeting_id" uuid null;`);
    this.addSql(`alter table "action" add constraint "action_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "action_meeting_id_index" on "action" ("meeting_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "meeting_partner" drop constraint "meeting_partner_meeting_id_foreign";`);

    this.addSql(`alter table "meeting_agenda_item" drop constraint "meeting_agenda_item_meeting_id_foreign";`);

    this.addSql(`alter table "action" drop constraint "action_meeting_id_foreign";`);

    this.addSql(`drop table if exists "meeting" cascade;`);

    this.addSql(`drop table if exists "meeting_partner" cascade;`);

    this.addSql(`drop table if exists "meeting_agenda_item" cascade;`);

    this.addSql(`drop index "action_meeting_id_index";`);
    this.addSql(`alter table "action" drop column "meeting_id";`);
  }

}
