import { clock } from '../../src/common/clock';
import { SignJWT, UnsecuredJWT, exportSPKI } from 'jose';
import { MeDocument } from '../generated/graphql';
import { makeMember, makePartner, PartnerKind, type Member } from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import {
  makeKey,
  startIdentityProvider,
  type IdentityProvider,
  type IdentityProviderKey,
} from '../support/jwks';

const epochSeconds = () => Math.floor(clock.nowMs() / 1000);

describe("signing in with an identity provider's published keys (JWKS)", () => {
  let idp: IdentityProvider;
  let hub: TestHub;
  let member: Member;
  let rsa: IdentityProviderKey;
  let ec: IdentityProviderKey;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    [rsa, ec] = await Promise.all([makeKey('rsa-1', 'RS256'), makeKey('ec-1', 'ES256')]);
    idp.publish(rsa, ec);
    hub = await startTestHub({ AUTH_TRUSTED_ISSUERS: idp.trustedIssuers });
    const em = hub.em();
    member = await makeMember(em, await makePartner(em, PartnerKind.HOUSING));
  });
  afterAll(async () => {
    await hub.close();
    await idp.close();
  });

  const signIn = async (token: string) => hub.request(MeDocument, {}, token);

  it.each([
    ['RS256', () => rsa],
    ['ES256', () => ec],
  ])('accepts a token signed %s with a published key', async (_alg, key) => {
    const answer = await signIn(await idp.sign(member, key()));
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.me.username).toBe(member.user.username);
  });

  it('accepts a token that expired 20 s ago, within the 30 s clock tolerance', async () => {
    const token = await idp.sign(member, rsa, (jwt) =>
      jwt.setIssuedAt(epochSeconds() - 600).setExpirationTime(epochSeconds() - 20),
    );
    expect((await signIn(token)).errors).toBeUndefined();
  });

  it('accepts a token valid from 20 s in the future, within the clock tolerance', async () => {
    const token = await idp.sign(member, ec, (jwt) => jwt.setNotBefore(epochSeconds() + 20));
    expect((await signIn(token)).errors).toBeUndefined();
  });

  const refusals: [string, () => Promise<string>][] = [
    [
      'a token that expired 60 s ago, beyond the clock tolerance',
      () =>
        idp.sign(member, rsa, (jwt) =>
          jwt.setIssuedAt(epochSeconds() - 600).setExpirationTime(epochSeconds() - 60),
        ),
    ],
    [
      'a token valid only from 60 s in the future',
      () => idp.sign(member, rsa, (jwt) => jwt.setNotBefore(epochSeconds() + 60)),
    ],
    [
      "a token signed with another key under a published key's id",
      async () => {
        const impostor = await makeKey(rsa.kid, 'RS256');
        return idp.sign(member, impostor);
      },
    ],
    [
      'a token signed with a key the provider never published',
      async () => idp.sign(member, await makeKey('unknown-kid', 'ES256')),
    ],
    [
      'a token from another issuer, signed with a published key',
      () => idp.sign(member, rsa, (jwt) => jwt.setIssuer('https://someone-else.example/')),
    ],
    [
      'a token for another audience',
      () => idp.sign(member, ec, (jwt) => jwt.setAudience('another-service')),
    ],
    [
      'an unsigned token (alg: none) naming the trusted issuer',
      async () =>
        new UnsecuredJWT({ partner: member.partner.id, role: member.user.role })
          .setSubject(member.user.username)
          .setIssuer(idp.issuer)
          .setAudience(idp.audience)
          .setExpirationTime('10m')
          .encode(),
    ],
    [
      'an HS256 token keyed with the published RSA public key (algorithm confusion)',
      async () =>
        new SignJWT({ partner: member.partner.id, role: member.user.role })
          .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
          .setSubject(member.user.username)
          .setIssuer(idp.issuer)
          .setAudience(idp.audience)
          .setExpirationTime('10m')
          .sign(new TextEncoder().encode(await exportSPKI(rsa.publicKey))),
    ],
  ];

  it.each(refusals)('refuses %s', async (_what, makeToken) => {
    const answer = await signIn(await makeToken());
    expect(answer.status).toBe(401);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('keys rotated by the identity provider', () => {
  let idp: IdentityProvider;
  let member: Member;
  let keyA: IdentityProviderKey;
  let keyB: IdentityProviderKey;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    [keyA, keyB] = await Promise.all([makeKey('key-a', 'RS256'), makeKey('key-b', 'ES256')]);
  });
  afterAll(() => idp.close());

  it('trusts key B once the provider publishes it, and no longer key A, without a restart', async () => {
    idp.publish(keyA);
    // A short cooldown, so the test need not wait out the default 30 s between fetches.
    const hub = await startTestHub({
      AUTH_TRUSTED_ISSUERS: idp.trustedIssuers,
      AUTH_JWKS_COOLDOWN_MS: '100',
    });
    try {
      const em = hub.em();
      member = await makeMember(em, await makePartner(em, PartnerKind.POLICE));
      const signedWithA = await idp.sign(member, keyA);
      expect((await hub.request(MeDocument, {}, signedWithA)).errors).toBeUndefined();

      idp.publish(keyB); // the rotation: B published, A withdrawn
      await new Promise((resolve) => setTimeout(resolve, 150));
      const signedWithB = await idp.sign(member, keyB);
      const answerB = await hub.request(MeDocument, {}, signedWithB);
      expect(answerB.errors).toBeUndefined();
      expect(answerB.data!.me.username).toBe(member.user.username);

      await new Promise((resolve) => setTimeout(resolve, 150));
      const answerA = await hub.request(MeDocument, {}, signedWithA);
      expect(answerA.status).toBe(401);
      expect(codes(answerA)).toEqual(['UNAUTHENTICATED']);
    } finally {
      await hub.close();
    }
  });

  it('fetches the key set at most once per cooldown, however many unknown key ids arrive', async () => {
    idp.publish(keyA);
    const hub = await startTestHub({ AUTH_TRUSTED_ISSUERS: idp.trustedIssuers });
    try {
      const em = hub.em();
      member = await makeMember(em, await makePartner(em, PartnerKind.POLICE));
      expect(
        (await hub.request(MeDocument, {}, await idp.sign(member, keyA))).errors,
      ).toBeUndefined();
      const before = idp.fetches();
      const forged = await Promise.all(
        Array.from({ length: 5 }, async (_, i) =>
          idp.sign(member, await makeKey(`forged-${i}`, 'ES256')),
        ),
      );
      for (const token of forged) {
        expect(codes(await hub.request(MeDocument, {}, token))).toEqual(['UNAUTHENTICATED']);
      }
      // The default cooldown (30 s) has not passed since the first fetch: none of them refetched.
      expect(idp.fetches() - before).toBe(0);
    } finally {
      await hub.close();
    }
  });
});
