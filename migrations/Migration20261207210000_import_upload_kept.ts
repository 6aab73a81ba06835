import { Migration } from '@mikro-orm/migrations';

/**
 * Uploaded import files kept in PostgreSQL while their run needs them (issue 14, jobs that survive
 * a process): any hub process can then take over a run whose process stopped or died, with no
 * shared disk. Deleted with the run's end.
 */
export class Migration20261207210000_import_upload_kept extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "import_run" add column "upload_kept" boolean not null default false;`,
    );
    this.addSql(
      `create table "import_upload_chunk" ("import_run_id" uuid not null, "seq" int not null, "data" bytea not null, constraint "import_upload_chunk_pkey" primary key ("import_run_id", "seq"), constraint "import_upload_chunk_import_run_id_foreign" foreign key ("import_run_id") references "import_run" ("id") on update cascade on delete cascade);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "import_upload_chunk" cascade;`);
    this.addSql(`alter table "import_run" drop column if exists "upload_kept";`);
  }
}
