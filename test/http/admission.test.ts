import { print } from 'graphql';
import { partnerIdOf, signDemoToken } from '../../src/auth/demo-token';
import { DEMO_IDS } from '../../src/demo/demo-data';
import { demoUser } from '../../src/demo/demo-directory';
import { Admission } from '../../src/http/admission';
import { CaseViewDocument } from '../generated/graphql';
import { startTestHub } from '../support/hub';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Work that finishes when the test says so. */
function heldOpen() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

describe('admission: how many operations execute at once', () => {
  it('runs at most the limit, lets the rest wait in order of arrival, and refuses beyond the queue', async () => {
    const admission = new Admission(2, 2);
    const started: number[] = [];
    const holds = [0, 1, 2, 3].map(() => heldOpen());
    const runs = holds.map((hold, i) =>
      admission.run(async () => {
        started.push(i);
        await hold.done;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(admission.load).toEqual({ running: 2, waiting: 2 });
    await expect(admission.run(async () => 'fifth')).rejects.toMatchObject({
      extensions: { code: 'SERVER_BUSY' },
    });
    holds[1].finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    expect(admission.load).toEqual({ running: 2, waiting: 1 });
    holds[0].finish();
    holds[2].finish();
    holds[3].finish();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(admission.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of an operation that fails', async () => {
    const admission = new Admission(1, 0);
    await expect(
      admission.run(async () => {
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
    expect(await admission.run(async () => 'next')).toBe('next');
  });

  it('over HTTP: with one at a time and no queue, simultaneous case views are answered or refused with 503 SERVER_BUSY and Retry-After, never half-done', async () => {
    const hub = await startTestHub({ MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '0' });
    try {
      const user = demoUser('pc.morgan')!;
      const token = await signDemoToken({ ...user, partnerId: partnerIdOf(user) });
      const responses = await Promise.all(
        Array.from({ length: 6 }, () =>
          fetch(`${hub.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              query: print(CaseViewDocument),
              variables: { id: DEMO_IDS.cuckooingCase },
            }),
          }).then(async (response) => ({
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
            body: (await response.json()) as { data?: any; errors?: any[] },
          })),
        ),
      );
      const answered = responses.filter((r) => r.status === 200);
      const refused = responses.filter((r) => r.status === 503);
      expect(answered.length + refused.length).toBe(6);
      expect(answered.length).toBeGreaterThanOrEqual(1);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      for (const r of answered) expect(r.body.data.case.id).toBe(DEMO_IDS.cuckooingCase);
      for (const r of refused) {
        expect(r.retryAfter).toBe('1');
        expect(r.body.data).toBeUndefined();
        expect(r.body.errors?.map((e: any) => e.extensions.code)).toEqual(['SERVER_BUSY']);
      }
    } finally {
      await hub.close();
    }
  });

  it('over HTTP: with a queue, every simultaneous case view is answered in turn', async () => {
    const hub = await startTestHub({ MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '10' });
    try {
      const user = demoUser('pc.morgan')!;
      const token = await signDemoToken({ ...user, partnerId: partnerIdOf(user) });
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          hub.request(CaseViewDocument, { id: DEMO_IDS.cuckooingCase }, token),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.data?.case?.id).toBe(DEMO_IDS.cuckooingCase);
      }
    } finally {
      await hub.close();
    }
  });
});
