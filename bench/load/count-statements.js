'use strict';
/**
 * Preloaded (`node -r`) into every server the load benchmark starts: the hub's production build,
 * PostGraphile and the SQL floor. It counts the statements each sends to PostgreSQL, and the wall
 * time during which at least one of them awaits its answer, at the one place they all pass (node-postgres' Client#query,
 * which knex, PostGraphile and plain pg all call), and answers the benchmark over the IPC
 * channel: `bench:statements` (statements and milliseconds so far) and `bench:memory`
 * (process.memoryUsage()). Plain JavaScript so that the hub runs as built.
 */
const { Client } = require('pg');

let statements = 0;
/** Wall time during which at least one statement was awaiting its answer. */
let sqlMs = 0;
let inFlight = 0;
let busySince = 0;
const query = Client.prototype.query;
Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  if (inFlight++ === 0) busySince = performance.now();
  let finished = false;
  const done = () => {
    if (finished) return;
    finished = true;
    if (--inFlight === 0) sqlMs += performance.now() - busySince;
  };
  const last = args.length - 1;
  if (typeof args[last] === 'function') {
    const callback = args[last];
    args[last] = function timedCallback(...results) {
      done();
      return callback.apply(this, results);
    };
    return query.apply(this, args);
  }
  const result = query.apply(this, args);
  if (result && typeof result.then === 'function') {
    result.then(done, done);
  } else {
    done(); // a stream (COPY): not timed
  }
  return result;
};

process.on('message', (message) => {
  if (!message || typeof message !== 'object' || !process.send) return;
  if (message.type === 'bench:statements') {
    process.send({ type: message.type, id: message.id, statements, sqlMs });
  } else if (message.type === 'bench:memory') {
    process.send({ type: message.type, id: message.id, memory: process.memoryUsage() });
  }
});
