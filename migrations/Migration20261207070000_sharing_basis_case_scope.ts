import { Migration } from '@mikro-orm/migrations';

/**
 * A sharing basis names its case and its recipients (issue 12, consent scope). An existing basis
 * released to every partner on any of the person's cases (no recipient), or to one partner on any
 * of them. It becomes one basis per case the person is in that its owner takes part in, naming
 * the partners that release reached there today: every other partner on that case, or the one
 * recipient if on it. The first such case keeps the basis's id; no partner gains a release, and
 * a partner added to a case from now on gains none. A basis that reached no case (its recipient
 * on no case with its owner) is kept for the record on the owner's first case, naming nobody,
 * and withdrawn.
 */
export class Migration20261207070000_sharing_basis_case_scope extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "sharing_basis" add column "case_id" uuid null, add column "recipient_partner_ids" uuid[] not null default '{}';`);

    this.addSql(`create temporary table "sharing_basis_scope" on commit drop as
      select b.id as basis_id, cp.case_id,
             row_number() over (partition by b.id order by c.opened_at, c.id) as n,
             case when b.recipient_partner_id is null
                  then array(select p.partner_id from case_partner p
                              where p.case_id = cp.case_id and p.partner_id <> b.owner_partner_id
                              order by p.joined_at, p.partner_id)
                  else array[b.recipient_partner_id] end as recipients
        from sharing_basis b
        join case_person cp on cp.person_id = b.person_id
        join asb_case c on c.id = cp.case_id
       where exists (select 1 from case_partner o where o.case_id = cp.case_id and o.partner_id = b.owner_partner_id)
         and (b.recipient_partner_id is null
              or exists (select 1 from case_partner r where r.case_id = cp.case_id and r.partner_id = b.recipient_partner_id));`);
    this.addSql(`update "sharing_basis" b set "case_id" = s.case_id, "recipient_partner_ids" = s.recipients
      from "sharing_basis_scope" s where s.basis_id = b.id and s.n = 1;`);
    this.addSql(`insert into "sharing_basis" ("id", "person_id", "owner_partner_id", "kind", "reason", "decided_by_id", "recorded_at", "expires_at", "withdrawn_at", "withdrawn_by_id", "withdrawal_reason", "override", "decision_maker", "lawful_basis", "case_id", "recipient_partner_ids")
      select gen_random_uuid(), b.person_id, b.owner_partner_id, b.kind, b.reason, b.decided_by_id, b.recorded_at, b.expires_at, b.withdrawn_at, b.withdrawn_by_id, b.withdrawal_reason, b.override, b.decision_maker, b.lawful_basis, s.case_id, s.recipients
        from "sharing_basis_scope" s join "sharing_basis" b on b.id = s.basis_id where s.n > 1;`);
    this.addSql(`update "sharing_basis" b set
        "case_id" = (select cp.case_id from case_person cp join asb_case c on c.id = cp.case_id
                      where cp.person_id = b.person_id
                      order by exists (select 1 from case_partner o where o.case_id = c.id and o.partner_id = b.owner_partner_id) desc,
                               c.opened_at, c.id
                      limit 1),
        "withdrawn_at" = coalesce(b.withdrawn_at, now()),
        "withdrawal_reason" = coalesce(b.withdrawal_reason, 'Closed when sharing bases came to name their case: its recipient was on no case with its owner.')
      where b.case_id is null;`);
    // A basis about someone in no case at all released nothing and has no case to name.
    this.addSql(`delete from "sharing_basis" where "case_id" is null;`);

    this.addSql(`alter table "sharing_basis" drop constraint "sharing_basis_recipient_partner_id_foreign";`);
    this.addSql(`alter table "sharing_basis" drop column "recipient_partner_id";`);
    this.addSql(`alter table "sharing_basis" alter column "case_id" set not null, alter column "recipient_partner_ids" drop default;`);
    this.addSql(`alter table "sharing_basis" add constraint "sharing_basis_case_id_foreign" foreign key ("case_id") references "asb_case" ("id") on update cascade;`);

    this.addSql(`alter table "hub_event" drop constraint if exists "hub_event_kind_check";`);
    this.addSql(`alter table "hub_event" add constraint "hub_event_kind_check" check("kind" in ('CASE_REVIEW_THRESHOLD_MET', 'CASE_REVIEW_STEP_DUE', 'POSSIBLE_BREACH', 'ACTION_ASSIGNED', 'ACTION_OVERDUE', 'SHARING_REVIEW_NEEDED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "hub_event" drop constraint if exists "hub_event_kind_check";`);
    this.addSql(`delete from "hub_event" where "kind" = 'SHARING_REVIEW_NEEDED';`);
    this.addSql(`alter table "hub_event" add constraint "hub_event_kind_check" check("kind" in ('CASE_REVIEW_THRESHOLD_MET', 'CASE_REVIEW_STEP_DUE', 'POSSIBLE_BREACH', 'ACTION_ASSIGNED', 'ACTION_OVERDUE'));`);

    // Going back, a basis keeps its first recipient only: narrower, never wider.
    this.addSql(`alter table "sharing_basis" drop constraint "sharing_basis_case_id_foreign";`);
    this.addSql(`alter table "sharing_basis" add column "recipient_partner_id" uuid null;`);
    this.addSql(`update "sharing_basis" set "recipient_partner_id" = "recipient_partner_ids"[1];`);
    // Null meant every partner: a basis naming nobody is withdrawn rather than widened.
    this.addSql(`update "sharing_basis" set "withdrawn_at" = coalesce("withdrawn_at", now()) where cardinality("recipient_partner_ids") = 0;`);
    this.addSql(`alter table "sharing_basis" add constraint "sharing_basis_recipient_partner_id_foreign" foreign key ("recipient_partner_id") references "partner" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "sharing_basis" drop column "case_id", drop column "recipient_partner_ids";`);
  }

}
