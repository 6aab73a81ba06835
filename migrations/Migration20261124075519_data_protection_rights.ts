import { Migration } from '@mikro-orm/migrations';

export class Migration20261124075519_data_protection_rights extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "sharing_basis" add column "withdrawn_by_id" uuid null, add column "withdrawal_reason" text null, add column "override" boolean not null default false, add column "decision_maker" text null, add column "lawful_basis" text null;`);
    this.addSql(`alter table "sharing_basis" add constraint "sharing_basis_withdrawn_by_id_foreign" foreign key ("withdrawn_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sharing_basis" drop constraint "sharing_basis_withdrawn_by_id_foreign";`);

    this.addSql(`alter table "sharing_basis" drop column "withdrawn_by_id", drop column "withdrawal_reason", drop column "override", drop column "decision_maker", drop column "lawful_basis";`);
  }

}
