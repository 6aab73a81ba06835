import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sweepOverdueActions } from './actions/action-overdue';
import { aggregateExportRoutes } from './aggregates/aggregate-export.routes';
import { auditPlugin } from './audit/audit-plugin';
import { purposeFrom } from './audit/audit-trail';
import { TokenVerifier } from './auth/token-verifier';
import { sweepDueCaseReviewSteps } from './case-reviews/case-review-step-due';
import { every } from './common/periodic';
import { withSessionLock } from './db/locks';
import { deleteExpiredRejectedReports } from './imports/rejected-report-retention';
import type { HubConfig } from './config';
import { createContext, type HubContext } from './context';
import { documentRoutes } from './documents/document-routes';
import { ImportJobs } from './imports/import-jobs';
import { takeOverOrphanedImports } from './imports/import-takeover';
import { importRoutes } from './imports/import-routes';
import { PdfRenderer } from './documents/pdf-renderer';
import { databaseUnavailable, isDatabaseUnavailable } from './db/database-unavailable';
import { HubError } from './errors';
import { currentRequestId, log, setLogLevel } from './log';
import { NotificationDispatcher } from './notifications/notification-dispatcher';
import { NotificationFeed } from './notifications/notification-feed';
import { createErrorFormatter } from './http/format-error';
import { Admission } from './http/admission';
import { databaseUnavailablePlugin } from './http/database-unavailable.plugin';
import { answerHeaders, corsFor, serverOptions } from './http/http-defaults';
import { storableTextPlugin } from './http/storable-text';
import { graphqlHandler } from './http/graphql-handler';
import { idempotencyPlugin } from './http/idempotency.plugin';
import { graphqlLimits } from './http/graphql-limits';
import { answerErrorsBeforeGraphQL } from './http/pre-graphql-errors';
import { rateLimited } from './http/rate-limit';
import { RateLimiter } from './http/rate-limiter';
import { startSubscriptionServer } from './http/subscriptions';
import { buildHubSchema } from './schema';
import { subjectAccessRouter } from './subject-access/subject-access.http';
import { accessLog, accessLogPlugin, noteRequest } from './observability/access-log';
import { addMetricSources, metricsRoute } from './observability/metrics';
import { readinessRoute } from './observability/readiness';
import { startTracing } from './observability/tracing';
import { webAppRoutes } from './web/web-app-routes';

export interface Hub {
  url: string;
  server: http.Server;
  /** Live notification subscriptions held by this process. */
  liveSubscriptions(): number;
  /** Bulk imports running in the background of this process. */
  imports: ImportJobs;
  stop(): Promise<void>;
}

/**
 * Starts the hub's HTTP server: GraphQL over HTTP (Apollo) and over WebSocket (graphql-ws) at
 * /graphql, /healthz (liveness), /readyz (readiness) and /metrics (docs/operations.md). Each protection from the OWASP GraphQL cheat sheet is set here
 * explicitly, from configuration (README "Hardening").
 */
export async function startHub(config: HubConfig, orm: MikroORM, port = config.port): Promise<Hub> {
  const production = config.mode === 'production';
  setLogLevel(config.logLevel);
  // Refuses a local signing secret (the demo key) in production, however the config was made.
  const verifier = new TokenVerifier(config.trustedIssuers, config.auth, config.mode, {
    rules: config.provisioning,
    auditEnabled: config.auditEnabled,
  });
  const app = express();
  app.disable('x-powered-by');
  app.use(answerHeaders);
  // OpenTelemetry, when the operator switched it on: off, nothing of it is loaded or added.
  const tracing = config.tracing.enabled ? startTracing(config.tracing, orm) : undefined;
  if (tracing) app.use(tracing.httpSpans);
  const browserClients = corsFor(config.corsAllowedOrigins);
  if (browserClients) app.use(browserClients);
  // One access line per request, and its count and duration in /metrics.
  app.use(accessLog);
  const server = http.createServer(serverOptions(config.http), app);
  const schema = buildHubSchema({ permissions: config.permissionsEnabled });
  if (config.benchMode) {
    log.warn('BENCH_MODE: benchmark run, not a deployment', {
      permissions: config.permissionsEnabled ? 'on' : 'OFF: every field served to anyone',
      audit: config.auditEnabled ? 'on' : 'OFF',
    });
  }
  const feed = new NotificationFeed();
  const rateLimiter = new RateLimiter(config.limits.rateLimitPerMinute);
  const limits = graphqlLimits(config.limits, production);
  const formatError = createErrorFormatter({
    exposeLimits: !production,
    hideSuggestions: production,
  });

  const apollo = new ApolloServer<HubContext>({
    schema,
    // Set explicitly: Apollo would read an empty NODE_ENV as development.
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries off: Apollo turns them on by default, and the hub's clients send
    // whole documents (README "Hardening"). A persisted query is refused PERSISTED_QUERY_NOT_SUPPORTED.
    persistedQueries: false,
    // The hub owns its shutdown (src/main.ts): Apollo's own handler would stop only Apollo and then
    // re-raise the signal, killing the process before imports, sweeps and the pool are closed.
    stopOnTerminationSignals: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      // Nothing the hub answers may be cached, so Apollo's cache hints are not needed: its plugin
      // did work for every field resolved (thousands in an aggregate). /graphql says no-store itself.
      ApolloServerPluginCacheControlDisabled(),
      // Audit: each request's reads of personal data in one INSERT before the answer; fails closed.
      auditPlugin,
      // The operation's name for the access line and /metrics, once resolved from the document.
      accessLogPlugin,
      // Idempotency-Key on a mutation: a retry gets the first answer again. After auditPlugin, on
      // purpose: it stores an answer once the answer's audit is known.
      idempotencyPlugin,
      // Text PostgreSQL cannot store (NUL) is the client's error, refused before anything runs.
      storableTextPlugin,
      databaseUnavailablePlugin,
      ...limits.plugins,
      ...(tracing ? [tracing.apolloPlugin] : []),
    ],
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      res.status(200).json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  let stopping = false;
  app.get(
    '/readyz',
    readinessRoute(orm, () => stopping),
  );
  app.get('/metrics', metricsRoute(config.metricsToken));
  const admission = new Admission(
    config.limits.maxConcurrentRequests,
    config.limits.maxQueuedRequests,
  );
  const removeMetricSources = addMetricSources({ admission: () => admission.load, orm });

  // Subject access exports (JSON and HTML), data protection officer only (README "Data protection rights").
  app.use(subjectAccessRouter(orm, config, verifier));

  app.use(
    '/graphql',
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.setHeader('cache-control', 'no-store');
      next();
    },
    express.json({ limit: `${config.limits.requestBodyLimitKb}kb` }),
    graphqlHandler(apollo, {
      timeoutMs: config.limits.requestTimeoutMs,
      exposeLimits: !production,
      admission,
      traceOperation: tracing?.operation,
      context: async ({ req }) => {
        // Set by graphqlHandler for the whole request, so every log line of it carries the id.
        const requestId = currentRequestId()!;
        const em = orm.em.fork();
        let viewer;
        try {
          viewer = await verifier.verify(req.headers.authorization, em);
        } catch (error) {
          if (error instanceof HubError) {
            throw new HubError('UNAUTHENTICATED', error.message, { http: { status: 401 } });
          }
          if (isDatabaseUnavailable(error)) throw databaseUnavailable();
          throw error;
        }
        noteRequest(requestId, { userId: viewer.userId });
        const waitMs = rateLimiter.take(viewer.userId);
        if (waitMs > 0) {
          log.warn('rate limited', { requestId, userId: viewer.userId });
          throw rateLimited(waitMs);
        }
        // Audit: the purpose a client states for the request (src/audit/).
        const purpose = purposeFrom(req.headers['x-purpose']);
        return createContext({ requestId, viewer, em, config, feed, purpose });
      },
    }),
  );

  // The web app (web/, built by Vite) and what it needs to sign in.
  app.use('/app', webAppRoutes(config));

  // Documents (statements, letters) as HTML and PDF; one Chromium per hub process.
  const pdf = new PdfRenderer(config.chromiumPath);
  app.use('/documents', documentRoutes({ orm, config, verifier, rateLimiter, pdf }));

  // Aggregates as CSV for BI tools (README "Aggregates and exports"): analysts and BI only.
  app.use('/exports', aggregateExportRoutes({ orm, verifier, rateLimiter }));
  // Bulk import of incidents and partner records: uploads imported in the background of this process.
  const imports = new ImportJobs(orm);
  app.use('/imports', importRoutes({ orm, config, verifier, rateLimiter, jobs: imports }));

  const subscriptions = startSubscriptionServer({
    server,
    schema,
    orm,
    config,
    verifier,
    feed,
    rateLimiter,
    validationRules: limits.validationRules,
    maxTokens: config.limits.maxTokens,
    formatError,
  });

  // The outbox: published to live subscribers, and the overdue sweep that feeds it.
  // It also hears membership changes (a user deactivated), which close their subscriptions at once.
  const dispatcher = new NotificationDispatcher(orm, feed, config.notificationPollMs, (userId) =>
    subscriptions.recheckUser(userId),
  );
  await dispatcher.start();
  // Every process schedules the sweeps; one runs each at a time (a session advisory lock, tried
  // not waited for), and if that process dies the next tick anywhere runs it: they keep no state.
  const databaseUrl = String(orm.config.get('clientUrl'));
  const sweep = (name: string, ms: number, work: () => Promise<unknown>) =>
    every(name, ms, () => withSessionLock(databaseUrl, `asb-hub:${name}`, work, { wait: false }));
  const overdueSweep = sweep('overdue action sweep', config.actionOverdueSweepMs, () =>
    sweepOverdueActions(orm.em.fork()),
  );
  // ASB case review steps left undone past their deadline (CASE_REVIEW_STEP_DUE), likewise.
  const stepDueSweep = sweep('case review step due sweep', config.caseReviewSweepMs, () =>
    sweepDueCaseReviewSteps(orm.em.fork()),
  );

  // Rejected rows reports hold partners' rows as sent: deleted once past their retention.
  const reportRetention = sweep(
    'rejected rows report retention',
    config.imports.retentionSweepMs,
    () => deleteExpiredRejectedReports(orm.em.fork(), config.imports.rejectedReportRetentionDays),
  );

  // An upload's run left RUNNING by a process that stopped or died: finished here, after its
  // checkpoint (one process looks at a time; the run's own lock stops two from running it).
  const importTakeover = sweep('import takeover', config.imports.takeoverSweepMs, () =>
    takeOverOrphanedImports({ databaseUrl, config, jobs: imports }),
  );

  app.use(answerErrorsBeforeGraphQL);

  await new Promise<void>((resolve) => server.listen(port, config.host, resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${config.host}:${address.port}`;
  return {
    url,
    server,
    liveSubscriptions: () => feed.size,
    imports,
    // In this order: live subscriptions end (their sockets would hold the HTTP server open); the
    // server stops accepting and lets requests in flight finish (the drain plugin, within its
    // grace); background imports stop after their batch in flight and are left resumable (an
    // upload's, for another process to take over); then
    // the sweeps, the outbox dispatcher and the PDF printer. The caller closes the pool after.
    stop: async () => {
      stopping = true;
      removeMetricSources();
      await subscriptions.stop();
      await apollo.stop();
      await importTakeover.stop();
      await imports.stop();
      await overdueSweep.stop();
      await stepDueSweep.stop();
      await reportRetention.stop();
      await dispatcher.stop();
      await pdf.close();
      // Last, so that the requests drained above are among the spans it sends.
      await tracing?.shutdown();
    },
  };
}
