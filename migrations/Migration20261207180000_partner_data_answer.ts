import { Migration } from '@mikro-orm/migrations';

/**
 * OSARA scanning (issue 13): a partner's answer to a request for its data carries content. Its
 * own partner records about people on the case (`osara_answer_record`, one row per record given),
 * a note shared under a sharing basis it recorded for the case, or that it holds nothing. A
 * note never stands without its basis; a basis is never dropped from under a note.
 */
export class Migration20261207180000_partner_data_answer extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "osara_answer_record" ("id" uuid not null, "request_id" uuid not null, "record_kind" text check ("record_kind" in ('POLICE', 'HOUSING', 'MENTAL_HEALTH', 'DRUG_ALCOHOL')) not null, "record_id" uuid not null, constraint "osara_answer_record_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "osara_answer_record" add constraint "osara_answer_record_request_id_record_id_unique" unique ("request_id", "record_id");`,
    );
    this.addSql(
      `alter table "osara_answer_record" add constraint "osara_answer_record_request_id_foreign" foreign key ("request_id") references "osara_partner_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "osara_partner_request" add column "nothing_held" boolean not null default false, add column "note" text null, add column "note_sharing_basis_id" uuid null;`,
    );
    this.addSql(
      `alter table "osara_partner_request" add constraint "osara_partner_request_note_sharing_basis_id_foreign" foreign key ("note_sharing_basis_id") references "sharing_basis" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "osara_partner_request" add constraint "osara_partner_request_note_has_basis" check (((note IS NULL) = (note_sharing_basis_id IS NULL)));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "osara_partner_request" drop constraint "osara_partner_request_note_has_basis";`,
    );
    this.addSql(
      `alter table "osara_partner_request" drop constraint "osara_partner_request_note_sharing_basis_id_foreign";`,
    );
    this.addSql(
      `alter table "osara_partner_request" drop column "nothing_held", drop column "note", drop column "note_sharing_basis_id";`,
    );
    this.addSql(`drop table if exists "osara_answer_record" cascade;`);
  }
}
