import { Client } from 'pg';
import { DEMO_IDS } from '../../src/demo/demo-data';
import { demoToken, postWith } from '../audit/audit-support';
import { CaseViewDocument, MeDocument } from '../generated/graphql';
import { makePartnerMember, PartnerKind } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';

/** The scraper's token; any text in a test, 32 characters or more in production. */
const TOKEN = 'metrics-token-for-the-test-scraper';

let hub: TestHub;
beforeAll(async () => {
  // A private database: one test refuses audit writes in it for a moment.
  hub = await startTestHub({ METRICS_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '3' }, { private: true });
});
afterAll(async () => {
  await hub?.close();
});

const scrape = async (target = hub, authorization = `Bearer ${TOKEN}`) => {
  const answer = await fetch(`${target.url}/metrics`, { headers: { authorization } });
  return {
    status: answer.status,
    type: answer.headers.get('content-type'),
    text: await answer.text(),
  };
};

/** A sample's value in Prometheus' text format, 0 when the series is not there yet. */
const sample = (text: string, series: string): number => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(series + ' '));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

describe('/metrics, for the operator\u2019s monitoring', () => {
  it('counts the GraphQL request just made under its operation name, with its latency', async () => {
    const member = await makePartnerMember(hub.em(), PartnerKind.COUNCIL);
    const before = (await scrape()).text;
    const response = await hub.request(MeDocument, { first: 5 }, member.token);
    expect(response.status).toBe(200);
    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain/);
    const requests = 'hub_requests_total{surface="graphql",operation="Me",status="200"}';
    expect(sample(text, requests)).toBe(sample(before, requests) + 1);
    const latency = 'hub_request_duration_seconds_count{surface="graphql",operation="Me"}';
    expect(sample(text, latency)).toBe(sample(before, latency) + 1);
    expect(text).toContain(
      'hub_request_duration_seconds_bucket{le="0.005",surface="graphql",operation="Me"}',
    );
  });

  it('reports the admission queue, the database pool, the outbox and the process', async () => {
    const { text } = await scrape();
    expect(text).toMatch(/^hub_admission_queue_length 0$/m);
    expect(text).toMatch(/^hub_admission_running \d+$/m);
    expect(text).toMatch(/^hub_db_pool_connections\{state="in_use"\} \d+$/m);
    expect(text).toMatch(/^hub_db_pool_connections\{state="idle"\} \d+$/m);
    expect(text).toMatch(/^hub_db_pool_connections\{state="waiting"\} 0$/m);
    expect(text).toMatch(/^hub_notification_outbox_pending \d+$/m);
    expect(text).toMatch(/^hub_notification_dispatch_lag_seconds [\d.e+-]+$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('counts a rate-limit refusal', async () => {
    const member = await makePartnerMember(hub.em(), PartnerKind.POLICE);
    const before = sample((await scrape()).text, 'hub_rate_limit_refusals_total');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await hub.request(MeDocument, { first: 1 }, member.token)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const { text } = await scrape();
    expect(sample(text, 'hub_rate_limit_refusals_total')).toBe(before + 1);
    // Refused before its document was read: counted, but under no client-chosen name.
    expect(
      sample(text, 'hub_requests_total{surface="graphql",operation="unresolved",status="429"}'),
    ).toBe(1);
  });

  it('counts an audit write that failed', async () => {
    const client = new Client({ connectionString: hub.orm.config.get('clientUrl') });
    await client.connect();
    try {
      await client.query(`create function refuse_audit_insert() returns trigger language plpgsql as $$
        begin raise exception 'audit storage unavailable (test)'; end $$`);
      await client.query(`create trigger refuse_audit_insert before insert on audit_entry
        for each statement execute function refuse_audit_insert()`);
      const before = sample((await scrape()).text, 'hub_audit_write_failures_total');
      const token = await demoToken('housing.williams');
      const answer = await postWith(
        hub,
        CaseViewDocument,
        { id: DEMO_IDS.cuckooingCase },
        { authorization: `Bearer ${token}` },
      );
      expect(answer.status).toBe(503);
      expect(sample((await scrape()).text, 'hub_audit_write_failures_total')).toBe(before + 1);
    } finally {
      await client.query('drop trigger if exists refuse_audit_insert on audit_entry');
      await client.end();
    }
  });

  it('answers only the bearer of the metrics token, and not at all when none is configured', async () => {
    expect((await scrape(hub, '')).status).toBe(401);
    expect((await scrape(hub, `Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(hub, TOKEN)).status).toBe(401);
    const unconfigured = await startTestHub();
    try {
      expect((await scrape(unconfigured)).status).toBe(404);
    } finally {
      await unconfigured.close();
    }
  });
});
