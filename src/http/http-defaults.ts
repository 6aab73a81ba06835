import type express from 'express';
import type http from 'node:http';
import type { HttpTimeouts } from '../config';

/**
 * The Content-Security-Policy of every HTML document the hub serves (statements, letters,
 * meeting packs, subject access exports): their own inline styles and data: images, nothing
 * else, so text a partner wrote into a record can never run as script in a reader's browser.
 */
export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * Headers on every answer, set by hand where helmet would set them (helmet is not a dependency):
 * no content sniffing (a JSON answer or a CSV export is never run as HTML or script), and a
 * policy that loads nothing for answers that are not documents (documents set DOCUMENT_CSP).
 */
export function answerHeaders(_req: express.Request, res: express.Response, next: () => void) {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  res.setHeader('referrer-policy', 'no-referrer');
  next();
}

/**
 * Node's own limits on a slow client, so one trickling its headers or its body, or holding an
 * idle connection, cannot keep a socket (and its memory) indefinitely (README "Hardening").
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
