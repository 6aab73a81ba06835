import cors from 'cors';
import helmet from 'helmet';
import type http from 'node:http';
import type { HttpTimeouts } from '../config';

/**
 * The Content-Security-Policy of every HTML document the hub serves (statements, letters,
 * meeting packs, subject access exports): their own inline styles and data: images, nothing
 * else, so text a partner wrote into a record can never run as script in a reader's browser.
 */
export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * Security headers on every answer, by helmet: no content sniffing (a JSON answer or a CSV export
 * is never run as HTML or script), a policy that loads nothing for answers that are not documents
 * (documents set DOCUMENT_CSP over it), no referrer, no framing, HSTS for a hub behind TLS.
 */
export const answerHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  referrerPolicy: { policy: 'no-referrer' },
});

/**
 * CORS for browser applications on the origins in CORS_ALLOWED_ORIGINS (exact matches; any other
 * origin gets no Access-Control-Allow-Origin, so its page cannot read an answer). The headers a
 * partner's front end sends: its token, the purpose of the request, a retry's idempotency key.
 * Undefined when no origin is allowed: no CORS headers at all.
 */
export function corsFor(origins: string[]) {
  if (origins.length === 0) return undefined;
  return cors({
    origin: origins,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'x-purpose', 'idempotency-key'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
}

/**
 * Node's own limits on a slow client, so one trickling its headers or its body, or holding an
 * idle connection, cannot keep a socket (and its memory) indefinitely (docs/hardening.md).
 */
export function serverOptions(timeouts: HttpTimeouts): http.ServerOptions {
  return {
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    // Node checks the two timeouts above only this often (30 s unless told).
    connectionsCheckingInterval: Math.min(1000, timeouts.headersTimeoutMs),
  };
}
