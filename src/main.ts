import 'reflect-metadata';
import { setClock } from './common/clock';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { DatabaseBehindError, prepareDatabase } from './db/start-up';
import { errorFields, log } from './log';
import { startHub } from './server';

/** Starts the hub: database (embedded unless DATABASE_URL is set), migrations, demo data, HTTP. */
async function main() {
  const config = loadConfig();
  if (config.clockStart) setClock(config.clockStart, { asOfMs: config.clockStartAsOfMs });
  const database = await openDatabase(config);
  log.info('database ready', { embedded: database.embedded });
  try {
    await prepareDatabase(database, config);
  } catch (error) {
    await database.close();
    throw error;
  }
  const hub = await startHub(config, database.orm);
  log.info('hub listening', { url: `${hub.url}/graphql`, mode: config.mode });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    // A request or an import that will not finish must not keep the process for ever.
    const limit = setTimeout(() => {
      log.error('shutdown took too long: stopping now', { limitMs: config.shutdownTimeoutMs });
      process.exit(1);
    }, config.shutdownTimeoutMs);
    limit.unref();
    try {
      await hub.stop();
      await database.close();
      log.info('hub stopped', { signal });
      process.exit(0);
    } catch (error) {
      log.error('shutdown failed', errorFields(error));
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else if (error instanceof DatabaseBehindError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
