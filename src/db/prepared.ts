import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * One statement through knex with its parameters sent apart from the SQL text (`em.execute`
 * inlines them, escaping every character of a large JSON parameter, and PostgreSQL then parses
 * it as a literal), in `em`'s transaction when it has one. With a `name` the statement is
 * prepared: each pooled connection parses and plans it once.
 */
export async function runStatement<Row>(
  em: EntityManager,
  sql: string,
  params: readonly Knex.RawBinding[],
  name?: string,
): Promise<Row[]> {
  const statement = em.getConnection().getKnex().raw(sql, params);
  if (name) statement.options({ name });
  const transaction = em.getTransactionContext();
  if (transaction) statement.transacting(transaction);
  const { rows } = (await statement) as { rows: Row[] };
  return rows;
}
