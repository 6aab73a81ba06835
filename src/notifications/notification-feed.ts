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

/** Asked before each event is handed to a subscriber: may its listener still hear it? */
export interface DeliveryGate {
  admit(): Promise<boolean>;
}

interface Subscriber {
  partnerId: string;
  queue: PublishedEvent[];
  wake?: () => void;
  ended: boolean;
  gate?: DeliveryGate;
}

/**
 * The live subscribers of one hub process. The dispatcher publishes each event once; each
 * subscriber receives it only when its partner is among the event's recipients, and, when its
 * connection has a gate, only while the gate admits it.
 */
export class NotificationFeed {
  constructor(
    private readonly subscribers = new Set<Subscriber>(),
    private readonly gate?: DeliveryGate,
  ) {}

  /**
   * The same feed, for one connection's subscriptions: each event is handed over only after
   * `gate` admits it, and a refusal ends the subscription.
   */
  forListener(gate: DeliveryGate | undefined): NotificationFeed {
    return new NotificationFeed(this.subscribers, gate);
  }

  get size() {
    return this.subscribers.size;
  }

  subscribe(partnerId: string): AsyncIterableIterator<PublishedEvent> {
    const subscriber: Subscriber = { partnerId, queue: [], ended: false, gate: this.gate };
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
        if (value && subscriber.gate && !(await subscriber.gate.admit())) {
          end();
          subscriber.queue = [];
          return { value: undefined, done: true };
        }
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
