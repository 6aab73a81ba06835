import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 16, "every change is audited": an audit entry of a change to the staff directory names the
 * partner it concerns (a partner, one of its identity-provider claims, one of its users), so that
 * administrators can list a partner's onboarding changes, a removed claim's too.
 *
 * Entries written before this migration keep a null: the audit is append-only (its trigger refuses
 * UPDATE), so they are not filled in; they stay in `auditEntries`.
 */
export class Migration20261207234117_onboarding_changes_audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_entry" add column "directory_partner_id" uuid null;`);
    this.addSql(
      `create index "audit_entry_directory_changes_index" on "audit_entry" ("occurred_at", "id") where "directory_partner_id" is not null;`,
    );
    this.addSql(
      `create index "audit_entry_directory_partner_id_index" on "audit_entry" ("directory_partner_id", "occurred_at", "id") where "directory_partner_id" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "audit_entry_directory_partner_id_index";`);
    this.addSql(`drop index if exists "audit_entry_directory_changes_index";`);
    this.addSql(`alter table "audit_entry" drop column "directory_partner_id";`);
  }
}
