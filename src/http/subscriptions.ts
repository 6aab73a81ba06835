import type { MikroORM } from '@mikro-orm/postgresql';
import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocket, WebSocketServer } from 'ws';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Viewer } from '../auth/viewer';
import type { HubConfig } from '../config';
import { auditSubscriptionEvent } from '../audit/audit-plugin';
import { createContext, type HubContext } from '../context';
import { HubError } from '../errors';
import { errorFields, log } from '../log';
import { isStillMember, ListenerAccess } from '../notifications/listener-access';
import type { NotificationFeed } from '../notifications/notification-feed';
import { SubscriptionLog } from '../observability/subscription-log';
import type { RateLimiter } from './rate-limiter';
import { rateLimited } from './rate-limit';

/** A refusal of the operation itself, with the code Apollo would give it over HTTP. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    // Kept whole, so formatError still finds a HubError behind it (a limit refused).
    originalError: error,
    extensions: { ...error.extensions, code },
  });
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Subscriptions: graphql-ws on the same server and path. The bearer token comes in the
 * connection's first message ({ authorization: 'Bearer ...' }); without a valid one the
 * connection is closed (4403) before any operation runs. Operations get the same limits as HTTP
 * (tokens, depth, cost, aliases, directives; no introspection in production) and spend from the
 * same per-user rate limit, since graphql-ws does not pass through Apollo.
 */
export function startSubscriptionServer(input: {
  server: http.Server;
  schema: GraphQLSchema;
  orm: MikroORM;
  config: HubConfig;
  verifier: TokenVerifier;
  feed: NotificationFeed;
  rateLimiter: RateLimiter;
  validationRules: ValidationRule[];
  maxTokens: number;
  formatError: FormatError;
}) {
  const { server, schema, orm, config, verifier, feed, rateLimiter, formatError } = input;
  const production = config.mode === 'production';
  const rules = [
    ...specifiedRules,
    ...input.validationRules,
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const viewers = new WeakMap<object, Viewer>();
  // Who listens is checked again before each event: see ListenerAccess.
  const listeners = new WeakMap<object, ListenerAccess>();
  // The open connections of each user, so a change to their membership reaches them at once.
  const byUser = new Map<string, Set<ListenerAccess>>();
  // Their access lines and counts, as HTTP requests have (graphql-ws does not pass through Express).
  const access = new SubscriptionLog();
  const forget = (listener: ListenerAccess | undefined) => {
    if (!listener) return;
    const open = byUser.get(listener.viewer.userId);
    open?.delete(listener);
    if (open?.size === 0) byUser.delete(listener.viewer.userId);
  };
  const cleanup = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          const viewer = await verifier.verify(
            typeof authorization === 'string' ? authorization : undefined,
            orm.em.fork(),
          );
          viewers.set(ctx, viewer);
          const listener = ListenerAccess.forToken(authorization as string, {
            viewer,
            recheckMs: config.subscriptionRecheckMs,
            clockToleranceSeconds: config.auth.clockToleranceSeconds,
            stillMember: (who) => isStillMember(orm.em.fork(), who),
            close: (code, reason) => ctx.extra.socket.close(code, reason),
          });
          listeners.set(ctx, listener);
          if (!byUser.has(viewer.userId)) byUser.set(viewer.userId, new Set());
          byUser.get(viewer.userId)!.add(listener);
          return true;
        } catch (error) {
          if (!(error instanceof HubError))
            log.error('subscription sign-in failed', errorFields(error));
          return false;
        }
      },
      // Parsed and validated here rather than by graphql-ws, so the refusals carry Apollo's codes
      // (and reach the client as such through formatError) and the token limit applies.
      onSubscribe: (ctx, id, payload) => {
        const userId = viewers.get(ctx)!.userId;
        const waitMs = rateLimiter.take(userId);
        if (waitMs > 0) {
          access.refused({ operation: null, userId, code: 'RATE_LIMITED' });
          return [rateLimited(waitMs)];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: input.maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError) {
            access.refused({ operation: null, userId, code: 'GRAPHQL_PARSE_FAILED' });
            return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
          }
          throw error;
        }
        const operationAST = getOperationAST(document, payload.operationName);
        const facts = {
          operation: operationAST?.name?.value ?? payload.operationName ?? null,
          operationType: operationAST?.operation,
          userId,
        };
        const errors = validate(schema, document, rules);
        if (errors.length) {
          access.refused({ ...facts, code: 'GRAPHQL_VALIDATION_FAILED' });
          return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        }
        // graphql-ws refuses it itself ("Unable to identify operation") and never completes it.
        if (!operationAST) access.refused({ ...facts, code: 'OPERATION_RESOLUTION_FAILURE' });
        else access.started(ctx, id, facts);
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
        };
      },
      context: (ctx, id) =>
        createContext({
          // The access lines' id, so that its audit entries and its log lines meet.
          requestId: access.requestIdOf(ctx, id) ?? randomUUID(),
          viewer: viewers.get(ctx)!,
          em: orm.em.fork(),
          config,
          feed: feed.forListener(listeners.get(ctx)),
        }),
      onClose: (ctx, code) => {
        access.closed(ctx, code);
        forget(listeners.get(ctx));
      },
      // While the connection stays open; one closing ends its operations in onClose, with the code.
      onComplete: (ctx, id) =>
        access.completed(ctx, id, ctx.extra.socket.readyState === WebSocket.OPEN),
      onError: (ctx, id, _payload, errors) => {
        const formatted = errors.map((error) => formatError(error.toJSON(), error));
        access.noteError(ctx, id, formatted[0]?.extensions?.code);
        return formatted;
      },
      onNext: async (ctx, id, _payload, args, original) => {
        // Audit: each event's reads are written before it is sent; fails closed.
        const result = await auditSubscriptionEvent(args.contextValue as HubContext, original);
        if (!result.errors) return undefined;
        const errors = result.errors.map((error) =>
          formatError(error instanceof GraphQLError ? error.toJSON() : error, error),
        );
        access.noteError(ctx, id, errors[0]?.extensions?.code);
        return { ...result, errors };
      },
    },
    wsServer,
  );
  return {
    /** A user's membership changed: each of their connections checks it now, closing if refused. */
    async recheckUser(userId: string) {
      await Promise.all([...(byUser.get(userId) ?? [])].map((listener) => listener.recheckNow()));
    },
    async stop() {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
