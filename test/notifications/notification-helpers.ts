import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { Case } from '../../src/cases/case.entity';
import { HubEventKind } from '../../src/notifications/hub-event-kind.enum';
import type { HubEvent } from '../../src/notifications/hub-event.entity';
import { recordEvent } from '../../src/notifications/record-event';
import type { TestHub } from '../support/hub';

/** Waits until `condition` holds, checking every 20 ms, for at most `ms`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Heard {
  id: string;
  kind: string;
  summary: string;
  caseId: string;
  case: { id: string } | null;
  subjects: { name: string; ids: string[] }[];
}

const SUBSCRIPTION = `subscription {
  notificationAdded { id kind summary caseId case { id } subjects { name ids } }
}`;

/**
 * A partner's front end subscribed over graphql-ws, as a browser would be. `connectionParams`
 * carries the bearer token; `received` fills as notifications arrive.
 */
export function subscribe(hub: TestHub, connectionParams: Record<string, unknown> = {}) {
  const received: Heard[] = [];
  const errors: unknown[] = [];
  let completed = false;
  const client = createClient({
    url: `${hub.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
  });
  const unsubscribe = client.subscribe<{ notificationAdded: Heard }>(
    { query: SUBSCRIPTION },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        if (value.data?.notificationAdded) received.push(value.data.notificationAdded);
      },
      error: (error) => errors.push(error),
      complete: () => {
        completed = true;
      },
    },
  );
  return {
    received,
    errors,
    completed: () => completed,
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** An event written to the outbox in its own transaction, as a cause would write it. */
export async function recordOutboxEvent(
  hub: TestHub,
  onCase: Case,
  options: { audiencePartnerId?: string; summary?: string; kind?: HubEventKind } = {},
): Promise<HubEvent> {
  return hub.em().transactional(async (em) =>
    recordEvent(em as never, {
      kind: options.kind ?? HubEventKind.POSSIBLE_BREACH,
      caseId: onCase.id,
      summary: options.summary ?? `Possible breach on case ${onCase.reference}`,
      subjectIds: { incidentIds: ['00000000-0000-4000-8000-00000000000a'] },
      audiencePartnerId: options.audiencePartnerId,
    }),
  );
}
