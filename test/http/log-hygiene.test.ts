import { Client } from 'pg';
import { OpenCaseDocument } from '../generated/graphql';
import { makePartnerMember, PartnerKind, unique } from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';

/**
 * Each kind of failure provoked with a value a person would write, and the log searched for it.
 * A private database whose case table refuses, with PostgreSQL quoting the title in its error, as
 * a constraint's detail quotes the row: the real shape of the error that once put the whole
 * statement and the victim's name in the log.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({}, { private: true });
  const client = new Client({ connectionString: hub.orm.config.get('clientUrl') });
  await client.connect();
  try {
    await client.query(`create function refuse_marked_case() returns trigger language plpgsql as $$
      begin
        if new.title like '%(refuse)%' then
          raise exception 'case refused: %', new.title using detail = 'row: ' || new.title;
        end if;
        return new;
      end $$`);
    await client.query(`create trigger refuse_marked_case before insert on asb_case
      for each row execute function refuse_marked_case()`);
  } finally {
    await client.end();
  }
});
afterAll(async () => {
  await hub?.close();
});

const caseCount = async () =>
  Number((await hub.em().execute<{ n: string }[]>('select count(*) as n from asb_case'))[0].n);

const logged = (value: string) => hub.logs.lines.filter((line) => line.includes(value));

describe('the logs hold no SQL values, variables or personal data', () => {
  it('an unexpected database error is logged by its class and SQLSTATE, not its statement or values', async () => {
    const council = await makePartnerMember(hub.em(), PartnerKind.COUNCIL);
    const title = unique('Seren Jenkins, 4 Heol y Bryn (refuse)');
    const before = await caseCount();
    const linesBefore = hub.logs.lines.length;
    const response = await hub.request(
      OpenCaseDocument,
      { input: { title, centredOn: 'VICTIM', riskLevel: 'HIGH', partnerIds: [] } },
      council.token,
    );
    expect(codes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(response.errors)).not.toContain('Seren');
    expect(await caseCount()).toBe(before);
    const lines = hub.logs.lines.slice(linesBefore);
    // It is logged, so an operator knows something failed, and where.
    expect(lines.some((line) => line.includes('"P0001"'))).toBe(true);
    expect(logged('Seren')).toEqual([]);
    expect(lines.some((line) => /insert into/i.test(line))).toBe(false);
  });

  it('text PostgreSQL cannot store is refused as BAD_USER_INPUT before the database, and not logged', async () => {
    const council = await makePartnerMember(hub.em(), PartnerKind.COUNCIL);
    const title = unique('Gareth Price\u0000 at the flat');
    const before = await caseCount();
    const response = await hub.request(
      OpenCaseDocument,
      { input: { title, centredOn: 'VICTIM', riskLevel: 'HIGH', partnerIds: [] } },
      council.token,
    );
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await caseCount()).toBe(before);
    expect(logged('Gareth Price')).toEqual([]);
  });

  it('a refused token and a malformed body leave nothing of what was sent in the log', async () => {
    const secret = 'Bethan Thomas care coordinator';
    const badToken = await hub.post(
      { query: '{ me { username } }', variables: { note: secret } },
      { authorization: `Bearer ${Buffer.from(secret).toString('base64')}` },
    );
    expect(badToken.status).toBe(401);
    const malformed = await hub.post(`{"query": "{ me { username } }", "variables": "${secret}`);
    expect(malformed.status).toBe(400);
    expect(logged('Bethan')).toEqual([]);
    expect(logged(Buffer.from(secret).toString('base64'))).toEqual([]);
  });
});

describe('defaults the hub sets itself', () => {
  it('sends no X-Powered-By, and nosniff, no-referrer and a Content-Security-Policy on every answer', async () => {
    for (const path of ['/healthz', '/graphql', '/no-such-page']) {
      const answer = await fetch(`${hub.url}${path}`);
      expect(answer.headers.get('x-powered-by')).toBeNull();
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    }
  });

  it('refuses an automatic persisted query as the client\u2019s error, not the hub\u2019s', async () => {
    const answer = await hub.post({
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'not-the-hash' } },
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('sets the HTTP server\u2019s header, request and keep-alive timeouts from configuration', async () => {
    const timed = await startTestHub({
      HTTP_HEADERS_TIMEOUT_MS: '4000',
      HTTP_REQUEST_TIMEOUT_MS: '9000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '2000',
    });
    try {
      expect(timed.server.headersTimeout).toBe(4000);
      expect(timed.server.requestTimeout).toBe(9000);
      expect(timed.server.keepAliveTimeout).toBe(2000);
    } finally {
      await timed.close();
    }
  });
});
