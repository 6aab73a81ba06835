import { setLogLevel } from '../../src/log';
import { OpenCaseDocument } from '../generated/graphql';
import { makePartnerMember, PartnerKind, unique } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
  setLogLevel('info');
});

const accessLines = (from: number) =>
  hub.logs.lines
    .slice(from)
    .map((line) => JSON.parse(line))
    .filter((line) => line.message === 'request');

describe('the access log', () => {
  it('writes one line per GraphQL request: operation, status, duration, user id, request id, no variables', async () => {
    const member = await makePartnerMember(hub.em(), PartnerKind.COUNCIL);
    const title = unique('Rhys Morgan at 12 Stryd Fawr');
    const from = hub.logs.lines.length;
    const response = await hub.request(
      OpenCaseDocument,
      { input: { title, centredOn: 'VICTIM', riskLevel: 'HIGH', partnerIds: [] } },
      member.token,
    );
    expect(response.errors).toBeUndefined();
    const lines = accessLines(from);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      surface: 'graphql',
      operation: 'OpenCase',
      operationType: 'mutation',
      status: 200,
      userId: member.user.id,
    });
    expect(lines[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof lines[0].durationMs).toBe('number');
    const text = JSON.stringify(lines);
    expect(text).not.toContain('Rhys');
    expect(text).not.toContain('variables');
    expect(text).not.toContain('mutation OpenCase');
  });

  it('writes a line for a plain HTTP route too, with the id the answer gives', async () => {
    const from = hub.logs.lines.length;
    const answer = await fetch(`${hub.url}/exports/no-such-export.csv`);
    const lines = accessLines(from);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ surface: 'exports', status: answer.status });
    expect(lines[0].requestId).toBe(answer.headers.get('x-request-id'));
  });

  it('respects LOG_LEVEL: at warn no access lines, at debug the probes too', async () => {
    const quiet = await startTestHub({ LOG_LEVEL: 'warn' });
    try {
      const from = hub.logs.lines.length;
      await fetch(`${quiet.url}/graphql?query=%7B__typename%7D`);
      expect(accessLines(from)).toEqual([]);
    } finally {
      await quiet.close();
    }
    const chatty = await startTestHub({ LOG_LEVEL: 'debug' });
    try {
      const from = hub.logs.lines.length;
      await fetch(`${chatty.url}/healthz`);
      expect(accessLines(from)).toMatchObject([
        { level: 'debug', surface: 'healthz', status: 200 },
      ]);
    } finally {
      await chatty.close();
    }
  });
});
