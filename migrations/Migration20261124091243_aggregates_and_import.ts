import { Migration } from '@mikro-orm/migrations';

export class Migration20261124091243_aggregates_and_import extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "lsoa" ("code" text not null, "name" text not null, "local_authority" text not null, constraint "lsoa_pkey" primary key ("code"));`);
    this.addSql(`create index "lsoa_local_authority_index" on "lsoa" ("local_authority");`);

    this.addSql(`create table "import_run" ("id" uuid not null, "partner_id" uuid not null, "format" text check ("format" in ('POLICE_UK', 'MAPPED_CSV')) not null, "file_name" text not null, "file_sha256" text not null, "mapping" jsonb null, "status" text check ("status" in ('RUNNING', 'COMPLETED', 'FAILED')) not null default 'RUNNING', "checkpoint_line" int not null default 1, "rows_imported" int not null default 0, "rows_already_present" int not null default 0, "rows_rejected" int not null default 0, "rejected_report_path" text null, "failure" text null, "started_by_id" uuid null, "started_at" timestamptz not null default now(), "finished_at" timestamptz null, constraint "import_run_pkey" primary key ("id"));`);
    this.addSql(`create index "import_run_file_sha256_index" on "import_run" ("file_sha256");`);

    this.addSql(`alter table "import_run" add constraint "import_run_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade;`);
    this.addSql(`alter table "import_run" add constraint "import_run_started_by_id_foreign" foreign key ("started_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "incident" drop constraint if exists "incident_category_check";`);

    this.addSql(`alter table "incident" add column "occurred_precision" text check ("occurred_precision" in ('EXACT', 'DAY', 'MONTH')) not null default 'EXACT', add column "recorded_by_partner_id" uuid null, add column "area_code" text null, add column "import_run_id" uuid null;`);
    this.addSql(`alter table "incident" add constraint "incident_recorded_by_partner_id_foreign" foreign key ("recorded_by_partner_id") references "partner" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "incident" add constraint "incident_import_run_id_foreign" foreign key ("import_run_id") references "import_run" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "incident" add constraint "incident_category_check" check("category" in ('PERSONAL', 'NUISANCE', 'ENVIRONMENTAL', 'UNCLASSIFIED'));`);
    // Incidents recorded before this migration: the first partner to report each, and its place's LSOA.
    this.addSql(`update "incident" i set "recorded_by_partner_id" = (select r."partner_id" from "incident_report" r where r."incident_id" = i."id" order by r."reported_at", r."id" limit 1);`);
    this.addSql(`update "incident" i set "area_code" = l."lsoa_code" from "location" l where l."id" = i."location_id";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "incident" drop constraint "incident_import_run_id_foreign";`);

    this.addSql(`drop table if exists "lsoa" cascade;`);

    this.addSql(`drop table if exists "import_run" cascade;`);

    this.addSql(`alter table "incident" drop constraint if exists "incident_category_check";`);

    this.addSql(`alter table "incident" drop constraint "incident_recorded_by_partner_id_foreign";`);

    this.addSql(`alter table "incident" drop column "occurred_precision", drop column "recorded_by_partner_id", drop column "area_code", drop column "import_run_id";`);

    this.addSql(`alter table "incident" add constraint "incident_category_check" check("category" in ('PERSONAL', 'NUISANCE', 'ENVIRONMENTAL'));`);
  }

}
