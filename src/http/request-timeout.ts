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
