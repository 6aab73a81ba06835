import { clock } from '../../src/common/clock';
import { SignJWT, UnsecuredJWT } from 'jose';
import { signDemoToken } from '../../src/auth/demo-token';
import { DEMO_AUDIENCE, DEMO_ISSUER, DEMO_SECRET } from '../../src/config';
import { User } from '../../src/users/user.entity';
import { MeDocument } from '../generated/graphql';
import { makeMember, makePartner, PartnerKind, Role, type Member } from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';

const key = new TextEncoder().encode(DEMO_SECRET);

/** A token for `member` with the demo issuer's defaults, any of which a test can spoil. */
function token(member: Member, spoil: (jwt: SignJWT) => SignJWT = (jwt) => jwt, secret = key) {
  const jwt = new SignJWT({ partner: member.partner.id, role: member.user.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(member.user.username)
    .setIssuer(DEMO_ISSUER)
    .setAudience(DEMO_AUDIENCE)
    .setIssuedAt(Math.floor(clock.nowMs() / 1000))
    .setExpirationTime(Math.floor(clock.nowMs() / 1000) + 600);
  return spoil(jwt).sign(secret);
}

describe('signing in', () => {
  let hub: TestHub;
  let member: Member;

  beforeAll(async () => {
    hub = await startTestHub();
    const em = hub.em();
    member = await makeMember(em, await makePartner(em, PartnerKind.COUNCIL));
  });
  afterAll(() => hub.close());

  it('accepts a valid token and says who the caller is', async () => {
    const answer = await hub.request(MeDocument, {}, await token(member));
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.me).toMatchObject({
      username: member.user.username,
      role: 'PRACTITIONER',
      partner: { id: member.partner.id },
    });
  });

  it('refuses an anonymous caller with UNAUTHENTICATED and HTTP 401', async () => {
    const answer = await hub.request(MeDocument, {});
    expect(answer.status).toBe(401);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
    expect(answer.data ?? null).toBeNull();
  });

  const epochSeconds = () => Math.floor(clock.nowMs() / 1000);

  it('accepts a token that expired 20 s ago, within the 30 s clock tolerance', async () => {
    const late = await token(member, (jwt) =>
      jwt.setIssuedAt(epochSeconds() - 600).setExpirationTime(epochSeconds() - 20),
    );
    expect((await hub.request(MeDocument, {}, late)).errors).toBeUndefined();
  });

  const refusals: [string, () => Promise<string>][] = [
    [
      'a token that expired 60 s ago, beyond the 30 s clock tolerance',
      () =>
        token(member, (jwt) =>
          jwt.setIssuedAt(epochSeconds() - 600).setExpirationTime(epochSeconds() - 60),
        ),
    ],
    [
      'a token issued a day in the future',
      () =>
        token(member, (jwt) =>
          jwt.setIssuedAt(epochSeconds() + 86_400).setExpirationTime(epochSeconds() + 90_000),
        ),
    ],
    [
      'a token that would last a hundred years (past AUTH_MAX_TOKEN_LIFETIME_SECONDS)',
      () =>
        token(member, (jwt) =>
          jwt.setIssuedAt(epochSeconds()).setExpirationTime(epochSeconds() + 100 * 365 * 86_400),
        ),
    ],
    ['a token that is not a JWT', async () => 'not.a.token'],
    [
      'a token signed with another key',
      () =>
        token(member, undefined, new TextEncoder().encode('some-other-secret-of-enough-length')),
    ],
    [
      'an expired token',
      () =>
        token(member, (jwt) =>
          jwt
            .setIssuedAt(Math.floor(clock.nowMs() / 1000) - 7200)
            .setExpirationTime(Math.floor(clock.nowMs() / 1000) - 3600),
        ),
    ],
    [
      'a token not yet valid',
      () => token(member, (jwt) => jwt.setNotBefore(Math.floor(clock.nowMs() / 1000) + 3600)),
    ],
    [
      'a token from an untrusted issuer',
      () => token(member, (jwt) => jwt.setIssuer('someone-else')),
    ],
    [
      'a token for another audience',
      () => token(member, (jwt) => jwt.setAudience('another-service')),
    ],
    [
      'an unsigned token (alg: none)',
      async () =>
        new UnsecuredJWT({ partner: member.partner.id, role: member.user.role })
          .setSubject(member.user.username)
          .setIssuer(DEMO_ISSUER)
          .setAudience(DEMO_AUDIENCE)
          .setExpirationTime(Math.floor(clock.nowMs() / 1000) + 600)
          .encode(),
    ],
    [
      'a token for a user the hub does not know',
      () =>
        signDemoToken({
          username: 'nobody.here',
          role: Role.PRACTITIONER,
          partnerId: member.partner.id,
        }),
    ],
    [
      'a token claiming a role the user does not have',
      () =>
        signDemoToken({
          username: member.user.username,
          role: Role.SUPERVISOR,
          partnerId: member.partner.id,
        }),
    ],
    [
      'a token claiming another partner',
      () =>
        signDemoToken({
          username: member.user.username,
          role: Role.PRACTITIONER,
          partnerId: '10000000-0000-4000-8000-000000000001',
        }),
    ],
  ];

  it.each(refusals)('refuses %s', async (_what, makeToken) => {
    const answer = await hub.request(MeDocument, {}, await makeToken());
    expect(answer.status).toBe(401);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
    expect(answer.data ?? null).toBeNull();
  });

  it('refuses a user who has been disabled, even with a token issued before', async () => {
    const em = hub.em();
    const disabled = await makeMember(em, member.partner);
    const issued = await token(disabled);
    await em.nativeUpdate(User, { id: disabled.user.id }, { active: false });
    const answer = await hub.request(MeDocument, {}, issued);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers the health check without a token', async () => {
    const response = await fetch(`${hub.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('the HTTP surface', () => {
  let hub: TestHub;
  let member: Member;

  beforeAll(async () => {
    hub = await startTestHub();
    const em = hub.em();
    member = await makeMember(em, await makePartner(em, PartnerKind.POLICE));
  });
  afterAll(() => hub.close());

  it('refuses a batch of operations in one request', async () => {
    const response = await hub.post([{ query: '{ me { id } }' }, { query: '{ me { id } }' }], {
      authorization: `Bearer ${await token(member)}`,
    });
    expect(response.status).toBe(400);
  });

  it('refuses a simple cross-site form post (CSRF prevention)', async () => {
    const response = await fetch(`${hub.url}/graphql?query=%7Bme%7Bid%7D%7D`, {
      method: 'GET',
      headers: { authorization: `Bearer ${await token(member)}` },
    });
    expect(response.status).toBe(400);
  });

  it('masks an unexpected failure: no SQL or stack trace reaches the client', async () => {
    // A request body that is too large is refused before it reaches GraphQL.
    const response = await hub.post(
      { query: `{ me { id } } # ${'x'.repeat(200_000)}` },
      {
        authorization: `Bearer ${await token(member)}`,
      },
    );
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js:\d+|select |node_modules/i);
    const malformed = await hub.post('{"query": ', {
      authorization: `Bearer ${await token(member)}`,
    });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).not.toMatch(/at .*\.js:\d+|node_modules/i);
  });
});
