import { LOG_LEVELS, type LogLevel } from '../log';
import { oneOf, yesNo, text, url, headerList } from './parsers';
import { setting, optional } from './setting';

/** What the hub tells its operators (docs/operations.md), and the benchmark switches (bench/). */
export const OBSERVABILITY_SETTINGS = {
  title: 'Logs, metrics, tracing and benchmarks',
  settings: {
    LOG_LEVEL: setting(oneOf<LogLevel>(...LOG_LEVELS), 'info', {
      meaning:
        'Which log lines are written: `trace`, `debug`, `info`, `warn`, `error`, `fatal` or `silent` (see [operations](operations.md)). No level ever writes SQL values, variables or personal data.',
    }),
    METRICS_TOKEN: optional(text, {
      secret: true,
      shown: 'unset: no `/metrics`',
      meaning:
        '`/metrics` (Prometheus) is served only when this is set, and only to `Authorization: Bearer <token>`; at least 32 characters in production.',
    }),
    OTEL_TRACING: setting(oneOf('off', 'on'), 'off', {
      meaning:
        '`on`: OpenTelemetry spans (HTTP requests, GraphQL operations, database statements) are sent to `OTEL_EXPORTER_OTLP_ENDPOINT`. Spans carry names, ids, codes and durations, never variables, SQL values or personal data. `off`: no OpenTelemetry SDK is loaded. See [Tracing](operations.md#tracing).',
    }),
    // Secret: a collector's URL may carry credentials, so no message repeats it.
    OTEL_EXPORTER_OTLP_ENDPOINT: setting(
      url(['http:', 'https:'], 'must be an http or https URL (https://collector.example.org:4318)'),
      'http://localhost:4318',
      {
        secret: true,
        meaning:
          'The OpenTelemetry collector’s OTLP/HTTP address; spans are sent as JSON to `<endpoint>/v1/traces`. Read only with `OTEL_TRACING=on`.',
      },
    ),
    OTEL_EXPORTER_OTLP_HEADERS: setting(
      headerList,
      {},
      {
        secret: true,
        shown: 'none',
        meaning:
          'Headers sent with each export, as `key=value,key2=value2` (values URL-encoded), such as a hosted collector’s API key.',
      },
    ),
    OTEL_SERVICE_NAME: setting(text, 'asb-hub', {
      meaning:
        'The `service.name` the hub’s spans carry, to tell deployments apart in the tracing backend.',
    }),
    AUDIT: setting(oneOf('on', 'off'), 'on', {
      meaning:
        '`off` turns the audit of reads and writes off, for the benchmarks only; refused in production (the hub will not start) unless `BENCH_MODE=1`.',
    }),
    BENCH_MODE: setting(yesNo, false, {
      meaning:
        '`1` (or `true`): a benchmark run (`npm run bench`), not a deployment; allows the two switches that measure what the audit and the policy cost, and logs a warning at start-up.',
    }),
    BENCH_UNSAFE_NO_PERMISSIONS: setting(yesNo, false, {
      meaning:
        '`1` (or `true`) with `BENCH_MODE=1`: the sharing policy is not applied, every field is served to anyone signed in (benchmark comparison only); refused without `BENCH_MODE=1`.',
    }),
  },
};
