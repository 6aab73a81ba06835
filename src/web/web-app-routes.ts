import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { partnerIdOf, signDemoToken } from '../auth/demo-token';
import { DEMO_ISSUER, type HubConfig } from '../config';
import { DEMO_USERS } from '../demo/demo-directory';

/** The built app, found from either layout (ts-node runs src/, `npm start` runs dist/src/). */
function webDist(): string | undefined {
  const candidates = [
    path.resolve(__dirname, '../../web/dist'),
    path.resolve(__dirname, '../../../web/dist'),
  ];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
}

/**
 * The app's own Content-Security-Policy: its scripts and styles from /app only (Vite emits no
 * inline script), its API calls to this hub (HTTP and the graphql-ws socket) and, in production,
 * to the identity provider it signs in with. Nothing may frame it.
 */
export function webAppCsp(identityProvider: string | undefined): string {
  const connect = [
    "'self'",
    'ws:',
    'wss:',
    ...(identityProvider ? [originOf(identityProvider)] : []),
  ];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const originOf = (url: string) => new URL(url).origin;

/**
 * What the app needs to sign in: in production the identity provider (the first trusted issuer
 * with published keys: its issuer is the OpenID Connect authority, its audience the client id);
 * elsewhere the demo users, who get tokens from POST /app/demo-token.
 */
export function webAppConfig(config: HubConfig) {
  const provider = config.trustedIssuers.find((issuer) => issuer.jwksUrl);
  if (config.mode === 'production' || provider) {
    return {
      mode: config.mode,
      signIn: 'oidc' as const,
      oidc: provider ? { authority: provider.issuer, clientId: provider.audience } : null,
    };
  }
  return {
    mode: config.mode,
    signIn: 'demo' as const,
    demoUsers: DEMO_USERS.map(({ username, displayName, about }) => ({
      username,
      displayName,
      about,
    })),
  };
}

/**
 * The web app at /app (web/, built by Vite): its config, the demo sign-in outside production, its
 * static files, and index.html for every other path under /app so a deep link (/app/cases/:id)
 * opens the app, which routes it itself.
 */
export function webAppRoutes(config: HubConfig): express.Router {
  const router = express.Router();
  const appConfig = webAppConfig(config);
  const csp = webAppCsp(appConfig.signIn === 'oidc' ? appConfig.oidc?.authority : undefined);
  router.use((_req, res, next) => {
    res.setHeader('content-security-policy', csp);
    next();
  });
  router.get('/config.json', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(appConfig);
  });

  // The demo issuer's key is the hub's own, so the hub can sign for a demo user; it is never
  // trusted in production (src/config.ts refuses a local secret there), and this route is absent.
  const demoIssuer = config.trustedIssuers.find(
    (issuer) => issuer.issuer === DEMO_ISSUER && issuer.localSecret,
  );
  if (config.mode !== 'production' && demoIssuer && appConfig.signIn === 'demo') {
    router.post('/demo-token', express.json({ limit: '1kb' }), async (req, res) => {
      const username = typeof req.body?.username === 'string' ? req.body.username : '';
      const user = DEMO_USERS.find((candidate) => candidate.username === username);
      res.setHeader('cache-control', 'no-store');
      if (!user) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such demo user' } });
        return;
      }
      const token = await signDemoToken(
        { ...user, partnerId: partnerIdOf(user) },
        { secret: demoIssuer.localSecret, audience: demoIssuer.audience },
      );
      res.json({ token, displayName: user.displayName });
    });
  }

  const dist = webDist();
  if (!dist) {
    router.use((_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built: run `npm run build:web` (npm start does it).');
    });
    return router;
  }
  // Hashed file names (Vite): a year's cache; index.html is read afresh so a new build shows.
  router.use(
    '/assets',
    express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false }),
  );
  router.use(express.static(dist, { index: false }));
  const indexHtml = path.join(dist, 'index.html');
  router.get(/.*/, (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
