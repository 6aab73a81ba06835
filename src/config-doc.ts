import { settingsBySubject } from './config';

/** docs/configuration.md: every variable the hub reads, printed from the settings files in src/config/, one table per subject. */
export function renderConfigurationDoc(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '# Configuration',
    '',
    'Generated from `src/config/*.settings.ts` by `npm run config:doc`; a test fails if this file and the configuration differ. Do not edit by hand.',
    '',
    'The hub reads these environment variables once, at start-up, and checks them all before it starts: a bad value stops it with one message naming every bad variable, for example `Configuration error: 2 problems:` followed by `PORT must be a whole number from 0 to 65535, not "eighty"` and `DEMO_DATA must be true, false, 1 or 0, not "yes"`. A value that may hold a secret (`DATABASE_URL`, `AUTH_TRUSTED_ISSUERS`, `AUTH_LOCAL_SECRET`, `METRICS_TOKEN`, `OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_HEADERS`) is never repeated in a message.',
    '',
    '- Unset and empty are the same: the default.',
    '- Yes-or-no variables (`DEMO_DATA`, `BENCH_MODE`, `BENCH_UNSAFE_NO_PERMISSIONS`) read one way: `true` or `1` is yes, `false` or `0` is no, exactly so in lower case; anything else is refused.',
    '- A whole number outside its range (the table gives each) is refused, as is `10s` or `1.5`.',
    '- URLs are checked: `DATABASE_URL` is a `postgres://` or `postgresql://` URL, each `jwksUrl` and `OTEL_EXPORTER_OTLP_ENDPOINT` an `https://` or `http://` URL, each CORS origin scheme, host and port only.',
    '- Some defaults depend on `NODE_ENV`, and some values are refused in production: the table says which.',
    '',
    'The area’s own rules (case review threshold and timescales, local routes, the CPN minimum age, small-number suppression) are not environment variables: they live in the database, changed by an administrator through the API (see [Area configuration](operations.md#area-configuration)).',
    '',
    ...settingsBySubject().flatMap((group) => [
      `## ${group.title}`,
      '',
      '| variable | default | meaning |',
      '| --- | --- | --- |',
      ...group.rows.map(
        (row) => `| \`${row.variable}\` | ${cell(row.shown)} | ${cell(row.meaning)} |`,
      ),
      '',
    ]),
  ].join('\n');
}
