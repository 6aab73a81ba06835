import type { ApolloServerPlugin, HTTPGraphQLResponse } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type * as OtelApi from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import type express from 'express';
import type { TracingConfig } from '../config';
import type { HubContext } from '../context';
import { errorFields, log } from '../log';
import { routeOf } from './access-log';
import { OtlpJsonExporter } from './otlp-json-exporter';
import { statementSummary } from './statement-summary';

/**
 * OpenTelemetry tracing, switched on by the operator (`OTEL_TRACING=on`; docs/operations.md
 * "Tracing"). Off, none of this is loaded: startHub adds no middleware, plugin or listener.
 *
 * Spans are made here by hand rather than by OpenTelemetry's auto-instrumentation, on purpose:
 * the HTTP instrumentation records the URL with its query (a GET /graphql carries its variables
 * there) and the pg instrumentation the statement's text; here each span carries only what this
 * file puts on it. It also needs no loading before other modules, and works the same under jest.
 *
 * - one SERVER span per HTTP request: `POST /graphql`, the route's pattern, the status;
 * - inside it, one span per GraphQL operation, named by the operation: its type, the user's id
 *   (the hub's users.id, never a name) and the first error's code;
 * - inside that, one CLIENT span per database statement: its kind and table, never its text or
 *   values. Statements outside a traced request (the sweeps, the dispatcher) are not traced.
 *
 * Never on a span: variables, the GraphQL document (it may hold literals), SQL text or values,
 * error messages (a database error may quote a value), the URL's query, headers.
 */
export interface Tracing {
  /** Express middleware: the request's SERVER span, in scope for everything the request does. */
  httpSpans: express.RequestHandler;
  /** Runs one GraphQL operation's execution inside its span (src/http/graphql-handler.ts). */
  operation(work: () => Promise<HTTPGraphQLResponse>): Promise<HTTPGraphQLResponse>;
  /** Names the operation's span once Apollo has read the document, and sets its outcome. */
  apolloPlugin: ApolloServerPlugin<HubContext>;
  /** Sends the spans still waiting (a flush), then stops; the hub's stop calls it last. */
  shutdown(): Promise<void>;
}

/** Loaded only when tracing is on, so a hub with tracing off holds no OpenTelemetry SDK. */
function loadSdk() {
  return {
    api: require('@opentelemetry/api') as typeof OtelApi,
    ...(require('@opentelemetry/context-async-hooks') as typeof import('@opentelemetry/context-async-hooks')),
    ...(require('@opentelemetry/core') as typeof import('@opentelemetry/core')),
    ...(require('@opentelemetry/otlp-transformer') as typeof import('@opentelemetry/otlp-transformer')),
    ...(require('@opentelemetry/resources') as typeof import('@opentelemetry/resources')),
    ...(require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base')),
  };
}

/** Statements awaiting their answer, traced at once; past it (a leak, never seen) none is. */
const MAX_OPEN_STATEMENTS = 10_000;

/** A failing collector must not fill the log: one warning a minute at most. */
const EXPORT_WARNING_EVERY_MS = 60_000;

interface KnexQuery {
  sql: string;
  __knexQueryUid: string;
}

export function startTracing(config: TracingConfig, orm: MikroORM): Tracing {
  const sdk = loadSdk();
  const { api } = sdk;
  // The one process-wide piece: which span is current follows async work (AsyncLocalStorage).
  // Registered once; a second hub in the same process (the tests) uses the one there.
  const contextManager = new sdk.AsyncLocalStorageContextManager();
  if (api.context.setGlobalContextManager(contextManager.enable())) {
    log.debug('tracing: context manager registered');
  } else {
    contextManager.disable();
  }
  let lastWarning = -Infinity;
  sdk.setGlobalErrorHandler((error) => {
    // A rate limit on warnings measures elapsed time, not the hub's date: performance.now() keeps
    // it off the one clock.
    const now = performance.now();
    if (now - lastWarning < EXPORT_WARNING_EVERY_MS) return;
    lastWarning = now;
    log.warn('tracing: spans could not be sent', errorFields(error));
  });

  const exporter = new OtlpJsonExporter(
    new URL(`${config.endpoint.replace(/\/+$/, '')}/v1/traces`),
    config.headers,
    {
      serialize: (spans) => sdk.JsonTraceSerializer.serializeRequest(spans),
      success: sdk.ExportResultCode.SUCCESS,
      failure: sdk.ExportResultCode.FAILED,
    },
  );
  // Spans leave in batches, off the request's path; past the queue's bound (2048) new ones are
  // dropped rather than held in memory while a collector is away.
  const provider = new sdk.BasicTracerProvider({
    resource: sdk.resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [new sdk.BatchSpanProcessor(exporter)],
  });
  // This hub's own tracer, not the global one: a second hub in one process keeps its own.
  const tracer = provider.getTracer('asb-hub');
  // A caller's W3C `traceparent` makes the hub's spans part of the caller's trace.
  const propagator = new sdk.W3CTraceContextPropagator();
  const OPERATION = api.createContextKey('asb-hub graphql operation');

  const httpSpans: express.RequestHandler = (req, res, next) => {
    const parent = propagator.extract(api.ROOT_CONTEXT, req.headers, api.defaultTextMapGetter);
    const span = tracer.startSpan(
      req.method,
      {
        kind: api.SpanKind.SERVER,
        attributes: {
          'http.request.method': req.method,
          'network.protocol.version': req.httpVersion,
        },
      },
      parent,
    );
    const active = api.trace.setSpan(parent, span);
    // Body parsing reads the request's stream in the socket's scope: bound, its listeners run in
    // the request's, so the GraphQL span below is a child of this one.
    api.context.bind(active, req);
    api.context.bind(active, res);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const route = routeOf(req);
      span.updateName(`${req.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
      if (res.statusCode >= 500) span.setStatus({ code: api.SpanStatusCode.ERROR });
      if (!res.writableFinished) span.setAttribute('hub.aborted', true);
      span.end();
    };
    res.on('finish', end);
    res.on('close', end);
    api.context.with(active, next);
  };

  const operation = (work: () => Promise<HTTPGraphQLResponse>) => {
    // Named `graphql` until Apollo has read the document (a request refused before that keeps it).
    const span = tracer.startSpan('graphql');
    const active = api.trace.setSpan(api.context.active(), span).setValue(OPERATION, span);
    return api.context.with(active, async () => {
      try {
        const answer = await work();
        span.setAttribute('http.response.status_code', answer.status ?? 200);
        // Refused before Apollo's plugins ran (the token, say): the code is only in the answer.
        if (!codes.has(span) && answer.body.kind === 'complete' && (answer.status ?? 200) >= 400) {
          setCode(span, firstCode(answer.body.string));
        }
        return answer;
      } catch (error) {
        // The class only: an error's message may quote a value.
        setCode(span, 'INTERNAL_SERVER_ERROR');
        throw error;
      } finally {
        span.end();
      }
    });
  };

  // The first error's code (BAD_USER_INPUT, FORBIDDEN, ...): a word of the hub's, never a message.
  const codes = new WeakSet<Span>();
  const setCode = (span: Span, code: unknown) => {
    if (typeof code !== 'string' || !/^[A-Z_]+$/.test(code)) return;
    codes.add(span);
    span.setAttribute('hub.error.code', code);
    span.setStatus({ code: api.SpanStatusCode.ERROR });
  };
  const current = () => api.context.active().getValue(OPERATION) as Span | undefined;
  const apolloPlugin: ApolloServerPlugin<HubContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation: document, operationName }) {
          const name = document?.name?.value ?? operationName ?? null;
          current()?.updateName(name ?? 'anonymous');
          current()?.setAttributes({
            ...(name ? { 'graphql.operation.name': name } : {}),
            ...(document ? { 'graphql.operation.type': document.operation } : {}),
          });
        },
        async willSendResponse({ response, contextValue }) {
          const span = current();
          if (!span) return;
          // Set once the context was made, that is once the token was accepted.
          const userId = (contextValue as Partial<HubContext>).viewer?.userId;
          if (userId) span.setAttribute('user.id', userId);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : [];
          setCode(span, errors?.[0]?.extensions?.code);
        },
      };
    },
  };

  // Database statements: knex tells of each one as it is sent and when it is answered.
  const tables = new Set(
    Object.values(orm.getMetadata().getAll())
      .map((meta) => meta.tableName)
      .filter(Boolean),
  );
  const knex = orm.em.getConnection().getKnex();
  const statements = new Map<string, Span>();
  const onQuery = (query: KnexQuery) => {
    // Only inside a request's span still open: work a request started in the background (an
    // import's batches) keeps its scope but not its span, and the sweeps have none.
    const parent = api.trace.getSpan(api.context.active());
    if (!parent?.isRecording() || statements.size >= MAX_OPEN_STATEMENTS) return;
    const { operation: kind, table } = statementSummary(query.sql, tables);
    const span = tracer.startSpan(table ? `${kind} ${table}` : kind, {
      kind: api.SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': kind,
        ...(table ? { 'db.collection.name': table } : {}),
      },
    });
    statements.set(query.__knexQueryUid, span);
  };
  const onAnswered = (query: KnexQuery | undefined, error?: unknown) => {
    const span = query && statements.get(query.__knexQueryUid);
    if (!span) return;
    statements.delete(query.__knexQueryUid);
    if (error) {
      // PostgreSQL's SQLSTATE (23505, 40P01, ...), never its message, which may quote a value.
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string') span.setAttribute('db.response.status_code', code);
      span.setStatus({ code: api.SpanStatusCode.ERROR });
    }
    span.end();
  };
  const onResponse = (_response: unknown, query: KnexQuery) => onAnswered(query);
  const onError = (error: unknown, query: KnexQuery) => onAnswered(query, error);
  knex.on('query', onQuery);
  knex.on('query-response', onResponse);
  knex.on('query-error', onError);

  log.info('tracing on', {
    // The origin only: a collector's URL may carry credentials.
    endpoint: new URL(config.endpoint).origin,
    serviceName: config.serviceName,
  });

  return {
    httpSpans,
    operation,
    apolloPlugin,
    async shutdown() {
      knex.removeListener('query', onQuery);
      knex.removeListener('query-response', onResponse);
      knex.removeListener('query-error', onError);
      for (const span of statements.values()) span.end();
      statements.clear();
      await provider.shutdown();
    },
  };
}

/** The first error's `extensions.code` in an answer's JSON, if it has one. */
function firstCode(body: string): unknown {
  try {
    return (JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]
      ?.extensions?.code;
  } catch {
    return undefined;
  }
}
