import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { makePartnerMember, PartnerKind, Role, type Member } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';

/*
 * Issue 16, browser clients: a partner's web app on another origin calls the hub with its token.
 * Only origins in CORS_ALLOWED_ORIGINS may read an answer; security headers come from helmet.
 */

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let hub: TestHub;
let member: Member;
let browser: Browser;
const pages: http.Server[] = [];

/** A partner web app: one HTML page, on a port (so an origin) of its own. */
async function webApp(): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>partner app</title><p>partner app</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pages.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let allowedOrigin: string;
let otherOrigin: string;

beforeAll(async () => {
  allowedOrigin = await webApp();
  otherOrigin = await webApp();
  hub = await startTestHub({ CORS_ALLOWED_ORIGINS: allowedOrigin });
  member = await makePartnerMember(hub.em(), PartnerKind.HOUSING, Role.PRACTITIONER);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  for (const page of pages) await new Promise((resolve) => page.close(resolve));
});

const preflight = (origin: string) =>
  fetch(`${hub.url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, x-purpose, idempotency-key',
    },
  });

describe('browser clients', () => {
  it('answers an allowed origin’s preflight with its origin and the headers a front end sends', async () => {
    const answer = await preflight(allowedOrigin);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    const allowed = answer.headers.get('access-control-allow-headers')!.split(',');
    expect(allowed).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-purpose', 'idempotency-key']),
    );
  });

  it('gives any other origin no Access-Control-Allow-Origin', async () => {
    const answer = await preflight(otherOrigin);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { origin: otherOrigin, 'content-type': 'application/json' },
      body: '{"query":"{__typename}"}',
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sets security headers on every answer (helmet)', async () => {
    const answer = await fetch(`${hub.url}/healthz`);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toBe(
      "default-src 'none';frame-ancestors 'none'",
    );
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(answer.headers.get('x-powered-by')).toBeNull();
  });

  it('a page on an allowed origin calls the hub with a token in headless Chromium; a page on another cannot read the answer', async () => {
    const call = async (origin: string) => {
      const tab = await browser.newPage();
      try {
        await tab.goto(origin);
        return await tab.evaluate(
          async ({ url, token }) => {
            try {
              const answer = await fetch(url, {
                method: 'POST',
                headers: {
                  authorization: `Bearer ${token}`,
                  'content-type': 'application/json',
                  'x-purpose': 'case management',
                },
                body: JSON.stringify({ query: '{ me { username partner { kind } } }' }),
              });
              return { ok: true, body: await answer.json() };
            } catch (error) {
              return { ok: false, error: String(error) };
            }
          },
          { url: `${hub.url}/graphql`, token: member.token },
        );
      } finally {
        await tab.close();
      }
    };
    const allowed = await call(allowedOrigin);
    expect(allowed).toEqual({
      ok: true,
      body: { data: { me: { username: member.user.username, partner: { kind: 'HOUSING' } } } },
    });
    const refused = await call(otherOrigin);
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/Failed to fetch/) });
  }, 60_000);
});
