import { Migration } from '@mikro-orm/migrations';

export class Migration20261124073245_audit_log extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" uuid not null default gen_random_uuid(), "occurred_at" timestamptz not null default now(), "request_id" uuid not null, "user_id" uuid not null, "partner_id" uuid not null, "role" text not null, "action" text check ("action" in ('READ', 'CREATE', 'UPDATE', 'DELETE')) not null, "subject_type" text not null, "subject_id" text not null, "person_id" uuid null, "case_id" uuid null, "fields" text[] not null, "purpose" text null, "operation" text null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_occurred_at_index" on "audit_entry" ("occurred_at");`);
    this.addSql(`create index "audit_entry_case_id_occurred_at_index" on "audit_entry" ("case_id", "occurred_at");`);
    this.addSql(`create index "audit_entry_user_id_occurred_at_index" on "audit_entry" ("user_id", "occurred_at");`);
    this.addSql(`create index "audit_entry_person_id_occurred_at_index" on "audit_entry" ("person_id", "occurred_at");`);

    // Append-only, enforced by the database itself: no UPDATE, DELETE or TRUNCATE, whoever asks
    // (the code never tries; a trigger also stops a console session or a future bug).
    this.addSql(`create function audit_entry_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entry rows cannot be changed or deleted' using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger audit_entry_append_only before update or delete on "audit_entry"
      for each row execute function audit_entry_is_append_only();`);
    this.addSql(`create trigger audit_entry_no_truncate before truncate on "audit_entry"
      for each statement execute function audit_entry_is_append_only();`);
    // Belt and braces for roles that are not the table's owner or a superuser.
    this.addSql(`revoke update, delete, truncate on "audit_entry" from public;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists audit_entry_no_truncate on "audit_entry";`);
    this.addSql(`drop trigger if exists audit_entry_append_only on "audit_entry";`);
    this.addSql(`drop function if exists audit_entry_is_append_only();`);
    this.addSql(`drop table if exists "audit_entry" cascade;`);
  }

}
