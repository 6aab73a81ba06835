import { Migration } from '@mikro-orm/migrations';

/** Idempotency keys for mutations (issue 14): one row per user and key, its answer kept for the TTL. */
export class Migration20261207160000_idempotent_requests extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotent_request" ("user_id" uuid not null, "key" text not null, "request_sha256" text not null, "status" text not null, "request_id" text not null, "response" jsonb null, "http_status" int null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "idempotent_request_pkey" primary key ("user_id", "key"));`,
    );
    this.addSql(
      `create index "idempotent_request_expires_at_index" on "idempotent_request" ("expires_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotent_request" cascade;`);
  }
}
