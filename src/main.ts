import 'reflect-metadata';
import { setClock } from './common/clock';
import { ConfigError, loadConfig } from './config';
import { migrate, openDatabase } from './db/database';
import { loadDemoDataIfEmpty } from './demo/demo-data';
import { log } from './log';
import { startHub } from './server';

/** Starts the hub: database (embedded unless DATABASE_URL is set), migrations, demo data, HTTP. */
async function main() {
  const config = loadConfig();
  if (config.clockStart) setClock(config.clockStart);
  const database = await openDatabase(config);
  log.info('database ready', { embedded: database.embedded });
  const applied = await migrate(database.orm);
  if (applied.length) log.info('migrations applied', { migrations: applied.map((m) => m.name) });
  if (config.loadDemoData && (await loadDemoDataIfEmpty(database.orm.em.fork()))) {
    log.info('demo data loaded');
  }
  const hub = await startHub(config, database.orm);
  log.info('hub listening', { url: `${hub.url}/graphql`, mode: config.mode });

  const shutdown = async (signal: string) => {
    log.info('shutting down', { signal });
    await hub.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
