import { HeaderMap } from '@apollo/server';
import { HubError } from '../errors';

/** The answer to a user who has spent their requests for now: HTTP 429 with Retry-After. */
export function rateLimited(waitMs: number) {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new HubError(
    'RATE_LIMITED',
    `Too many requests from your account: try again in ${seconds} s`,
    { http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) } },
  );
}
