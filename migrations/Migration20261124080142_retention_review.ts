import { Migration } from '@mikro-orm/migrations';

export class Migration20261124080142_retention_review extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "deleted_case" ("id" uuid not null, "case_id" uuid not null, "reference" text not null, "opened_at" timestamptz not null, "closed_at" timestamptz not null, "deleted_at" timestamptz not null default now(), "approved_by_id" uuid not null, "reason" text not null, "people_count" int not null, "people_deleted" int not null, "incident_counts" jsonb not null, "intervention_counts" jsonb not null, constraint "deleted_case_pkey" primary key ("id"));`);
    this.addSql(`alter table "deleted_case" add constraint "deleted_case_case_id_unique" unique ("case_id");`);
    this.addSql(`alter table "deleted_case" add constraint "deleted_case_reference_unique" unique ("reference");`);

    this.addSql(`alter table "deleted_case" add constraint "deleted_case_approved_by_id_foreign" foreign key ("approved_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "area_configuration" add column "retention_years" int not null default 6;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "deleted_case" cascade;`);

    this.addSql(`alter table "area_configuration" drop column "retention_years";`);
  }

}
