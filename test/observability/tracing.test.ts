import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { OpenCaseDocument } from '../generated/graphql';
import { makePartnerMember, PartnerKind, unique } from '../support/factories';
import { startTestHub } from '../support/hub';

/** One span as OTLP/HTTP's JSON protocol sends it, with its attributes made plain. */
interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  status?: { code?: number };
  attributes: Record<string, unknown>;
}

/** OTLP's span kinds and status codes, as numbers in its JSON. */
const SERVER = 2;
const CLIENT = 3;
const STATUS_ERROR = 2;

/**
 * A collector for the test: accepts POST /v1/traces (OTLP/HTTP, JSON) on a loopback port and
 * keeps every body as it came, so the test can search the whole of what left the hub.
 */
async function startCollector() {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      if (req.method === 'POST' && req.url === '/v1/traces') {
        bodies.push(body.toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bodies,
    spans(): ReceivedSpan[] {
      return bodies.flatMap((body) =>
        (JSON.parse(body).resourceSpans ?? []).flatMap((resource: any) =>
          (resource.scopeSpans ?? []).flatMap((scope: any) =>
            (scope.spans ?? []).map((span: any) => ({
              ...span,
              attributes: Object.fromEntries(
                (span.attributes ?? []).map((attribute: any) => [
                  attribute.key,
                  Object.values(attribute.value ?? {})[0],
                ]),
              ),
            })),
          ),
        ),
      );
    },
    serviceNames(): unknown[] {
      return bodies.flatMap((body) =>
        (JSON.parse(body).resourceSpans ?? []).map(
          (resource: any) =>
            resource.resource.attributes.find((a: any) => a.key === 'service.name')?.value
              .stringValue,
        ),
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Collector = Awaited<ReturnType<typeof startCollector>>;
let collector: Collector;
beforeEach(async () => {
  collector = await startCollector();
});
afterEach(async () => {
  await collector.close();
});

/** Text that looks like a SQL statement: no span may carry one, with or without its values. */
const SQL = /\b(select\b[\s\S]*\bfrom|insert\s+into|update\b[\s\S]*\bset|delete\s+from)\b/i;

describe('OpenTelemetry tracing (OTEL_TRACING=on)', () => {
  it('sends, on shutdown at the latest, HTTP, GraphQL operation and database spans that carry no variables, SQL or personal data', async () => {
    const hub = await startTestHub({
      OTEL_TRACING: 'on',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      OTEL_SERVICE_NAME: 'asb-hub-tracing-test',
    });
    const member = await makePartnerMember(hub.em(), PartnerKind.COUNCIL);
    const title = unique('Ceridwen Pritchard of 4 Heol y Nant');
    let opened;
    let refused;
    try {
      opened = await hub.request(
        OpenCaseDocument,
        { input: { title, centredOn: 'VICTIM', riskLevel: 'HIGH', partnerIds: [] } },
        member.token,
      );
      // Without a token: the operation's span says UNAUTHENTICATED, and nothing else about it.
      refused = await hub.request(OpenCaseDocument, {
        input: { title: `${title} again`, centredOn: 'VICTIM', riskLevel: 'HIGH', partnerIds: [] },
      });
    } finally {
      // The batch would leave in 5 s; the hub's stop sends it now.
      await hub.close();
    }
    expect(opened.errors).toBeUndefined();
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const spans = collector.spans();
    expect(collector.serviceNames()).toContain('asb-hub-tracing-test');
    const operations = spans.filter((span) => span.name === 'OpenCase');
    expect(operations).toHaveLength(1);
    const [done] = operations;
    expect(done.attributes).toEqual({
      'graphql.operation.name': 'OpenCase',
      'graphql.operation.type': 'mutation',
      'user.id': member.user.id,
      'http.response.status_code': 200,
    });
    expect(done.status?.code ?? 0).not.toBe(STATUS_ERROR);
    // Refused before its document was read: the operation's span keeps the name `graphql`.
    const denied = spans.filter((span) => span.name === 'graphql');
    expect(denied).toHaveLength(1);
    expect(denied[0].attributes).toEqual({
      'hub.error.code': 'UNAUTHENTICATED',
      'http.response.status_code': 401,
    });
    expect(denied[0].status?.code).toBe(STATUS_ERROR);

    // The operation sits in its HTTP request's SERVER span, named by the route.
    const request = spans.find((span) => span.spanId === done.parentSpanId);
    expect(request).toMatchObject({
      name: 'POST /graphql',
      kind: SERVER,
      traceId: done.traceId,
      attributes: {
        'http.request.method': 'POST',
        'http.route': '/graphql',
        'http.response.status_code': 200,
      },
    });

    // Its statements are its children: the kind and the table, never the text.
    const statements = spans.filter((span) => span.parentSpanId === done.spanId);
    expect(statements.length).toBeGreaterThan(1);
    for (const statement of statements) {
      expect(statement.kind).toBe(CLIENT);
      expect(Object.keys(statement.attributes).sort()).toEqual(
        expect.arrayContaining(['db.operation.name', 'db.system.name']),
      );
      expect(Object.keys(statement.attributes)).not.toContain('db.query.text');
      expect(Object.keys(statement.attributes)).not.toContain('db.statement');
    }
    expect(statements.map((statement) => statement.name)).toContain('INSERT asb_case');

    // Nothing sent to the hub as a value, and no SQL, anywhere in what left it.
    const everything = collector.bodies.join('\n');
    expect(hub.logs.sent.size).toBeGreaterThan(0);
    for (const value of [title, ...hub.logs.sent]) expect(everything).not.toContain(value);
    expect(everything).not.toContain('Ceridwen');
    for (const span of spans) {
      for (const value of Object.values(span.attributes)) {
        expect(String(value)).not.toMatch(SQL);
      }
      expect(span.name).not.toMatch(SQL);
    }
  });

  it('joins the caller\u2019s trace when the request carries a W3C traceparent', async () => {
    const hub = await startTestHub({
      OTEL_TRACING: 'on',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
    });
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    try {
      const member = await makePartnerMember(hub.em(), PartnerKind.HOUSING);
      const answer = await hub.post(
        { query: 'query Typename { __typename }' },
        {
          authorization: `Bearer ${member.token}`,
          traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
        },
      );
      expect(answer.status).toBe(200);
    } finally {
      await hub.close();
    }
    const operation = collector.spans().find((span) => span.name === 'Typename');
    expect(operation).toMatchObject({ traceId, attributes: { 'graphql.operation.type': 'query' } });
  });
});

describe('OpenTelemetry tracing off (the default)', () => {
  it('sends nothing, even with a collector configured', async () => {
    const hub = await startTestHub({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint });
    try {
      expect(hub.config.tracing.enabled).toBe(false);
      const member = await makePartnerMember(hub.em(), PartnerKind.POLICE);
      const opened = await hub.request(
        OpenCaseDocument,
        {
          input: {
            title: unique('Tracing off case'),
            centredOn: 'VICTIM',
            riskLevel: 'STANDARD',
            partnerIds: [],
          },
        },
        member.token,
      );
      expect(opened.errors).toBeUndefined();
    } finally {
      await hub.close();
    }
    expect(collector.bodies).toEqual([]);
  });
});
