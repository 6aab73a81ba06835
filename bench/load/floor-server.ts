/**
 * Comparison (a) of issue 7, the physical floor: a bare node:http server that answers
 * `POST /case-view` (`{"id": "<case id>"}`) with the ONE statement of case-view-floor.sql, as a
 * named prepared statement on a pool of 10 connections (as the hub's), and writes the JSON text
 * PostgreSQL built straight to the socket. No GraphQL, no token, no permissions, no audit: only
 * HTTP, one round trip to the database and the bytes back, so that all four contenders are
 * measured the same way, over HTTP by autocannon. Started by the load benchmark as a child
 * process: `BENCH_DATABASE_URL`, `PORT`.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Pool } from 'pg';
import { runServer, serveForBenchmark } from './child-server';

const sql = fs.readFileSync(path.join(__dirname, 'case-view-floor.sql'), 'utf8');

async function main() {
  const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.method !== 'POST' || req.url !== '/case-view') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let id: unknown;
      try {
        id = JSON.parse(Buffer.concat(chunks).toString('utf8')).id;
      } catch {
        id = undefined;
      }
      if (typeof id !== 'string') {
        res.writeHead(400).end();
        return;
      }
      pool
        .query<{ answer: string }>({ name: 'case-view', text: sql, values: [id] })
        .then(({ rows }) => {
          res.writeHead(200, { 'content-type': 'application/json' }).end(rows[0].answer);
        })
        .catch((error: Error) => {
          console.error(error);
          res.writeHead(500).end();
        });
    });
  });
  await serveForBenchmark(server, () => pool.end());
}

runServer(main);
