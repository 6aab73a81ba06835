import type { ApolloServerPlugin } from '@apollo/server';
import { HubError } from '../errors';

/** The error a request gets when it runs past the hub's time limit. */
export function requestTimedOut(timeoutMs: number, exposeLimits: boolean) {
  const limit = exposeLimits ? ` (${timeoutMs} ms)` : '';
  return new HubError(
    'REQUEST_TIMEOUT',
    `The request took longer than the hub allows${limit} and was stopped: ask for less, or try again. ` +
      'A change may have been saved before it stopped: read it back before sending it again.',
  );
}

/**
 * Stops the rest of an operation once its time is up: every field resolved after the deadline
 * fails at once instead of reading more rows. (The HTTP handler has already answered
 * REQUEST_TIMEOUT by then; this keeps the abandoned work from running on.)
 */
export function requestTimeoutPlugin(timeoutMs: number, exposeLimits: boolean): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const deadline = Date.now() + timeoutMs;
      return {
        async executionDidStart() {
          return {
            willResolveField() {
              if (Date.now() > deadline) throw requestTimedOut(timeoutMs, exposeLimits);
            },
          };
        },
      };
    },
  };
}

/** Settles with `work`'s result, or with `undefined` once `timeoutMs` has passed. */
export async function withinTime<T>(work: Promise<T>, timeoutMs: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
