import { clock } from '../../src/common/clock';
import { SignJWT } from 'jose';
import { loadConfig } from '../../src/config';

/** The clock tolerance the hub applies by default (AUTH_CLOCK_TOLERANCE_SECONDS). */
const CLOCK_TOLERANCE_SECONDS = loadConfig({ NODE_ENV: 'test' }).auth.clockToleranceSeconds;
import { DEMO_AUDIENCE, DEMO_ISSUER, DEMO_SECRET } from '../../src/config';
import { recordEvent } from '../../src/notifications/record-event';
import { HubEventKind } from '../../src/notifications/hub-event-kind.enum';
import { User } from '../../src/users/user.entity';
import { makeCase, makePartnerMember, PartnerKind, Role, type Member } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { bearer, pause, recordOutboxEvent, subscribe, waitFor } from './notification-helpers';

/*
 * A WebSocket connection outlives the token it signed in with: before each event the hub checks
 * the token's expiry, and (at most once per SUBSCRIPTION_RECHECK_MS) that the user is still an
 * active member of the same partner in the same role.
 */
const RECHECK_MS = 300;

let hub: TestHub;
const open: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  hub = await startTestHub({
    NOTIFICATION_POLL_MS: '50',
    SUBSCRIPTION_RECHECK_MS: String(RECHECK_MS),
  });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await hub?.close();
});

async function setting(target = hub) {
  const police = await makePartnerMember(target.em(), PartnerKind.POLICE);
  const onCase = await makeCase(target.em(), police);
  return { police, onCase };
}

/** Subscribes and waits until the hub holds the subscription, so later events must reach it. */
async function subscribed(target: TestHub, token: string) {
  const before = target.liveSubscriptions();
  const subscription = subscribe(target, bearer(token));
  open.push(subscription);
  await waitFor(() => target.liveSubscriptions() > before);
  return subscription;
}

/** A demo-issuer token for `member` that lapses at `exp` (seconds since the epoch). */
function tokenExpiringAt(member: Member, exp: number) {
  return new SignJWT({ partner: member.partner.id, role: member.user.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(member.user.username)
    .setIssuer(DEMO_ISSUER)
    .setAudience(DEMO_AUDIENCE)
    .setIssuedAt(Math.floor(clock.nowMs() / 1000))
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(DEMO_SECRET));
}

describe('live subscriptions re-check who is listening', () => {
  it('a subscriber whose user is deactivated stops receiving events and is disconnected once the recheck time has passed', async () => {
    const { police, onCase } = await setting();
    const feed = await subscribed(hub, police.token);
    const before = await recordOutboxEvent(hub, onCase, { summary: 'before' });
    await waitFor(() => feed.received.length === 1);

    await hub.em().nativeUpdate(User, { id: police.user.id }, { active: false });
    await pause(RECHECK_MS + 100);
    const live = hub.liveSubscriptions();
    await recordOutboxEvent(hub, onCase, { summary: 'after' });

    await waitFor(() => feed.errors.length > 0);
    expect(feed.errors[0]).toMatchObject({ code: 4403 });
    expect(feed.received.map((heard) => heard.id)).toEqual([before.id]);
    await waitFor(() => hub.liveSubscriptions() === live - 1);
  });

  it('a subscriber moved to another role is disconnected the same way', async () => {
    const { police, onCase } = await setting();
    const feed = await subscribed(hub, police.token);
    await pause(RECHECK_MS + 100);
    await hub.em().nativeUpdate(User, { id: police.user.id }, { role: Role.ANALYST });
    await recordOutboxEvent(hub, onCase);
    await waitFor(() => feed.errors.length > 0);
    expect(feed.errors[0]).toMatchObject({ code: 4403 });
    expect(feed.received).toEqual([]);
  });

  it('a token that expires while connected stops delivery, and the connection closes with 4401', async () => {
    const { police, onCase } = await setting();
    // Lapses three seconds from now, the verifier's clock tolerance included.
    const exp = Math.floor(clock.nowMs() / 1000) - CLOCK_TOLERANCE_SECONDS + 3;
    const feed = await subscribed(hub, await tokenExpiringAt(police, exp));
    const before = await recordOutboxEvent(hub, onCase, { summary: 'before' });
    await waitFor(() => feed.received.length === 1);

    await pause((exp + CLOCK_TOLERANCE_SECONDS) * 1000 - clock.nowMs() + 100);
    await recordOutboxEvent(hub, onCase, { summary: 'after' });

    await waitFor(() => feed.errors.length > 0);
    expect(feed.errors[0]).toMatchObject({ code: 4401 });
    expect(feed.received.map((heard) => heard.id)).toEqual([before.id]);
  });

  it('asks the database who is listening at most once per recheck time, not for each event', async () => {
    const patient = await startTestHub({
      NOTIFICATION_POLL_MS: '50',
      SUBSCRIPTION_RECHECK_MS: '30000',
    });
    try {
      const { police, onCase } = await setting(patient);
      const feed = await subscribed(patient, police.token);
      const statements = await patient.recordStatements(async () => {
        await patient.em().transactional(async (em) => {
          for (let i = 0; i < 5; i += 1) {
            recordEvent(em as never, {
              kind: HubEventKind.POSSIBLE_BREACH,
              caseId: onCase.id,
              summary: `event ${i}`,
            });
          }
        });
        await waitFor(() => feed.received.length === 5);
        await recordOutboxEvent(patient, onCase);
        await waitFor(() => feed.received.length === 6);
      });
      expect(statements.filter((sql) => /from "app_user"/.test(sql))).toHaveLength(1);
      expect(feed.errors).toEqual([]);
    } finally {
      await Promise.all(open.splice(0).map((s) => s.close()));
      await patient.close();
    }
  });
});
