import { Migration } from '@mikro-orm/migrations';

export class Migration20261124092757_import_progress extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "import_run" add column "file_bytes" bigint not null default 0, add column "bytes_done" bigint not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "import_run" drop column "file_bytes", drop column "bytes_done";`);
  }

}
