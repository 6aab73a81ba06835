import type { HubEventKind } from './hub-event-kind.enum';

/** An outbox event as delivered live, with the partners that may hear of it at delivery time. */
export interface PublishedEvent {
  id: string;
  kind: HubEventKind;
  occurredAt: Date;
  caseId: string;
  audiencePartnerId: string | null;
  summary: string;
  subjectIds: Record<string, string | string[]>;
  /** Partners on the case when delivered, narrowed to the audience partner when one is named. */
  recipientPartnerIds: string[];
}

/** A subscriber that falls this far behind is disconnected; it can catch up with `notifications`. */
const MAX_QUEUED = 1000;

interface Subscriber {
  partnerId: string;
  queue: PublishedEvent[];
  wake?: () => void;
  ended: boolean;
}

/**
 * The live subscribers of one hub process. The dispatcher publishes each event once; each
 * subscriber receives it only when its partner is among the event's recipients.
 */
export class NotificationFeed {
  private readonly subscribers = new Set<Subscriber>();

  get size() {
    return this.subscribers.size;
  }

  subscribe(partnerId: string): AsyncIterableIterator<PublishedEvent> {
    const subscriber: Subscriber = { partnerId, queue: [], ended: false };
    this.subscribers.add(subscriber);
    const end = () => {
      subscriber.ended = true;
      this.subscribers.delete(subscriber);
      subscriber.wake?.();
    };
    const iterator: AsyncIterableIterator<PublishedEvent> = {
      next: async () => {
        while (!subscriber.ended && subscriber.queue.length === 0) {
          await new Promise<void>((resolve) => (subscriber.wake = resolve));
          subscriber.wake = undefined;
        }
        const value = subscriber.queue.shift();
        return value ? { value, done: false } : { value: undefined, done: true };
      },
      return: async () => {
        end();
        subscriber.queue = [];
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  publish(events: PublishedEvent[]) {
    for (const subscriber of this.subscribers) {
      for (const event of events) {
        if (!event.recipientPartnerIds.includes(subscriber.partnerId)) continue;
        subscriber.queue.push(event);
        if (subscriber.queue.length > MAX_QUEUED) {
          subscriber.queue = [];
          subscriber.ended = true;
          this.subscribers.delete(subscriber);
          break;
        }
      }
      subscriber.wake?.();
    }
  }

  /** Ends every subscription: the hub is stopping. */
  close() {
    for (const subscriber of [...this.subscribers]) {
      subscriber.ended = true;
      this.subscribers.delete(subscriber);
      subscriber.wake?.();
    }
  }
}
