import { Migration } from '@mikro-orm/migrations';

export class Migration20261124080153_documents extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "letter_template" ("id" uuid not null, "kind" text check ("kind" in ('WORDS_OF_ADVICE', 'LETTER_OF_EXPECTATION', 'ASB_WARNING_LETTER', 'COMMUNITY_PROTECTION_WARNING', 'COMMUNITY_PROTECTION_NOTICE')) not null, "title" text not null, "body" text not null, "version" int not null default 1, "updated_at" timestamptz not null default now(), "updated_by_id" uuid null, constraint "letter_template_pkey" primary key ("id"));`);
    this.addSql(`alter table "letter_template" add constraint "letter_template_kind_unique" unique ("kind");`);

    this.addSql(`create table "letter_template_change" ("id" uuid not null, "template_id" uuid not null, "version" int not null, "old_title" text not null, "new_title" text not null, "old_body" text not null, "new_body" text not null, "reason" text not null, "changed_by_id" uuid not null, "changed_at" timestamptz not null default now(), constraint "letter_template_change_pkey" primary key ("id"));`);
    this.addSql(`create index "letter_template_change_template_id_index" on "letter_template_change" ("template_id");`);

    this.addSql(`create table "statement_review" ("id" uuid not null, "case_id" uuid not null, "status" text check ("status" in ('DRAFT', 'RETURNED_WITH_COMMENTS', 'VALIDATED')) not null, "comments" text null, "reviewed_by_id" uuid not null, "reviewed_at" timestamptz not null default now(), constraint "statement_review_pkey" primary key ("id"));`);
    this.addSql(`create index "statement_review_case_id_index" on "statement_review" ("case_id");`);

    this.addSql(`create table "sent_letter" ("id" uuid not null, "intervention_id" uuid not null, "template_id" uuid not null, "template_version" int not null, "title" text not null, "text" text not null, "sent_by_id" uuid not null, "sent_at" timestamptz not null default now(), constraint "sent_letter_pkey" primary key ("id"));`);
    this.addSql(`create index "sent_letter_intervention_id_index" on "sent_letter" ("intervention_id");`);

    this.addSql(`alter table "letter_template" add constraint "letter_template_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "letter_template_change" add constraint "letter_template_change_template_id_foreign" foreign key ("template_id") references "letter_template" ("id") on update cascade;`);
    this.addSql(`alter table "letter_template_change" add constraint "letter_template_change_changed_by_id_foreign" foreign key ("changed_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "statement_review" add constraint "statement_review_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`);
    this.addSql(`alter table "statement_review" add constraint "statement_review_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "sent_letter" add constraint "sent_letter_intervention_id_foreign" foreign key ("intervention_id") references "intervention" ("id") on update cascade;`);
    this.addSql(`alter table "sent_letter" add constraint "sent_letter_template_id_foreign" foreign key ("template_id") references "letter_template" ("id") on update cascade;`);
    this.addSql(`alter table "sent_letter" add constraint "sent_letter_sent_by_id_foreign" foreign key ("sent_by_id") references "app_user" ("id") on update cascade;`);

    // The area's starting wording of each letter; administrators edit it through the API.
    this.addSql(`insert into "letter_template" ("id", "kind", "title", "body") values (gen_random_uuid(), 'WORDS_OF_ADVICE', $tpl$Words of advice$tpl$, $tpl$Dear {{subject.fullName}}

Our reference: {{case.reference}}

On {{intervention.issuedDate}} an officer spoke to you about your behaviour. This letter confirms the words of advice you were given by {{issuingPartners}}.

What we have been told about:
{{intervention.terms}}

Behaviour like this causes harassment, alarm or distress to the people who live and work nearby. We are asking you to stop now. If you need help, for example with your tenancy, your health or drug or alcohol use, please tell us and we will put you in touch with the right service.

If the behaviour continues, the partners may take further action, which can include a community protection warning.

Yours sincerely

{{issuingPartners}}$tpl$);`);
    this.addSql(`insert into "letter_template" ("id", "kind", "title", "body") values (gen_random_uuid(), 'LETTER_OF_EXPECTATION', $tpl$Letter of expectation$tpl$, $tpl$Dear {{subject.fullName}}

Our reference: {{case.reference}}

We are writing to set out clearly the standard of behaviour expected of you. Reports received by {{issuingPartners}} describe the following:
{{intervention.terms}}

We expect you to behave in a way that does not cause harassment, alarm or distress to others, and to keep to the conditions of your tenancy if you have one. We will review the situation on {{intervention.complianceDate}}.

This letter is not a legal notice, but it may be referred to if further action is needed. Support is available: please contact us if you would like it.

Yours sincerely

{{issuingPartners}}$tpl$);`);
    this.addSql(`insert into "letter_template" ("id", "kind", "title", "body") values (gen_random_uuid(), 'ASB_WARNING_LETTER', $tpl$First-stage anti-social behaviour warning$tpl$, $tpl$Dear {{subject.fullName}}

Our reference: {{case.reference}}

FIRST-STAGE WARNING: ANTI-SOCIAL BEHAVIOUR

{{issuingPartners}} have received reports that you have been involved in anti-social behaviour:
{{intervention.terms}}

You must stop this behaviour by {{intervention.complianceDate}}. If it continues, you may be given a community protection warning under section 43 of the Anti-social Behaviour, Crime and Policing Act 2014, which can lead to a community protection notice and, if that is not complied with, prosecution.

If there is anything that makes it hard for you to change your behaviour, please contact us. We can refer you to services that may be able to help.

Yours sincerely

{{issuingPartners}}$tpl$);`);
    this.addSql(`insert into "letter_template" ("id", "kind", "title", "body") values (gen_random_uuid(), 'COMMUNITY_PROTECTION_WARNING', $tpl$Community protection warning$tpl$, $tpl$COMMUNITY PROTECTION WARNING
Anti-social Behaviour, Crime and Policing Act 2014, section 43

To: {{subject.fullName}}
Reference: {{case.reference}}
Issued on {{intervention.issuedDate}} by {{issuingPartners}}

We are satisfied that your conduct is having a detrimental effect, of a persistent or continuing nature, on the quality of life of those in the locality, and that the conduct is unreasonable.

The conduct, and what you must do:
{{intervention.terms}}

You must comply by {{intervention.complianceDate}}.

If you continue with this conduct after that date, a community protection notice may be issued to you. Failing to comply with a community protection notice is a criminal offence, and may lead to a fixed penalty notice of up to 100 pounds or prosecution.

{{issuingPartners}}$tpl$);`);
    this.addSql(`insert into "letter_template" ("id", "kind", "title", "body") values (gen_random_uuid(), 'COMMUNITY_PROTECTION_NOTICE', $tpl$Community protection notice$tpl$, $tpl$COMMUNITY PROTECTION NOTICE
Anti-social Behaviour, Crime and Policing Act 2014, section 43

To: {{subject.fullName}}
Reference: {{case.reference}}
Issued on {{intervention.issuedDate}} by {{issuingPartners}}

You were given a community protection warning and the time to comply with it has passed. We are satisfied that your conduct has continued to have a detrimental effect, of a persistent or continuing nature, on the quality of life of those in the locality, and that it is unreasonable.

This notice requires you to:
{{intervention.terms}}

You must comply by {{intervention.complianceDate}}.

Failing to comply with this notice without reasonable excuse is a criminal offence (section 48). You may be given a fixed penalty notice of up to 100 pounds (section 52) or prosecuted.

Your right of appeal: you may appeal to a magistrates' court within 21 days of the date this notice was issued, that is by {{intervention.appealDeadline}} (section 46).

{{issuingPartners}}$tpl$);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "letter_template_change" drop constraint "letter_template_change_template_id_foreign";`);

    this.addSql(`alter table "sent_letter" drop constraint "sent_letter_template_id_foreign";`);

    this.addSql(`drop table if exists "letter_template" cascade;`);

    this.addSql(`drop table if exists "letter_template_change" cascade;`);

    this.addSql(`drop table if exists "statement_review" cascade;`);

    this.addSql(`drop table if exists "sent_letter" cascade;`);
  }

}
