import { Migration } from '@mikro-orm/migrations';

export class Migration20261124093300_aggregate_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "incident_occurred_at_index";`);

    this.addSql(`create index "incident_location_id_occurred_at_index" on "incident" ("location_id", "occurred_at");`);
    this.addSql(`create index "incident_occurred_at_covering_index" on "incident" ("occurred_at") include ("occurred_precision", "category", "recorded_by_partner_id", "area_code");`);

    this.addSql(`create index "incident_person_person_id_incident_id_index" on "incident_person" ("person_id", "incident_id");`);

    this.addSql(`create index "intervention_issued_at_index" on "intervention" ("issued_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "incident_location_id_occurred_at_index";`);
    this.addSql(`drop index "incident_occurred_at_covering_index";`);

    this.addSql(`create index "incident_occurred_at_index" on "incident" ("occurred_at");`);

    this.addSql(`drop index "incident_person_person_id_incident_id_index";`);

    this.addSql(`drop index "intervention_issued_at_index";`);
  }

}
