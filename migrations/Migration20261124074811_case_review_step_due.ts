import { Migration } from '@mikro-orm/migrations';

export class Migration20261124074811_case_review_step_due extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "case_review_application" add column "acknowledgement_due_raised_at" timestamptz null, add column "decision_due_raised_at" timestamptz null, add column "meeting_due_raised_at" timestamptz null, add column "response_due_raised_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_review_application" drop column "acknowledgement_due_raised_at", drop column "decision_due_raised_at", drop column "meeting_due_raised_at", drop column "response_due_raised_at";`);
  }

}
