import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 13, part 4: corrections keep what a record said before (one table for every kind of
 * record), risk assessments of victims and perpetrators over time, and the partner that added
 * someone to a case (who may correct their part). People added before this have no such partner:
 * only the lead partner corrects them.
 */
export class Migration20261207130000_corrections_and_risk_assessments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "risk_assessment" ("id" uuid not null, "case_id" uuid not null, "person_id" uuid not null, "role" text check ("role" in ('VICTIM', 'PERPETRATOR', 'WITNESS', 'REPORTER')) not null, "repeat_victimisation" smallint null, "vulnerability" smallint not null, "impact" smallint null, "escalation" smallint null, "risk_of_harm" smallint null, "score" smallint not null, "risk_level" text check ("risk_level" in ('STANDARD', 'MEDIUM', 'HIGH')) not null, "notes" text null, "assessed_at" timestamptz not null, "assessed_by_id" uuid not null, "assessed_by_partner_id" uuid not null, "recorded_at" timestamptz not null, constraint "risk_assessment_pkey" primary key ("id"));`);
    this.addSql(`create index "risk_assessment_case_id_assessed_at_index" on "risk_assessment" ("case_id", "assessed_at");`);

    this.addSql(`create table "correction" ("id" uuid not null, "record" text check ("record" in ('INCIDENT', 'CASE', 'CASE_PERSON')) not null, "record_id" uuid not null, "case_id" uuid null, "person_id" uuid null, "field" text not null, "previous_value" text null, "new_value" text null, "reason" text not null, "corrected_by_id" uuid not null, "corrected_by_partner_id" uuid not null, "corrected_at" timestamptz not null, "risk_assessment_id" uuid null, constraint "correction_pkey" primary key ("id"));`);
    this.addSql(`create index "correction_case_id_index" on "correction" ("case_id");`);
    this.addSql(`create index "correction_record_record_id_index" on "correction" ("record", "record_id");`);

    this.addSql(`alter table "risk_assessment" add constraint "risk_assessment_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`);
    this.addSql(`alter table "risk_assessment" add constraint "risk_assessment_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "risk_assessment" add constraint "risk_assessment_assessed_by_id_foreign" foreign key ("assessed_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "risk_assessment" add constraint "risk_assessment_assessed_by_partner_id_foreign" foreign key ("assessed_by_partner_id") references "partner" ("id") on update cascade;`);

    this.addSql(`alter table "correction" add constraint "correction_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "correction" add constraint "correction_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "correction" add constraint "correction_corrected_by_id_foreign" foreign key ("corrected_by_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "correction" add constraint "correction_corrected_by_partner_id_foreign" foreign key ("corrected_by_partner_id") references "partner" ("id") on update cascade;`);
    this.addSql(`alter table "correction" add constraint "correction_risk_assessment_id_foreign" foreign key ("risk_assessment_id") references "risk_assessment" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "case_person" add column "added_by_partner_id" uuid null;`);
    this.addSql(`alter table "case_person" add constraint "case_person_added_by_partner_id_foreign" foreign key ("added_by_partner_id") references "partner" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_person" drop constraint "case_person_added_by_partner_id_foreign";`);
    this.addSql(`alter table "case_person" drop column "added_by_partner_id";`);
    this.addSql(`drop table if exists "correction" cascade;`);
    this.addSql(`drop table if exists "risk_assessment" cascade;`);
  }
}
