import { z } from 'zod';
import { type HubMode, DEFAULT_DATABASE_POOL_SIZE } from './hub-config';
import { wholeNumber, oneOf, yesNo, text, databaseUrl, isoDateTime } from './parsers';
import { setting, optional } from './setting';

/** How the hub starts: its mode, its database, where it listens, the demo story, migrations, shutdown, and the clock. */
export const START_UP_SETTINGS = {
  title: 'Start-up, database and clock',
  settings: {
    NODE_ENV: setting<HubMode>(
      // An empty or unknown NODE_ENV means production: development behaviour must be asked for.
      z
        .string()
        .transform((value) => (value === 'development' || value === 'test' ? value : 'production')),
      'production',
      {
        shown: 'empty, which means production',
        meaning:
          '`development` or `test` must be asked for; anything else is production (introspection and field suggestions off, limits not named in errors, no demo issuer). `npm start` sets `development` unless `NODE_ENV` is set.',
      },
    ),
    DATABASE_URL: optional(databaseUrl, {
      secret: true,
      meaning:
        'PostgreSQL connection URL (`postgres://` or `postgresql://`). Unset: the hub starts an embedded PostgreSQL and uses its `asb_hub` database.',
    }),
    DATABASE_POOL_SIZE: setting(wholeNumber(1, 1000), DEFAULT_DATABASE_POOL_SIZE, {
      meaning:
        'Most connections one hub process holds to PostgreSQL at once. Several processes on one database: keep their sum, with `npm run migrate` and the sweeps, below the server’s `max_connections`.',
    }),
    EMBEDDED_PG_DIR: setting(text, '.data/postgres', {
      meaning: 'Data folder of the embedded server, kept between runs.',
    }),
    EMBEDDED_PG_PORT: setting(wholeNumber(1024, 65535), 54329, {
      meaning: 'Port of the embedded server.',
    }),
    HOST: setting(text, '127.0.0.1', { meaning: 'Interface to listen on.' }),
    PORT: setting(wholeNumber(0, 65535), 4000, { meaning: 'HTTP port.' }),
    DEMO_DATA: setting(yesNo, (mode) => mode !== 'production', {
      shown: '`true`, or `false` in production',
      meaning: '`true` (or `1`) loads the demo story into an empty database.',
    }),
    MIGRATIONS_ON_START: setting(
      oneOf('apply', 'refuse'),
      // Production upgrades are deliberate: migrating is a release step unless asked for at start.
      (mode) => (mode === 'production' ? 'refuse' : 'apply'),
      {
        shown: '`apply`, or `refuse` in production',
        meaning:
          '`apply`: pending migrations are applied as the hub starts. `refuse`: a hub on a database that is behind will not start (`npm run migrate` is then a release step of its own; [operations](operations.md)).',
      },
    ),
    SHUTDOWN_TIMEOUT_MS: setting(wholeNumber(1000, 600_000), 30_000, {
      meaning:
        'On SIGTERM or SIGINT the hub stops in order (see [operations](operations.md)); if that takes longer than this, it exits with code 1.',
    }),
    HUB_CLOCK_START: optional(isoDateTime, {
      meaning:
        'An ISO 8601 date and time: the hub’s clock starts there and runs on (tests that start hub processes, rehearsals). Refused in production.',
    }),
    HUB_CLOCK_START_AS_OF_MS: optional(wholeNumber(0, Number.MAX_SAFE_INTEGER), {
      meaning:
        'The system time, in epoch ms, at which it was `HUB_CLOCK_START`: keeps a spawned hub from starting behind its parent.',
    }),
  },
};
