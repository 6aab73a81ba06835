import { Migration } from '@mikro-orm/migrations';

export class Migration20261124075913_subject_access_requests extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "subject_access_request" ("id" uuid not null, "person_id" uuid null, "received_on" date not null, "deadline" date not null, "extended_deadline" date null, "extension_reason" text null, "completed_at" timestamptz null, "recorded_by_id" uuid not null, "recorded_at" timestamptz not null default now(), constraint "subject_access_request_pkey" primary key ("id"));`);
    this.addSql(`create index "subject_access_request_person_id_index" on "subject_access_request" ("person_id");`);

    this.addSql(`alter table "subject_access_request" add constraint "subject_access_request_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "subject_access_request" add constraint "subject_access_request_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subject_access_request" cascade;`);
  }

}
