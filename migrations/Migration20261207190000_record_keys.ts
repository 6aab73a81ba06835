import { Migration } from '@mikro-orm/migrations';

/**
 * Record keys for the cell key method (issue 15) on what the other aggregates count: people and
 * places (repeat demand), interventions (intervention statistics and impact), case review
 * applications and decisions (case review statistics). The same shape as incident's: a volatile
 * default is evaluated for each existing row, so every row gets its own key.
 */
const TABLES = [
  'person',
  'location',
  'intervention',
  'case_review_application',
  'case_review_decision',
];

export class Migration20261207190000_record_keys extends Migration {
  override async up(): Promise<void> {
    for (const table of TABLES) {
      this.addSql(
        `alter table "${table}" add column "record_key" smallint not null default floor(random() * 256)::smallint;`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of TABLES) {
      this.addSql(`alter table "${table}" drop column "record_key";`);
    }
  }
}
