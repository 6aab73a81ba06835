import { Migration } from '@mikro-orm/migrations';

export class Migration20261207090000_disclosure_control extends Migration {

  override async up(): Promise<void> {
    // A volatile default is evaluated for each existing row: every incident gets its own key.
    this.addSql(`alter table "incident" add column "record_key" smallint not null default floor(random() * 256)::smallint, add column "police_force" text null, add column "reported_by" text null;`);

    this.addSql(`drop index "incident_occurred_at_covering_index";`);
    this.addSql(`create index "incident_occurred_at_covering_index" on "incident" ("occurred_at") include ("occurred_precision", "category", "recorded_by_partner_id", "area_code", "record_key", "police_force", "reported_by");`);

    this.addSql(`alter table "area_configuration" add column "perturbation_max_noise" int not null default 3, add column "perturbation_variance" double precision not null default 2;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "area_configuration" drop column "perturbation_max_noise", drop column "perturbation_variance";`);

    this.addSql(`drop index "incident_occurred_at_covering_index";`);
    this.addSql(`alter table "incident" drop column "record_key", drop column "police_force", drop column "reported_by";`);
    this.addSql(`create index "incident_occurred_at_covering_index" on "incident" ("occurred_at") include ("occurred_precision", "category", "recorded_by_partner_id", "area_code");`);
  }

}
