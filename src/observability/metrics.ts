import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { clock } from '../common/clock';
import { errorFields, log } from '../log';

/**
 * The hub's metrics in Prometheus' text format (GET /metrics; docs/operations.md "Metrics"). They
 * hold counts, durations and operation names, never a value from a request or a record. One
 * registry per process: a deployment runs one hub per process, and each reports its own.
 */
export const registry = new Registry();

/** Operation names are the client's to choose: past this many, a new one is counted as `other`. */
const MAX_OPERATION_LABELS = 200;
const operationLabels = new Set<string>();

/** The label for an operation's name, bounded so that no client can grow the series without end. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (operationLabels.has(name)) return name;
  if (operationLabels.size >= MAX_OPERATION_LABELS) return 'other';
  operationLabels.add(name);
  return name;
}

export const requestsTotal = new Counter({
  name: 'hub_requests_total',
  help: 'Requests answered, by surface (graphql, documents, exports, ...), operation and HTTP status',
  labelNames: ['surface', 'operation', 'status'] as const,
  registers: [registry],
});

export const requestDuration = new Histogram({
  name: 'hub_request_duration_seconds',
  help: 'Time from a request arriving to its answer being sent, by surface and operation',
  labelNames: ['surface', 'operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

/** Subscription operations over graphql-ws (src/observability/subscription-log.ts). */
export const subscriptionOperations = new Counter({
  name: 'hub_subscription_operations_total',
  help: 'Operations over graphql-ws answered, by operation and outcome (accepted, refused)',
  labelNames: ['operation', 'outcome'] as const,
  registers: [registry],
});

export const subscriptionDuration = new Histogram({
  name: 'hub_subscription_duration_seconds',
  help: 'How long an accepted operation over graphql-ws stayed open, by operation (observed at its end)',
  labelNames: ['operation'] as const,
  // A subscription lives for minutes or hours, not milliseconds.
  buckets: [1, 10, 60, 300, 900, 3600, 4 * 3600, 12 * 3600, 24 * 3600],
  registers: [registry],
});

export const rateLimitRefusals = new Counter({
  name: 'hub_rate_limit_refusals_total',
  help: 'Requests and subscription operations refused RATE_LIMITED (src/http/rate-limiter.ts)',
  registers: [registry],
});

export const auditWriteFailures = new Counter({
  name: 'hub_audit_write_failures_total',
  help: 'Audit entries that could not be written (the request was refused AUDIT_UNAVAILABLE)',
  registers: [registry],
});

/** What a running hub lets the scrape read; set by startHub, cleared when it stops. */
export interface MetricSources {
  admission: () => { running: number; waiting: number };
  orm: MikroORM;
}
const sources = new Set<MetricSources>();

/** Registers a hub's sources for the gauges below; returns their removal. */
export function addMetricSources(source: MetricSources): () => void {
  sources.add(source);
  return () => sources.delete(source);
}

const sum = (read: (source: MetricSources) => number) =>
  [...sources].reduce((total, source) => total + read(source), 0);

new Gauge({
  name: 'hub_admission_running',
  help: 'GraphQL operations executing now (src/http/admission.ts, MAX_CONCURRENT_REQUESTS)',
  registers: [registry],
  collect() {
    this.set(sum((source) => source.admission().running));
  },
});

new Gauge({
  name: 'hub_admission_queue_length',
  help: 'GraphQL operations waiting for their turn (MAX_QUEUED_REQUESTS; past it, SERVER_BUSY)',
  registers: [registry],
  collect() {
    this.set(sum((source) => source.admission().waiting));
  },
});

/** The pool's counts (knex's tarn pool under MikroORM); zero when the driver keeps none. */
function pool(orm: MikroORM) {
  const tarn = (
    orm.em.getConnection().getKnex() as unknown as {
      client?: {
        pool?: {
          numUsed(): number;
          numFree(): number;
          numPendingAcquires(): number;
          max?: number;
        };
      };
    }
  ).client?.pool;
  return {
    in_use: tarn?.numUsed() ?? 0,
    idle: tarn?.numFree() ?? 0,
    waiting: tarn?.numPendingAcquires() ?? 0,
  };
}

new Gauge({
  name: 'hub_db_pool_connections',
  help: 'Database pool connections: in_use, idle, and waiting (requests waiting for a connection)',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    for (const state of ['in_use', 'idle', 'waiting'] as const) {
      this.set(
        { state },
        sum((source) => pool(source.orm)[state]),
      );
    }
  },
});

/**
 * The outbox as the database has it: events committed and not yet published to subscribers, and
 * the age of the oldest (the dispatcher's lag; 0 when none waits). Read at each scrape, so a
 * dispatcher that has stopped shows as a growing age, not as a stale last value.
 */
async function outbox(orm: MikroORM): Promise<{ pending: number; oldestSeconds: number }> {
  const [row] = await orm.em
    .fork()
    .getConnection()
    .execute<
      { pending: string; oldest: Date | string | null }[]
    >('select count(*) as pending, min(occurred_at) as oldest from hub_event where published_at is null');
  const oldest = row?.oldest ? new Date(row.oldest).getTime() : undefined;
  return {
    pending: Number(row?.pending ?? 0),
    oldestSeconds: oldest === undefined ? 0 : Math.max(0, (clock.now().getTime() - oldest) / 1000),
  };
}

const outboxPending = new Gauge({
  name: 'hub_notification_outbox_pending',
  help: 'Notification events committed and not yet published by the dispatcher',
  registers: [registry],
});
new Gauge({
  name: 'hub_notification_dispatch_lag_seconds',
  help: 'Age of the oldest notification event not yet published (0 when none waits)',
  registers: [registry],
  async collect() {
    const [source] = sources;
    if (!source) return;
    try {
      const { pending, oldestSeconds } = await outbox(source.orm);
      this.set(oldestSeconds);
      outboxPending.set(pending);
    } catch (error) {
      // The scrape still answers; the database's own state shows on /readyz.
      log.warn('metrics: outbox not readable', errorFields(error));
    }
  },
});

let defaultsCollected = false;

/**
 * GET /metrics, for a scraper holding `token` (`Authorization: Bearer <METRICS_TOKEN>`). Without a
 * token configured the hub serves no metrics (404): they say how busy each operation is and when,
 * which is for the operator's monitoring, not for anyone who can reach the hub.
 */
export function metricsRoute(token: string | undefined): express.RequestHandler {
  if (token && !defaultsCollected) {
    collectDefaultMetrics({ register: registry });
    defaultsCollected = true;
  }
  const expected = Buffer.from(`Bearer ${token ?? ''}`);
  return async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (!token) {
      res
        .status(404)
        .json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.setHeader('www-authenticate', 'Bearer');
      res.status(401).json({
        errors: [
          { message: 'The metrics token is required', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      });
      return;
    }
    res.setHeader('content-type', registry.contentType);
    res.send(await registry.metrics());
  };
}
