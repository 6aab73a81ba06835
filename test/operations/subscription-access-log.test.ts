import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { bearer, waitFor } from '../notifications/notification-helpers';
import { makePartnerMember, PartnerKind, unique, type Member } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';

/** The scraper's token; any text in a test. */
const TOKEN = 'metrics-token-for-the-subscription-test';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ METRICS_TOKEN: TOKEN });
});
afterAll(async () => {
  await hub?.close();
});

const NAMED = `subscription HeardOnTheDesk {
  notificationAdded { id kind }
}`;

/** The subscription's access lines written since `from`, parsed. */
const subscriptionLines = (target: TestHub, from: number) =>
  target.logs.lines
    .slice(from)
    .map((line) => JSON.parse(line))
    .filter((line) => line.message === 'subscription');

/** A sample's value in Prometheus' text format, 0 when the series is not there yet. */
async function sample(series: string): Promise<number> {
  const answer = await fetch(`${hub.url}/metrics`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const line = (await answer.text())
    .split('\n')
    .find((candidate) => candidate.startsWith(series + ' '));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/**
 * A front end's connection, subscribed to `query` with variables holding a person's name (which
 * the hub must not log: recorded for the hub's own search of its lines at close). The operation
 * declares none, and GraphQL ignores them, but they reach the hub all the same.
 */
function connect(target: TestHub, member: Member, query = NAMED) {
  const variables = { note: unique('Gwenllian Rhys-Evans at 3 Maes y Llan') };
  target.logs.record(variables);
  const client: Client = createClient({
    url: `${target.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: bearer(member.token),
    retryAttempts: 0,
    // Kept open when its last subscription ends, so that ending one is not closing the connection.
    lazy: false,
  });
  const errors: unknown[] = [];
  let completed = false;
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: () => undefined,
      error: (error) => {
        errors.push(error);
      },
      complete: () => {
        completed = true;
      },
    },
  );
  return { client, unsubscribe, errors, variables, completed: () => completed };
}

describe('the access log and metrics of subscriptions (graphql-ws)', () => {
  it('writes a line when a subscription starts and when the client ends it: name, type, user id, duration; no variables', async () => {
    const member = await makePartnerMember(hub.em(), PartnerKind.COUNCIL);
    const series = {
      accepted: 'hub_subscription_operations_total{operation="HeardOnTheDesk",outcome="accepted"}',
      ended: 'hub_subscription_duration_seconds_count{operation="HeardOnTheDesk"}',
    };
    const before = { accepted: await sample(series.accepted), ended: await sample(series.ended) };
    const from = hub.logs.lines.length;
    const live = hub.liveSubscriptions();
    const connection = connect(hub, member);
    try {
      await waitFor(() => hub.liveSubscriptions() > live);
      const [started] = subscriptionLines(hub, from);
      expect(started).toMatchObject({
        level: 'info',
        event: 'started',
        surface: 'subscription',
        operation: 'HeardOnTheDesk',
        operationType: 'subscription',
        userId: member.user.id,
      });
      expect(started.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await sample(series.accepted)).toBe(before.accepted + 1);

      // The client's `complete`: ended while the connection stays open, so no close code.
      connection.unsubscribe();
      await waitFor(() => subscriptionLines(hub, from).length === 2);
      const ended = subscriptionLines(hub, from)[1];
      expect(ended).toMatchObject({
        event: 'ended',
        surface: 'subscription',
        operation: 'HeardOnTheDesk',
        userId: member.user.id,
        requestId: started.requestId,
      });
      expect(typeof ended.durationMs).toBe('number');
      expect(ended.closeCode).toBeUndefined();
      expect(await sample(series.ended)).toBe(before.ended + 1);

      const text = JSON.stringify(subscriptionLines(hub, from));
      expect(text).not.toContain('Gwenllian');
      expect(text).not.toContain('variables');
      expect(text).not.toContain('notificationAdded');
    } finally {
      await connection.client.dispose();
    }
  });

  it('ends a subscription with the close code of the connection that carried it', async () => {
    const member = await makePartnerMember(hub.em(), PartnerKind.POLICE);
    const from = hub.logs.lines.length;
    const live = hub.liveSubscriptions();
    const connection = connect(hub, member);
    await waitFor(() => hub.liveSubscriptions() > live);
    // The connection closes with the subscription still open: graphql-ws's client says 1000.
    await connection.client.dispose();
    await waitFor(() => subscriptionLines(hub, from).some((line) => line.event === 'ended'));
    expect(subscriptionLines(hub, from)).toMatchObject([
      { event: 'started', operation: 'HeardOnTheDesk', userId: member.user.id },
      { event: 'ended', operation: 'HeardOnTheDesk', userId: member.user.id, closeCode: 1000 },
    ]);
  });

  it('writes a line for a refused operation, with its code, and counts it', async () => {
    const member = await makePartnerMember(hub.em(), PartnerKind.HOUSING);
    const refused = 'hub_subscription_operations_total{operation="NoSuchField",outcome="refused"}';
    const before = await sample(refused);
    const from = hub.logs.lines.length;
    const connection = connect(hub, member, 'subscription NoSuchField { notAField }');
    try {
      await waitFor(() => connection.errors.length > 0);
      expect(subscriptionLines(hub, from)).toMatchObject([
        {
          event: 'refused',
          surface: 'subscription',
          operation: 'NoSuchField',
          operationType: 'subscription',
          userId: member.user.id,
          code: 'GRAPHQL_VALIDATION_FAILED',
        },
      ]);
      expect(await sample(refused)).toBe(before + 1);
    } finally {
      await connection.client.dispose();
    }
  });

  it('ends the subscriptions still open when the hub stops, with the going-away close code', async () => {
    const stopping = await startTestHub();
    const member = await makePartnerMember(stopping.em(), PartnerKind.COUNCIL);
    const connection = connect(stopping, member);
    let lines;
    try {
      await waitFor(() => stopping.liveSubscriptions() > 0);
    } finally {
      await stopping.close();
      lines = subscriptionLines(stopping, 0);
      await connection.client.dispose();
    }
    expect(lines).toMatchObject([
      { event: 'started', operation: 'HeardOnTheDesk' },
      { event: 'ended', operation: 'HeardOnTheDesk', closeCode: 1001 },
    ]);
  });
});
