import { Migration } from '@mikro-orm/migrations';

/**
 * Partner records through POST /imports (issue 13): an import run may be of a partner's own
 * records (format PARTNER_RECORD_CSV), and counts the records it changed (`rows_updated`).
 */
export class Migration20261207230500_partner_record_upload extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "import_run" drop constraint if exists "import_run_format_check";`);
    this.addSql(
      `alter table "import_run" add constraint "import_run_format_check" check ("format" in ('POLICE_UK', 'MAPPED_CSV', 'PARTNER_RECORD_CSV'));`,
    );
    this.addSql(`alter table "import_run" add column "rows_updated" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "import_run" drop column if exists "rows_updated";`);
    this.addSql(`delete from "import_run" where "format" = 'PARTNER_RECORD_CSV';`);
    this.addSql(`alter table "import_run" drop constraint if exists "import_run_format_check";`);
    this.addSql(
      `alter table "import_run" add constraint "import_run_format_check" check ("format" in ('POLICE_UK', 'MAPPED_CSV'));`,
    );
  }
}
