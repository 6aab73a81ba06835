import { clock } from '../../src/common/clock';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Member } from './factories';

/** A signing key as an identity provider holds it: the private half, and the public JWK it publishes. */
export interface IdentityProviderKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyLike;
  publicKey: KeyLike;
  publicJwk: JWK;
}

export async function makeKey(kid: string, alg: 'RS256' | 'ES256'): Promise<IdentityProviderKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicKey, publicJwk };
}

/**
 * A stand-in identity provider on 127.0.0.1: it publishes a JWKS at /jwks (what the hub fetches)
 * and signs tokens for hub members. `publish` changes the published keys, as a rotation would.
 */
export async function startIdentityProvider(audience = 'asb-hub') {
  let published: IdentityProviderKey[] = [];
  let fetches = 0;
  const server = http.createServer((req, res) => {
    if (req.url !== '/jwks') {
      res.writeHead(404).end();
      return;
    }
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: published.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/`;
  const signAs = (
    subject: string,
    key: IdentityProviderKey,
    claims: JWTPayload,
    spoil: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
  ) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(Math.floor(clock.nowMs() / 1000))
      .setExpirationTime(Math.floor(clock.nowMs() / 1000) + 600);
    return spoil(jwt).sign(key.privateKey);
  };
  return {
    issuer,
    audience,
    jwksUrl: `${base}/jwks`,
    /** AUTH_TRUSTED_ISSUERS naming this provider. */
    trustedIssuers: JSON.stringify([{ issuer, audience, jwksUrl: `${base}/jwks` }]),
    /** How many times the hub has fetched the key set. */
    fetches: () => fetches,
    publish(...keys: IdentityProviderKey[]) {
      published = keys;
    },
    /** A token for `member` signed with `key`; `spoil` changes any claim or header. */
    sign(
      member: Member,
      key: IdentityProviderKey,
      spoil: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
      claims: JWTPayload = {},
    ) {
      return signAs(
        member.user.username,
        key,
        { partner: member.partner.id, role: member.user.role, ...claims },
        spoil,
      );
    },
    /**
     * A token for a subject the hub may not know, with only the claims given: what an identity
     * provider that knows nothing of the hub sends (its organisation and role claims).
     */
    signSubject(subject: string, key: IdentityProviderKey, claims: JWTPayload = {}) {
      return signAs(subject, key, claims);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type IdentityProvider = Awaited<ReturnType<typeof startIdentityProvider>>;
