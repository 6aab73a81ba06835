import { Migration } from '@mikro-orm/migrations';

/**
 * A sharing basis other than consent is an override (DPA 2018 sch.1 para 10 or 18): recorded as
 * one, naming the decision maker and the lawful basis (issue 13). The demo's safeguarding basis
 * was stored without them: it is fixed at its source, and here in a database that already holds
 * it (the demo person and the demo drug and alcohol service, fixed ids). Any other row breaking
 * the rule is not guessed at: the migration stops and says how many, so the owner partner
 * documents them (or withdraws and re-records them) before the check is added.
 */
export class Migration20261207140000_sharing_basis_override_documented extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "sharing_basis" set "override" = true,
        "decision_maker" = 'Mair Rees, team leader and safeguarding lead, Llwybr Drug and Alcohol Service',
        "lawful_basis" = 'UK GDPR art. 6(1)(e) and art. 9(2)(g); DPA 2018 sch.1 para 18 (safeguarding of individuals at risk): Gareth is at risk of exploitation and cannot be asked without alerting those exploiting him.'
      where "person_id" = '40000000-0000-4000-8000-000000000002'
        and "owner_partner_id" = '10000000-0000-4000-8000-000000000005'
        and "kind" = 'SAFEGUARDING' and not "override";`);
    this.addSql(`do $$
declare undocumented integer;
begin
  select count(*) into undocumented from "sharing_basis"
   where not (kind = 'CONSENT' or (override and btrim(coalesce(decision_maker, '')) <> '' and btrim(coalesce(lawful_basis, '')) <> ''));
  if undocumented > 0 then
    raise exception '% sharing basis row(s) other than consent lack override, decision maker or lawful basis: document them before this migration (issue 13)', undocumented;
  end if;
end $$;`);
    this.addSql(
      `alter table "sharing_basis" add constraint "sharing_basis_override_documented" check (((kind = 'CONSENT'::text) OR (override AND (btrim(COALESCE(decision_maker, ''::text)) <> ''::text) AND (btrim(COALESCE(lawful_basis, ''::text)) <> ''::text))));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sharing_basis" drop constraint "sharing_basis_override_documented";`);
  }
}
