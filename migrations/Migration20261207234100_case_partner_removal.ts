import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 13, part 4: a partner taken off a case by mistake is a correction too. Its history row is
 * of a new kind, CASE_PARTNER (the removed case_partner row's id, what the partner had there).
 */
export class Migration20261207234100_case_partner_removal extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "correction" drop constraint if exists "correction_record_check";`);
    this.addSql(
      `alter table "correction" add constraint "correction_record_check" check("record" in ('INCIDENT', 'CASE', 'CASE_PERSON', 'CASE_PARTNER'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "correction" where "record" = 'CASE_PARTNER';`);
    this.addSql(`alter table "correction" drop constraint if exists "correction_record_check";`);
    this.addSql(
      `alter table "correction" add constraint "correction_record_check" check("record" in ('INCIDENT', 'CASE', 'CASE_PERSON'));`,
    );
  }
}
