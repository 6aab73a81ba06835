import { Migration } from '@mikro-orm/migrations';

/*
 * Issue 13 part 3: one person across partners. Strong identifiers on a person, each partner's own
 * reference, and the links (identity clusters) and review items matching writes. Name matching
 * uses PostgreSQL's own contrib extensions: fuzzystrmatch (dmetaphone, levenshtein) for
 * candidate blocking and pg_trgm for name similarity.
 */
export class Migration20261207120000_person_matching extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create extension if not exists fuzzystrmatch;`);
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create table "person_reference" ("id" uuid not null, "person_id" uuid not null, "partner_id" uuid not null, "reference" text not null, "created_at" timestamptz not null default now(), constraint "person_reference_pkey" primary key ("id"));`);
    this.addSql(`create index "person_reference_person_id_index" on "person_reference" ("person_id");`);
    this.addSql(`create index "person_reference_partner_id_reference_index" on "person_reference" ("partner_id", "reference");`);

    this.addSql(`create table "person_link" ("id" uuid not null, "person_id" uuid not null, "matched_person_id" uuid not null, "method" text check ("method" in ('IDENTIFIER', 'PROBABILISTIC')) not null, "status" text check ("status" in ('LINKED', 'REVIEW', 'REJECTED', 'UNLINKED')) not null, "score" double precision null, "evidence" text not null, "recorded_by_id" uuid not null, "created_at" timestamptz not null default now(), "decided_by_id" uuid null, "decided_at" timestamptz null, constraint "person_link_pkey" primary key ("id"));`);
    this.addSql(`create index "person_link_person_id_index" on "person_link" ("person_id");`);
    this.addSql(`create index "person_link_matched_person_id_index" on "person_link" ("matched_person_id");`);
    this.addSql(`alter table "person_link" add constraint "person_link_person_id_matched_person_id_unique" unique ("person_id", "matched_person_id");`);

    this.addSql(`alter table "person_reference" add constraint "person_reference_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "person_reference" add constraint "person_reference_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade;`);

    this.addSql(`alter table "person_link" add constraint "person_link_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "person_link" add constraint "person_link_matched_person_id_foreign" foreign key ("matched_person_id") references "person" ("id") on update cascade;`);
    this.addSql(`alter table "person_link" add constraint "person_link_recorded_by_id_foreign" foreign key ("recorded_by_id") references "partner" ("id") on update cascade;`);
    this.addSql(`alter table "person_link" add constraint "person_link_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "partner" add column "reveals_person_matches" boolean not null default false;`);

    this.addSql(`alter table "person" add column "nhs_number" text null, add column "pnc_id" text null;`);
    this.addSql(`create index "person_date_of_birth_index" on "person" ("date_of_birth");`);
    this.addSql(`create index "person_nhs_number_index" on "person" ("nhs_number");`);
    this.addSql(`create index "person_pnc_id_index" on "person" ("pnc_id");`);
    this.addSql(`create index "person_family_name_dmetaphone_index" on "person" (dmetaphone("family_name"));`);

    this.addSql(`alter table "possible_breach" add column "via_person_link_id" uuid null;`);
    this.addSql(`alter table "possible_breach" add constraint "possible_breach_via_person_link_id_foreign" foreign key ("via_person_link_id") references "person_link" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "possible_breach" drop constraint "possible_breach_via_person_link_id_foreign";`);

    this.addSql(`drop table if exists "person_reference" cascade;`);

    this.addSql(`drop table if exists "person_link" cascade;`);

    this.addSql(`alter table "partner" drop column "reveals_person_matches";`);

    this.addSql(`drop index "person_date_of_birth_index";`);
    this.addSql(`drop index "person_nhs_number_index";`);
    this.addSql(`drop index "person_pnc_id_index";`);
    this.addSql(`drop index "person_family_name_dmetaphone_index";`);
    this.addSql(`alter table "person" drop column "nhs_number", drop column "pnc_id";`);

    this.addSql(`alter table "possible_breach" drop column "via_person_link_id";`);
  }

}
