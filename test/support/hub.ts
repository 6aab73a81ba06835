import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { print, type GraphQLFormattedError } from 'graphql';
import { loadConfig, type HubConfig } from '../../src/config';
import { onSqlStatement } from '../../src/db/database';
import { ormOptions } from '../../src/db/orm-options';
import { startHub, type Hub } from '../../src/server';
import { LogWatch } from './sent-values';
import { privateDatabase, testDatabaseUrl } from './test-database';

export interface GraphQLResponse<R> {
  status: number;
  data?: R | null;
  errors?: GraphQLFormattedError[];
}

export interface TestHub {
  url: string;
  /** The hub's own HTTP server, for tests of its settings. */
  server: import('node:http').Server;
  orm: MikroORM;
  config: HubConfig;
  /** A fresh EntityManager for factories and for checking what a request wrote. */
  em(): EntityManager;
  /** Sends a typed operation over HTTP, as a partner's front end would. */
  request<R, V>(
    document: TypedDocumentNode<R, V>,
    variables: V,
    token?: string,
  ): Promise<GraphQLResponse<R>>;
  /** Sends any body with any headers, for tests of the HTTP layer itself. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Live notification subscriptions the hub holds (graphql-ws). */
  liveSubscriptions(): number;
  /** Every log line the hub wrote, and the values sent to it; searched at `close()`. */
  logs: LogWatch;
  /** Runs `work` and returns the SQL statements the hub sent meanwhile. */
  recordStatements(work: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The real hub, on a real port, over the run's real PostgreSQL. `private: true` gives the hub a
 * database of its own (a copy of the migrated template), for tests that change area-wide settings.
 */
export async function startTestHub(
  env: Record<string, string> = {},
  options: { private?: boolean } = {},
): Promise<TestHub> {
  const isolated = options.private ? await privateDatabase() : undefined;
  const url = isolated?.url ?? testDatabaseUrl();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    PORT: '0',
    // Test hubs share one database: one would otherwise take over another test's handed-over run.
    IMPORT_TAKEOVER_SWEEP_MS: '3600000',
    ...env,
  });
  const orm = await MikroORM.init(ormOptions(url));
  const hub: Hub = await startHub(config, orm, 0);
  const endpoint = `${hub.url}/graphql`;
  const logs = new LogWatch();

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    logs.record(
      typeof body === 'string' ? safeParse(body) : (body as { variables?: unknown })?.variables,
    );
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // leave as text
    }
    return { status: response.status, body: parsed as any };
  };

  return {
    url: hub.url,
    server: hub.server,
    orm,
    config,
    em: () => orm.em.fork(),
    async request(document, variables, token) {
      const { status, body } = await post(
        { query: print(document), variables },
        token ? { authorization: `Bearer ${token}` } : {},
      );
      return { status, data: body.data, errors: body.errors };
    },
    post,
    liveSubscriptions: () => hub.liveSubscriptions(),
    async recordStatements(work) {
      const statements: string[] = [];
      const stop = onSqlStatement(orm, (sql) => statements.push(sql));
      try {
        await work();
      } finally {
        stop();
      }
      return statements;
    },
    logs,
    async close() {
      await hub.stop();
      await orm.close(true);
      await isolated?.drop();
      logs.close();
      const leaks = logs.leaks();
      if (leaks.length) {
        throw new Error(
          `The hub logged values this test sent (logs never hold personal data):\n${leaks
            .slice(0, 5)
            .map((leak) => `${JSON.stringify(leak.value)} in ${leak.line}`)
            .join('\n')}`,
        );
      }
    },
  };
}

/** The error codes of a response, in order, for compact assertions. */
export const codes = (response: { errors?: GraphQLFormattedError[] }) =>
  (response.errors ?? []).map((error) => error.extensions?.code);

function safeParse(text: string): unknown {
  try {
    return (JSON.parse(text) as { variables?: unknown })?.variables;
  } catch {
    return undefined;
  }
}
