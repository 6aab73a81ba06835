import { Migration } from '@mikro-orm/migrations';

/**
 * Partner records written by their owner (issue 13): the police PNC reference and warning
 * markers, the housing tenancy conditions, each record's reference in its owner's system, and the revision history of every write.
 */
export class Migration20261207110000_partner_record_writes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "police_record" add column "source_reference" text null, add column "pnc_reference" text null, add column "warning_markers" text[] not null default '{}';`);
    this.addSql(`alter table "housing_record" add column "source_reference" text null, add column "tenancy_conditions" text null;`);
    this.addSql(`alter table "mental_health_record" add column "source_reference" text null;`);
    this.addSql(`alter table "drug_alcohol_record" add column "source_reference" text null;`);

    this.addSql(`create table "partner_record_revision" ("id" uuid not null, "record_kind" text check ("record_kind" in ('POLICE', 'HOUSING', 'MENTAL_HEALTH', 'DRUG_ALCOHOL')) not null, "record_id" uuid not null, "owner_partner_id" uuid not null, "person_id" uuid not null, "changed_by_id" uuid not null, "changed_at" timestamptz not null, "changed_fields" text[] not null, "earlier_values" jsonb not null, constraint "partner_record_revision_pkey" primary key ("id"));`);
    this.addSql(`create index "partner_record_revision_record_kind_record_id_index" on "partner_record_revision" ("record_kind", "record_id");`);
    this.addSql(`alter table "partner_record_revision" add constraint "partner_record_revision_owner_partner_id_foreign" foreign key ("owner_partner_id") references "partner" ("id") on update cascade;`);
    this.addSql(`alter table "partner_record_revision" add constraint "partner_record_revision_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "partner_record_revision" add constraint "partner_record_revision_changed_by_id_foreign" foreign key ("changed_by_id") references "app_user" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "partner_record_revision" cascade;`);
    this.addSql(`alter table "drug_alcohol_record" drop column "source_reference";`);
    this.addSql(`alter table "mental_health_record" drop column "source_reference";`);
    this.addSql(`alter table "housing_record" drop column "source_reference", drop column "tenancy_conditions";`);
    this.addSql(`alter table "police_record" drop column "source_reference", drop column "pnc_reference", drop column "warning_markers";`);
  }
}
