import { Migration } from '@mikro-orm/migrations';

/**
 * Onboarding (issue 16): the identity-provider claims that say which partner a token's holder
 * belongs to (an issuer and, say, its organisation id), and a user's email and creation time.
 */
export class Migration20261207200000_onboarding extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "partner_identity" ("id" uuid not null, "partner_id" uuid not null, "issuer" text not null, "claim" text not null, "value" text not null, "created_at" timestamptz not null default now(), constraint "partner_identity_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "partner_identity" add constraint "partner_identity_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "partner_identity" add constraint "partner_identity_issuer_claim_value_unique" unique ("issuer", "claim", "value");`,
    );
    this.addSql(
      `create index "partner_identity_partner_id_index" on "partner_identity" ("partner_id");`,
    );
    this.addSql(`alter table "app_user" add column "email" text null;`);
    this.addSql(
      `alter table "app_user" add column "created_at" timestamptz not null default now();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop column "created_at";`);
    this.addSql(`alter table "app_user" drop column "email";`);
    this.addSql(`drop table if exists "partner_identity" cascade;`);
  }
}
