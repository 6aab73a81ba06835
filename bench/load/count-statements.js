'use strict';
/**
 * Preloaded (`node -r`) into every server the load benchmark starts: the hub's production build,
 * PostGraphile and the SQL floor. It counts the statements each sends to PostgreSQL, at the one
 * place they all pass (node-postgres' Client#query, which knex, PostGraphile and plain pg all
 * call), and answers the benchmark over the IPC channel: `bench:statements` (the count so far)
 * and `bench:memory` (process.memoryUsage()). Plain JavaScript so that the hub runs as built.
 */
const { Client } = require('pg');

let statements = 0;
const query = Client.prototype.query;
Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  return query.apply(this, args);
};

process.on('message', (message) => {
  if (!message || typeof message !== 'object' || !process.send) return;
  if (message.type === 'bench:statements') {
    process.send({ type: message.type, id: message.id, statements });
  } else if (message.type === 'bench:memory') {
    process.send({ type: message.type, id: message.id, memory: process.memoryUsage() });
  }
});
