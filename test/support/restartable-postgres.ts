import readline from 'node:readline';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres';

/*
 * An embedded PostgreSQL in a process of its own, stopped and started again on command (lines
 * `stop`, `start`, `exit` on stdin; it answers `ready <url>`, `stopped`), for the test that
 * restarts the database under a running hub. A process of its own because jest's module sandbox
 * cannot load embedded-postgres (an ES module) and because the hub under test must not own it.
 */
const [dataDir, port] = process.argv.slice(2);
let server: EmbeddedDatabase | undefined;

const start = async () => {
  server = await startEmbeddedPostgres({
    dataDir,
    port: Number(port),
    database: 'asb_hub',
    persistent: true,
  });
  console.log(`ready ${server.url}`);
};

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  void (async () => {
    if (line === 'stop' || line === 'exit') {
      await server?.stop();
      server = undefined;
      console.log('stopped');
      if (line === 'exit') process.exit(0);
    } else if (line === 'start') {
      await start();
    }
  })();
});
void start();
