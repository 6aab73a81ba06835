import { HubEvent } from '../../src/notifications/hub-event.entity';
import { Role } from '../../src/users/role.enum';
import { makeCase, makeMember, makePartnerMember, PartnerKind } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { AssignAction, isoDayFromToday } from '../osara/osara-operations';
import { bearer, pause, recordOutboxEvent, subscribe, waitFor } from './notification-helpers';

let hub: TestHub;
const open: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  hub = await startTestHub({ NOTIFICATION_POLL_MS: '50' });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await hub?.close();
});

/** A police-led case the council takes part in; a housing provider that is not on it. */
async function setting() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const outsider = await makePartnerMember(em, PartnerKind.HOUSING);
  const onCase = await makeCase(em, police, { others: [council.partner] });
  return { police, council, outsider, onCase };
}

/** Subscribes and waits until the hub holds the subscription, so later events must reach it. */
async function subscribed(target: TestHub, token: string) {
  const before = target.liveSubscriptions();
  const subscription = subscribe(target, bearer(token));
  open.push(subscription);
  await waitFor(() => target.liveSubscriptions() > before);
  return subscription;
}

/** Long enough for the dispatcher (polling every 50 ms here) to have delivered twice over. */
const SETTLE_MS = 400;

describe('the notificationAdded subscription', () => {
  it('a subscriber from a partner on the case receives an event recorded after it subscribed', async () => {
    const { police, council, onCase } = await setting();
    const policeFeed = await subscribed(hub, police.token);
    const councilFeed = await subscribed(hub, council.token);
    const event = await recordOutboxEvent(hub, onCase);

    await waitFor(() => policeFeed.received.length > 0 && councilFeed.received.length > 0);
    for (const feed of [policeFeed, councilFeed]) {
      expect(feed.errors).toEqual([]);
      expect(feed.received).toEqual([
        {
          id: event.id,
          kind: 'POSSIBLE_BREACH',
          summary: `Possible breach on case ${onCase.reference}`,
          caseId: onCase.id,
          case: { id: onCase.id },
          subjects: [{ name: 'incidentIds', ids: ['00000000-0000-4000-8000-00000000000a'] }],
        },
      ]);
    }
    const stored = await hub.em().findOneOrFail(HubEvent, { id: event.id });
    expect(stored.publishedAt).toBeInstanceOf(Date);
  });

  it('a subscriber from a partner not on the case does not receive the case\u2019s events', async () => {
    const { police, outsider, onCase } = await setting();
    const outsiderFeed = await subscribed(hub, outsider.token);
    const policeFeed = await subscribed(hub, police.token);
    await recordOutboxEvent(hub, onCase);
    await waitFor(() => policeFeed.received.length > 0);
    await pause(SETTLE_MS);
    expect(outsiderFeed.received).toEqual([]);
    expect(outsiderFeed.errors).toEqual([]);
  });

  it('an event meant for one partner reaches only that partner, even among those on the case', async () => {
    const { police, council, onCase } = await setting();
    const policeFeed = await subscribed(hub, police.token);
    const councilFeed = await subscribed(hub, council.token);
    const assigned = await hub.request(
      AssignAction,
      {
        input: {
          caseId: onCase.id,
          partnerId: council.partner.id,
          title: 'Serve the CPW',
          dueDate: isoDayFromToday(5),
        },
      },
      police.token,
    );
    expect(assigned.errors).toBeUndefined();
    await waitFor(() => councilFeed.received.length > 0);
    expect(councilFeed.received[0]).toMatchObject({
      kind: 'ACTION_ASSIGNED',
      subjects: [{ name: 'actionId', ids: [assigned.data!.assignAction!.id] }],
    });
    await pause(SETTLE_MS);
    expect(policeFeed.received).toEqual([]);
  });

  it('delivers events in the order they were recorded, each once', async () => {
    const { council, onCase } = await setting();
    const feed = await subscribed(hub, council.token);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await recordOutboxEvent(hub, onCase, { summary: `event ${i}` })).id);
    }
    await waitFor(() => feed.received.length >= 5);
    await pause(SETTLE_MS);
    expect(feed.received.map((heard) => heard.id)).toEqual(ids);
  });

  it('delivers each event once to each subscriber when several hub processes share the database', async () => {
    const { council, onCase } = await setting();
    const second = await startTestHub({ NOTIFICATION_POLL_MS: '50' });
    try {
      const onFirst = await subscribed(hub, council.token);
      const onSecond = await subscribed(second, council.token);
      const ids: string[] = [];
      for (let i = 0; i < 6; i += 1) ids.push((await recordOutboxEvent(hub, onCase)).id);
      await waitFor(() => onFirst.received.length >= 6 && onSecond.received.length >= 6);
      await pause(SETTLE_MS);
      expect(onFirst.received.map((heard) => heard.id)).toEqual(ids);
      expect(onSecond.received.map((heard) => heard.id)).toEqual(ids);
    } finally {
      await Promise.all(open.splice(0).map((s) => s.close()));
      await second.close();
    }
  });

  it('refuses a connection without a valid bearer token', async () => {
    const { police } = await setting();
    const before = hub.liveSubscriptions();
    for (const params of [
      {},
      { authorization: 'Bearer not-a-token' },
      { authorization: police.token }, // no "Bearer"
    ]) {
      const feed = subscribe(hub, params);
      open.push(feed);
      await waitFor(() => feed.errors.length > 0);
      expect(feed.errors[0]).toMatchObject({ code: 4403 });
    }
    expect(hub.liveSubscriptions()).toBe(before);
  });

  it('refuses to subscribe a role that may not read notifications', async () => {
    const { police } = await setting();
    const bi = await makeMember(hub.em(), police.partner, Role.BI_SERVICE);
    const feed = subscribe(hub, bearer(bi.token));
    open.push(feed);
    await waitFor(() => feed.errors.length > 0);
    expect(feed.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
  });

  it('ends live subscriptions when the hub stops', async () => {
    const { council } = await setting();
    const stopping = await startTestHub({ NOTIFICATION_POLL_MS: '50' });
    const feed = subscribe(stopping, bearer(council.token));
    await waitFor(() => stopping.liveSubscriptions() === 1);
    await stopping.close();
    await waitFor(() => feed.completed() || feed.errors.length > 0);
    await feed.close();
  });
});
