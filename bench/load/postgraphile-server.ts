/**
 * Comparison (b) of issue 7: PostGraphile 5 serving the hub's tables as they are, with no
 * permissions (no pgSettings, no RLS, no JWT), its default (amber) preset. Started by the load
 * benchmark as a child process: `BENCH_DATABASE_URL`, `PORT`; pool of 10 connections, as the
 * hub's. It compiles each GraphQL operation into as few SQL statements as it can (Grafast).
 */
import http from 'node:http';
import { Pool } from 'pg';
import { runServer, serveForBenchmark } from './child-server';

// PostGraphile 5 declares Node 22 or later; the only Node 22 API it calls is Promise.withResolvers
// (ES2024), so on the hub's Node 20 it gets the standard's own definition, and runs on the same
// runtime as the hub it is compared with.
type Resolvers = {
  promise: Promise<unknown>;
  resolve(v?: unknown): void;
  reject(e?: unknown): void;
};
const promiseStatics = Promise as unknown as { withResolvers?: () => Resolvers };
if (!promiseStatics.withResolvers) {
  promiseStatics.withResolvers = () => {
    const resolvers = {} as Resolvers;
    resolvers.promise = new Promise((resolve, reject) =>
      Object.assign(resolvers, { resolve, reject }),
    );
    return resolvers;
  };
}

// Loaded untyped: PostGraphile's type declarations augment graphql-js's own types in ways the
// hub's code (graphql 16 as Apollo uses it) does not compile against, and this file is type
// checked with the rest of the project.
/* eslint-disable @typescript-eslint/no-require-imports */
const { postgraphile } = require('postgraphile');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
/* eslint-enable @typescript-eslint/no-require-imports */

async function main() {
  const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
  const preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafserv: { graphqlPath: '/graphql', watch: false },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = http.createServer();
  serv.addTo(server);
  await serveForBenchmark(server, async () => {
    await pgl.release();
    await pool.end();
  });
}

runServer(main);
