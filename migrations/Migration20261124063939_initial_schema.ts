import { Migration } from '@mikro-orm/migrations';

export class Migration20261124063939_initial_schema extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "location" ("id" uuid not null, "kind" text check ("kind" in ('ADDRESS', 'PUBLIC_PLACE')) not null, "description" text not null, "uprn" text null, "latitude" double precision null, "longitude" double precision null, "lsoa_code" text null, constraint "location_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "incident" ("id" uuid not null, "occurred_at" timestamptz not null, "category" text check ("category" in ('PERSONAL', 'NUISANCE', 'ENVIRONMENTAL')) not null, "description" text not null, "location_id" uuid null, "created_at" timestamptz not null default now(), constraint "incident_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "incident_occurred_at_index" on "incident" ("occurred_at");`);

    this.addSql(
      `create table "partner" ("id" uuid not null, "name" text not null, "kind" text check ("kind" in ('POLICE', 'COUNCIL', 'HOUSING', 'MENTAL_HEALTH', 'DRUG_ALCOHOL', 'OTHER')) not null, "created_at" timestamptz not null default now(), constraint "partner_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "partner" add constraint "partner_name_unique" unique ("name");`);

    this.addSql(
      `create table "person" ("id" uuid not null, "given_name" text not null, "family_name" text not null, "date_of_birth" date null, "created_at" timestamptz not null default now(), constraint "person_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "mental_health_record" ("id" uuid not null, "owner_partner_id" uuid not null, "person_id" uuid not null, "updated_at" timestamptz not null default now(), "known_to_services" boolean not null default true, "care_contact" text null, "risk_summary" text null, "clinical_notes" text null, constraint "mental_health_record_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "mental_health_record_person_id_index" on "mental_health_record" ("person_id");`,
    );

    this.addSql(
      `create table "incident_person" ("id" uuid not null, "incident_id" uuid not null, "person_id" uuid not null, "role" text check ("role" in ('VICTIM', 'PERPETRATOR', 'WITNESS', 'REPORTER')) not null, constraint "incident_person_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "incident_person" add constraint "incident_person_incident_id_person_id_unique" unique ("incident_id", "person_id");`,
    );

    this.addSql(
      `create table "housing_record" ("id" uuid not null, "owner_partner_id" uuid not null, "person_id" uuid not null, "updated_at" timestamptz not null default now(), "property_id" uuid null, "tenancy_reference" text null, "tenancy_type" text null, "tenancy_start_date" date null, "tenancy_breaches" text null, "officer_notes" text null, constraint "housing_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "housing_record_person_id_index" on "housing_record" ("person_id");`);

    this.addSql(
      `create table "drug_alcohol_record" ("id" uuid not null, "owner_partner_id" uuid not null, "person_id" uuid not null, "updated_at" timestamptz not null default now(), "engaged_in_treatment" boolean not null default false, "key_worker_contact" text null, "treatment_detail" text null, constraint "drug_alcohol_record_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "drug_alcohol_record_person_id_index" on "drug_alcohol_record" ("person_id");`,
    );

    this.addSql(
      `create table "police_record" ("id" uuid not null, "owner_partner_id" uuid not null, "person_id" uuid not null, "updated_at" timestamptz not null default now(), "nominal_reference" text null, "warnings_summary" text null, "intelligence" text null, constraint "police_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "police_record_person_id_index" on "police_record" ("person_id");`);

    this.addSql(
      `create table "app_user" ("id" uuid not null, "username" text not null, "display_name" text not null, "partner_id" uuid not null, "role" text check ("role" in ('PRACTITIONER', 'SUPERVISOR', 'ANALYST', 'LEGAL', 'ADMINISTRATOR', 'BI_SERVICE', 'DATA_PROTECTION_OFFICER')) not null, "active" boolean not null default true, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_username_unique" unique ("username");`,
    );

    this.addSql(
      `create table "sharing_basis" ("id" uuid not null, "person_id" uuid not null, "owner_partner_id" uuid not null, "recipient_partner_id" uuid null, "kind" text check ("kind" in ('CONSENT', 'SAFEGUARDING', 'PREVENTING_UNLAWFUL_ACTS')) not null, "reason" text not null, "decided_by_id" uuid not null, "recorded_at" timestamptz not null, "expires_at" timestamptz null, "withdrawn_at" timestamptz null, constraint "sharing_basis_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "sharing_basis_person_id_owner_partner_id_index" on "sharing_basis" ("person_id", "owner_partner_id");`,
    );

    this.addSql(
      `create table "incident_report" ("id" uuid not null, "incident_id" uuid not null, "partner_id" uuid not null, "reported_at" timestamptz not null, "source_reference" text null, "recorded_by_id" uuid null, constraint "incident_report_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "incident_report" add constraint "incident_report_incident_id_partner_id_unique" unique ("incident_id", "partner_id");`,
    );

    this.addSql(
      `create table "asb_case" ("id" uuid not null, "reference" text not null, "title" text not null, "summary" text null, "centred_on" text check ("centred_on" in ('VICTIM', 'PERPETRATOR', 'LOCATION')) not null, "location_id" uuid null, "lead_partner_id" uuid not null, "lead_officer_id" uuid null, "risk_level" text check ("risk_level" in ('STANDARD', 'MEDIUM', 'HIGH')) not null, "status" text check ("status" in ('OPEN', 'CLOSED')) not null default 'OPEN', "opened_at" timestamptz not null, "closed_at" timestamptz null, "osara_stage" text check ("osara_stage" in ('OBJECTIVE', 'SCANNING', 'ANALYSIS', 'RESPONSE', 'ASSESSMENT')) not null default 'OBJECTIVE', "osara_objective" text null, "osara_objective_target_date" date null, "osara_scanning" text null, "osara_analysis" text null, "osara_response" text null, "osara_assessment" text null, constraint "asb_case_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "asb_case" add constraint "asb_case_reference_unique" unique ("reference");`,
    );
    this.addSql(`create index "asb_case_status_index" on "asb_case" ("status");`);
    this.addSql(`create index "asb_case_opened_at_index" on "asb_case" ("opened_at");`);

    this.addSql(
      `create table "support_offer" ("id" uuid not null, "case_id" uuid not null, "offered_by_id" uuid not null, "person_id" uuid not null, "kind" text check ("kind" in ('MEDIATION', 'MENTAL_HEALTH_REFERRAL', 'DRUG_ALCOHOL_REFERRAL', 'VICTIM_SUPPORT', 'DIVERSIONARY_SCHEME', 'HOUSING_SUPPORT', 'OTHER')) not null, "details" text null, "offered_at" timestamptz not null, "response" text check ("response" in ('ACCEPTED', 'DECLINED', 'NO_RESPONSE')) not null, "recorded_by_id" uuid null, constraint "support_offer_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "support_offer_case_id_index" on "support_offer" ("case_id");`);

    this.addSql(
      `create table "joint_visit" ("id" uuid not null, "case_id" uuid not null, "visited_at" timestamptz not null, "location_id" uuid null, "purpose" text not null, "outcome" text not null, "recorded_by_id" uuid null, constraint "joint_visit_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "joint_visit_case_id_index" on "joint_visit" ("case_id");`);

    this.addSql(
      `create table "joint_visit_person" ("id" uuid not null, "visit_id" uuid not null, "person_id" uuid not null, constraint "joint_visit_person_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "joint_visit_person" add constraint "joint_visit_person_visit_id_person_id_unique" unique ("visit_id", "person_id");`,
    );

    this.addSql(
      `create table "joint_visit_attendee" ("id" uuid not null, "visit_id" uuid not null, "partner_id" uuid not null, "officer_name" text not null, constraint "joint_visit_attendee_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "joint_visit_attendee_visit_id_index" on "joint_visit_attendee" ("visit_id");`,
    );

    this.addSql(
      `create table "intervention" ("id" uuid not null, "case_id" uuid not null, "kind" text check ("kind" in ('WORDS_OF_ADVICE', 'LETTER_OF_EXPECTATION', 'ASB_WARNING_LETTER', 'ACCEPTABLE_BEHAVIOUR_CONTRACT', 'MEDIATION', 'COMMUNITY_PROTECTION_WARNING', 'COMMUNITY_PROTECTION_NOTICE', 'COMMUNITY_PROTECTION_ORDER', 'CIVIL_INJUNCTION', 'CRIMINAL_BEHAVIOUR_ORDER', 'CLOSURE_NOTICE', 'CLOSURE_ORDER')) not null, "subject_id" uuid null, "premises_id" uuid null, "issued_at" timestamptz not null, "terms" text not null, "compliance_date" date null, "status" text check ("status" in ('ACTIVE', 'COMPLIED', 'BREACHED', 'ENDED')) not null default 'ACTIVE', constraint "intervention_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "intervention_case_id_index" on "intervention" ("case_id");`);

    this.addSql(
      `create table "intervention_partner" ("id" uuid not null, "intervention_id" uuid not null, "partner_id" uuid not null, constraint "intervention_partner_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "intervention_partner" add constraint "intervention_partner_intervention_id_partner_id_unique" unique ("intervention_id", "partner_id");`,
    );

    this.addSql(
      `create table "intervention_breach" ("id" uuid not null, "intervention_id" uuid not null, "occurred_at" timestamptz not null, "incident_id" uuid null, "details" text not null, constraint "intervention_breach_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "intervention_breach_intervention_id_index" on "intervention_breach" ("intervention_id");`,
    );

    this.addSql(
      `create table "case_review_decision" ("id" uuid not null, "case_id" uuid not null, "victim_id" uuid not null, "window_start" timestamptz not null, "window_end" timestamptz not null, "threshold" int not null, "threshold_met" boolean not null, "outcome" text check ("outcome" in ('REVIEW_THRESHOLD_MET', 'DISCRETIONARY_REVIEW', 'NO_REVIEW')) not null, "reasons" text not null, "decided_by_id" uuid not null, "decided_at" timestamptz not null, constraint "case_review_decision_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "case_review_decision_case_id_index" on "case_review_decision" ("case_id");`,
    );

    this.addSql(
      `create table "case_review_incident" ("id" uuid not null, "decision_id" uuid not null, "incident_id" uuid not null, constraint "case_review_incident_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "case_review_incident" add constraint "case_review_incident_decision_id_incident_id_unique" unique ("decision_id", "incident_id");`,
    );

    this.addSql(
      `create table "case_person" ("id" uuid not null, "case_id" uuid not null, "person_id" uuid not null, "role" text check ("role" in ('VICTIM', 'PERPETRATOR', 'WITNESS', 'REPORTER')) not null, "vulnerabilities" text[] not null default '{}', "added_at" timestamptz not null default now(), constraint "case_person_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "case_person_case_id_index" on "case_person" ("case_id");`);
    this.addSql(
      `alter table "case_person" add constraint "case_person_person_id_case_id_unique" unique ("person_id", "case_id");`,
    );

    this.addSql(
      `create table "case_partner" ("id" uuid not null, "case_id" uuid not null, "partner_id" uuid not null, "joined_at" timestamptz not null default now(), constraint "case_partner_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "case_partner_case_id_index" on "case_partner" ("case_id");`);
    this.addSql(
      `alter table "case_partner" add constraint "case_partner_partner_id_case_id_unique" unique ("partner_id", "case_id");`,
    );

    this.addSql(
      `create table "case_incident" ("id" uuid not null, "case_id" uuid not null, "incident_id" uuid not null, "linked_at" timestamptz not null default now(), constraint "case_incident_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "case_incident" add constraint "case_incident_case_id_incident_id_unique" unique ("case_id", "incident_id");`,
    );

    this.addSql(
      `alter table "incident" add constraint "incident_location_id_foreign" foreign key ("location_id") references "location" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "mental_health_record" add constraint "mental_health_record_owner_partner_id_foreign" foreign key ("owner_partner_id") references "partner" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "mental_health_record" add constraint "mental_health_record_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "incident_person" add constraint "incident_person_incident_id_foreign" foreign key ("incident_id") references "incident" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "incident_person" add constraint "incident_person_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "housing_record" add constraint "housing_record_owner_partner_id_foreign" foreign key ("owner_partner_id") references "partner" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "housing_record" add constraint "housing_record_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "housing_record" add constraint "housing_record_property_id_foreign" foreign key ("property_id") references "location" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "drug_alcohol_record" add constraint "drug_alcohol_record_owner_partner_id_foreign" foreign key ("owner_partner_id") references "partner" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "drug_alcohol_record" add constraint "drug_alcohol_record_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "police_record" add constraint "police_record_owner_partner_id_foreign" foreign key ("owner_partner_id") references "partner" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "police_record" add constraint "police_record_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "sharing_basis" add constraint "sharing_basis_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "sharing_basis" add constraint "sharing_basis_owner_partner_id_foreign" foreign key ("owner_partner_id") references "partner" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "sharing_basis" add constraint "sharing_basis_recipient_partner_id_foreign" foreign key ("recipient_partner_id") references "partner" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "sharing_basis" add constraint "sharing_basis_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "incident_report" add constraint "incident_report_incident_id_foreign" foreign key ("incident_id") references "incident" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "incident_report" add constraint "incident_report_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "incident_report" add constraint "incident_report_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "asb_case" add constraint "asb_case_location_id_foreign" foreign key ("location_id") references "location" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "asb_case" add constraint "asb_case_lead_partner_id_foreign" foreign key ("lead_partner_id") references "partner" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "asb_case" add constraint "asb_case_lead_officer_id_foreign" foreign key ("lead_officer_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "support_offer" add constraint "support_offer_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "support_offer" add constraint "support_offer_offered_by_id_foreign" foreign key ("offered_by_id") references "partner" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "support_offer" add constraint "support_offer_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "support_offer" add constraint "support_offer_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "joint_visit" add constraint "joint_visit_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "joint_visit" add constraint "joint_visit_location_id_foreign" foreign key ("location_id") references "location" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "joint_visit" add constraint "joint_visit_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "joint_visit_person" add constraint "joint_visit_person_visit_id_foreign" foreign key ("visit_id") references "joint_visit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "joint_visit_person" add constraint "joint_visit_person_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "joint_visit_attendee" add constraint "joint_visit_attendee_visit_id_foreign" foreign key ("visit_id") references "joint_visit" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "joint_visit_attendee" add constraint "joint_visit_attendee_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "intervention" add constraint "intervention_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "intervention" add constraint "intervention_subject_id_foreign" foreign key ("subject_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "intervention" add constraint "intervention_premises_id_foreign" foreign key ("premises_id") references "location" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "intervention_partner" add constraint "intervention_partner_intervention_id_foreign" foreign key ("intervention_id") references "intervention" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "intervention_partner" add constraint "intervention_partner_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "intervention_breach" add constraint "intervention_breach_intervention_id_foreign" foreign key ("intervention_id") references "intervention" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "intervention_breach" add constraint "intervention_breach_incident_id_foreign" foreign key ("incident_id") references "incident" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "case_review_decision" add constraint "case_review_decision_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review_decision" add constraint "case_review_decision_victim_id_foreign" foreign key ("victim_id") references "person" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review_decision" add constraint "case_review_decision_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_review_incident" add constraint "case_review_incident_decision_id_foreign" foreign key ("decision_id") references "case_review_decision" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review_incident" add constraint "case_review_incident_incident_id_foreign" foreign key ("incident_id") references "incident" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_person" add constraint "case_person_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_person" add constraint "case_person_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_partner" add constraint "case_partner_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_partner" add constraint "case_partner_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_incident" add constraint "case_incident_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_incident" add constraint "case_incident_incident_id_foreign" foreign key ("incident_id") references "incident" ("id") on update cascade;`,
    );
  }
}
