import { Migration } from '@mikro-orm/migrations';

export class Migration20261124065714_area_configuration extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "configuration_change" ("id" uuid not null, "changed_at" timestamptz not null default now(), "changed_by_id" uuid not null, "setting" text not null, "old_value" text null, "new_value" text null, "reason" text not null, constraint "configuration_change_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "configuration_change_changed_at_index" on "configuration_change" ("changed_at");`,
    );

    this.addSql(
      `create table "bank_holiday" ("date" date not null, "name" text not null, "added_by_id" uuid null, constraint "bank_holiday_pkey" primary key ("date"));`,
    );

    this.addSql(
      `create table "area_configuration" ("id" int not null default 1, "case_review_threshold" int not null default 3, "case_review_window_months" int not null default 6, "qualifying_complaint_months" int not null default 1, "location_route_reports" int null default 5, "location_route_victims" int not null default 2, "hate_incident_route" boolean not null default true, "acknowledge_working_days" int not null default 10, "decide_working_days" int not null default 15, "meet_working_days" int not null default 20, "respond_working_days" int not null default 5, "appeal_window_working_days" int not null default 20, "appeal_heard_by" text not null default 'Police and crime commissioner', "cpn_minimum_age" int not null default 16, "small_number_threshold" int not null default 5, "updated_at" timestamptz not null default now(), "updated_by_id" uuid null, constraint "area_configuration_pkey" primary key ("id"), constraint case_review_threshold_at_most_3 check ((case_review_threshold >= 1) AND (case_review_threshold <= 3)), constraint area_configuration_single_row check (id = 1));`,
    );

    this.addSql(
      `alter table "configuration_change" add constraint "configuration_change_changed_by_id_foreign" foreign key ("changed_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "bank_holiday" add constraint "bank_holiday_added_by_id_foreign" foreign key ("added_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "area_configuration" add constraint "area_configuration_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    // The area's configuration starts at the statutory defaults; the administrator changes it.
    this.addSql(`insert into "area_configuration" ("id") values (1);`);

    // Bank holidays of England and Wales, 2024 to 2028; the administrator adds later years.
    this.addSql(`insert into "bank_holiday" ("date", "name") values
      ('2024-01-01', 'New Year''s Day'),
      ('2024-03-29', 'Good Friday'),
      ('2024-04-01', 'Easter Monday'),
      ('2024-05-06', 'Early May bank holiday'),
      ('2024-05-27', 'Spring bank holiday'),
      ('2024-08-26', 'Summer bank holiday'),
      ('2024-12-25', 'Christmas Day'),
      ('2024-12-26', 'Boxing Day'),
      ('2025-01-01', 'New Year''s Day'),
      ('2025-04-18', 'Good Friday'),
      ('2025-04-21', 'Easter Monday'),
      ('2025-05-05', 'Early May bank holiday'),
      ('2025-05-26', 'Spring bank holiday'),
      ('2025-08-25', 'Summer bank holiday'),
      ('2025-12-25', 'Christmas Day'),
      ('2025-12-26', 'Boxing Day'),
      ('2026-01-01', 'New Year''s Day'),
      ('2026-04-03', 'Good Friday'),
      ('2026-04-06', 'Easter Monday'),
      ('2026-05-04', 'Early May bank holiday'),
      ('2026-05-25', 'Spring bank holiday'),
      ('2026-08-31', 'Summer bank holiday'),
      ('2026-12-25', 'Christmas Day'),
      ('2026-12-28', 'Boxing Day (substitute day)'),
      ('2027-01-01', 'New Year''s Day'),
      ('2027-03-26', 'Good Friday'),
      ('2027-03-29', 'Easter Monday'),
      ('2027-05-03', 'Early May bank holiday'),
      ('2027-05-31', 'Spring bank holiday'),
      ('2027-08-30', 'Summer bank holiday'),
      ('2027-12-27', 'Christmas Day (substitute day)'),
      ('2027-12-28', 'Boxing Day (substitute day)'),
      ('2028-01-03', 'New Year''s Day (substitute day)'),
      ('2028-04-14', 'Good Friday'),
      ('2028-04-17', 'Easter Monday'),
      ('2028-05-01', 'Early May bank holiday'),
      ('2028-05-29', 'Spring bank holiday'),
      ('2028-08-28', 'Summer bank holiday'),
      ('2028-12-25', 'Christmas Day'),
      ('2028-12-26', 'Boxing Day');`);

    // The audit of configuration changes is append-only, whatever the code does.
    this
      .addSql(`create function configuration_change_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'configuration_change rows cannot be changed or deleted';
      end $$;`);
    this
      .addSql(`create trigger configuration_change_append_only before update or delete on "configuration_change"
      for each row execute function configuration_change_is_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `drop trigger if exists configuration_change_append_only on "configuration_change";`,
    );
    this.addSql(`drop function if exists configuration_change_is_append_only();`);
    this.addSql(`drop table if exists "configuration_change" cascade;`);

    this.addSql(`drop table if exists "bank_holiday" cascade;`);

    this.addSql(`drop table if exists "area_configuration" cascade;`);
  }
}
