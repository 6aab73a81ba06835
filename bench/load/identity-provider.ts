import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PARTNERS, demoUser } from '../../src/demo/demo-directory';

/**
 * The identity provider the production build trusts during the benchmark: it publishes an ES256
 * key at /jwks (fetched by the hub once, then cached) and signs the demo users' tokens, so the
 * hub verifies tokens exactly as in production (the demo key is refused there).
 */
export async function startIdentityProvider() {
  const kid = 'bench-key';
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const server = http.createServer((req, res) => {
    if (req.url !== '/jwks') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/`;
  const audience = 'asb-hub';
  return {
    /** AUTH_TRUSTED_ISSUERS for the hub. */
    trustedIssuers: JSON.stringify([{ issuer, audience, jwksUrl: `${base}/jwks` }]),
    /** A bearer token for a demo user, valid for the whole run. */
    async tokenFor(username: string) {
      const user = demoUser(username);
      if (!user) throw new Error(`no demo user ${username}`);
      return new SignJWT({ partner: DEMO_PARTNERS[user.partner].id, role: user.role })
        .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
        .setSubject(user.username)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('2h')
        .sign(privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type IdentityProvider = Awaited<ReturnType<typeof startIdentityProvider>>;
