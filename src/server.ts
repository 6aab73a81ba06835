import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { WebSocketServer } from 'ws';
import { sweepOverdueActions } from './actions/action-overdue';
import { TokenVerifier } from './auth/token-verifier';
import type { Viewer } from './auth/viewer';
import { sweepDueCaseReviewSteps } from './case-reviews/case-review-step-due';
import { every } from './common/periodic';
import type { HubConfig } from './config';
import { createContext, type HubContext } from './context';
import { HubError } from './errors';
import { log } from './log';
import { isStillMember, ListenerAccess } from './notifications/listener-access';
import { NotificationDispatcher } from './notifications/notification-dispatcher';
import { NotificationFeed } from './notifications/notification-feed';
import { buildHubSchema } from './schema';

/** Apollo's own codes for requests it refused before execution: written for clients. */
const APOLLO_CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** An error the hub raised on purpose (a HubError, however deep) or Apollo's refusal of a request. */
function isForClients(formatted: GraphQLFormattedError, error: unknown): boolean {
  let cause: unknown = error;
  while (cause instanceof GraphQLError && cause.originalError && cause.originalError !== cause) {
    if (cause instanceof HubError) return true;
    cause = cause.originalError;
  }
  if (cause instanceof HubError) return true;
  // Refusals of the request itself (parse, validation, variable coercion) carry no path; an
  // error raised while executing a field does, and is only shown when the hub raised it.
  return !formatted.path && APOLLO_CLIENT_CODES.has(String(formatted.extensions?.code));
}

export interface Hub {
  url: string;
  server: http.Server;
  /** Live notification subscriptions held by this process. */
  liveSubscriptions(): number;
  stop(): Promise<void>;
}

/**
 * Never sends a client SQL, a stack trace or another partner's data: errors without one of the
 * hub's codes become a generic message with a request id to quote to support.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  if (isForClients(formatted, error)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log.error('unexpected error', { error: String((error as Error)?.stack ?? error) });
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

export async function startHub(config: HubConfig, orm: MikroORM, port = config.port): Promise<Hub> {
  const app = express();
  const server = http.createServer(app);
  const verifier = new TokenVerifier(config.trustedIssuers);
  const production = config.mode === 'production';
  const schema = buildHubSchema();
  const feed = new NotificationFeed();

  const apollo = new ApolloServer<HubContext>({
    schema,
    // Set explicitly: Apollo would read an empty NODE_ENV as development.
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
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

  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = randomUUID();
        const em = orm.em.fork();
        let viewer;
        try {
          viewer = await verifier.verify(req.headers.authorization, em);
        } catch (error) {
          if (error instanceof HubError) {
            throw new HubError('UNAUTHENTICATED', error.message, { http: { status: 401 } });
          }
          throw error;
        }
        return createContext({ requestId, viewer, em, config, feed });
      },
    }),
  );

  // Subscriptions: graphql-ws on the same server and path. The bearer token comes in the
  // connection's first message ({ authorization: 'Bearer ...' }); without a valid one the
  // connection is closed (4403) before any operation runs.
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const wsViewers = new WeakMap<object, Viewer>();
  // Who listens is checked again before each event: see ListenerAccess.
  const wsListeners = new WeakMap<object, ListenerAccess>();
  const wsCleanup = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          const viewer = await verifier.verify(
            typeof authorization === 'string' ? authorization : undefined,
            orm.em.fork(),
          );
          wsViewers.set(ctx, viewer);
          wsListeners.set(
            ctx,
            ListenerAccess.forToken(authorization as string, {
              viewer,
              recheckMs: config.subscriptionRecheckMs,
              stillMember: (who) => isStillMember(orm.em.fork(), who),
              close: (code, reason) => ctx.extra.socket.close(code, reason),
            }),
          );
          return true;
        } catch (error) {
          if (!(error instanceof HubError))
            log.error('subscription sign-in failed', { error: String(error) });
          return false;
        }
      },
      context: (ctx) =>
        createContext({
          requestId: randomUUID(),
          viewer: wsViewers.get(ctx)!,
          em: orm.em.fork(),
          config,
          feed: feed.forListener(wsListeners.get(ctx)),
        }),
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => formatError(error.toJSON(), error)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? {
              ...result,
              errors: result.errors.map((error) =>
                formatError(error instanceof GraphQLError ? error.toJSON() : error, error),
              ),
            }
          : undefined,
    },
    wsServer,
  );

  // The outbox: published to live subscribers, and the overdue sweep that feeds it.
  const dispatcher = new NotificationDispatcher(orm, feed, config.notificationPollMs);
  await dispatcher.start();
  const overdueSweep = every('overdue action sweep', config.actionOverdueSweepMs, () =>
    sweepOverdueActions(orm.em.fork()),
  );
  // ASB case review steps left undone past their deadline (CASE_REVIEW_STEP_DUE), likewise.
  const stepDueSweep = every('case review step due sweep', config.caseReviewSweepMs, () =>
    sweepDueCaseReviewSteps(orm.em.fork()),
  );

  // Errors raised before GraphQL (a body too large, malformed JSON) answer in GraphQL's shape:
  // Express's own handler would send an HTML page with a stack trace.
  app.use(
    (
      error: { status?: number; statusCode?: number },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = error.status ?? error.statusCode ?? 500;
      const [code, message] =
        status === 413
          ? ['PAYLOAD_TOO_LARGE', 'The request body is too large']
          : status < 500
            ? ['BAD_REQUEST', 'The request could not be read']
            : ['INTERNAL_SERVER_ERROR', 'Internal server error'];
      if (status >= 500) log.error('request failed before GraphQL', { error: String(error) });
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
    },
  );

  await new Promise<void>((resolve) => server.listen(port, config.host, resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${config.host}:${address.port}`;
  return {
    url,
    server,
    liveSubscriptions: () => feed.size,
    stop: async () => {
      await overdueSweep.stop();
      await stepDueSweep.stop();
      await dispatcher.stop();
      await wsCleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      await apollo.stop();
    },
  };
}
