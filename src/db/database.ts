import { MikroORM } from '@mikro-orm/postgresql';
import type { HubConfig } from '../config';
import {
  answers,
  embeddedDatabaseUrl,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from './embedded-postgres';
import { ormOptions } from './orm-options';

export interface Database {
  orm: MikroORM;
  url: string;
  /** True when the hub started PostgreSQL itself (no DATABASE_URL). */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded server when none is given; never both. A
 * command-line tool may `joinRunningHub`: when the hub (`npm start`) already runs the embedded
 * server, the tool uses it rather than starting a second one on the same data.
 */
export async function openDatabase(
  config: Pick<HubConfig, 'databaseUrl' | 'embeddedPostgres'> &
    Partial<Pick<HubConfig, 'databasePoolSize'>>,
  options: { joinRunningHub?: boolean } = {},
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url && options.joinRunningHub) {
    const running = embeddedDatabaseUrl(config.embeddedPostgres.port, 'asb_hub');
    if (await answers(running)) url = running;
  }
  if (!url) {
    embedded = await startEmbeddedPostgres({ ...config.embeddedPostgres, database: 'asb_hub' });
    url = embedded.url;
  }
  const orm = await MikroORM.init(ormOptions(url, config.databasePoolSize));
  return {
    orm,
    url,
    embedded: Boolean(embedded),
    close: async () => {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}

/**
 * Calls `listener` for every SQL statement the ORM sends. Used to prove the case view's
 * statement count does not grow with the case, and by the benchmarks.
 */
export function onSqlStatement(orm: MikroORM, listener: (sql: string) => void): () => void {
  const knex = orm.em.getConnection().getKnex();
  const handler = (query: { sql: string }) => listener(query.sql);
  knex.on('query', handler);
  return () => {
    knex.removeListener('query', handler);
  };
}
