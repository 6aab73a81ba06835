import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { log } from '../log';
import { operationLabel, subscriptionDuration, subscriptionOperations } from './metrics';

/** What a subscription's lines say: ids, names and codes, never the document or its variables. */
interface OperationFacts {
  /** The operation's name as its document gives it; null without one, or when unread. */
  operation: string | null;
  operationType?: string;
  /** The hub's own id of the signed-in user (users.id), never a name. */
  userId: string;
}

interface Open extends OperationFacts {
  requestId: string;
  started: number;
  /** The first error's code the operation sent, if any (FORBIDDEN, ...). */
  code?: string;
}

/**
 * The access log and /metrics for operations over graphql-ws, which do not pass through Express:
 * one line `"message":"subscription"` when an operation is accepted (`event: started`), one when
 * it ends (`event: ended`, with `durationMs`, and `closeCode` when the connection's close ended
 * it), one when it is refused (`event: refused`, with its `code`). Each carries `surface:
 * subscription`, the operation's name and type, the user's id and a request id (the one its audit
 * entries carry). Counted in `hub_subscription_operations_total` and, at the end,
 * `hub_subscription_duration_seconds`.
 */
export class SubscriptionLog {
  /** Each connection's open operations, by the id the client gave them. */
  private readonly connections = new WeakMap<object, Map<string, Open>>();

  /** An operation accepted; returns the request id its context and audit entries use. */
  started(connection: object, id: string, facts: OperationFacts): string {
    const requestId = randomUUID();
    let open = this.connections.get(connection);
    if (!open) this.connections.set(connection, (open = new Map()));
    open.set(id, { ...facts, requestId, started: performance.now() });
    subscriptionOperations.inc({ operation: operationLabel(facts.operation), outcome: 'accepted' });
    log.info('subscription', { event: 'started', ...line(facts), requestId });
    return requestId;
  }

  /** An operation refused before it ran (rate limit, parse, validation). */
  refused(facts: OperationFacts & { code: string }) {
    subscriptionOperations.inc({
      operation: facts.operation === null ? 'unresolved' : operationLabel(facts.operation),
      outcome: 'refused',
    });
    log.info('subscription', { event: 'refused', ...line(facts), code: facts.code });
  }

  /** The request id of an open operation, for its context. */
  requestIdOf(connection: object, id: string): string | undefined {
    return this.connections.get(connection)?.get(id)?.requestId;
  }

  /** An error the operation sent; the first one's code goes on its end line. */
  noteError(connection: object, id: string, code: unknown) {
    const open = this.connections.get(connection)?.get(id);
    if (open && !open.code && typeof code === 'string') open.code = code;
  }

  /**
   * The operation completed: the client's `complete`, or the server's end of it. While the
   * connection is closing this waits for `closed`, which knows the close code.
   */
  completed(connection: object, id: string, connectionOpen: boolean) {
    if (connectionOpen) this.end(connection, id);
  }

  /** The connection closed: each operation still open on it ends with the close code. */
  closed(connection: object, closeCode: number | undefined) {
    for (const id of [...(this.connections.get(connection)?.keys() ?? [])]) {
      this.end(connection, id, closeCode);
    }
    this.connections.delete(connection);
  }

  private end(connection: object, id: string, closeCode?: number) {
    const open = this.connections.get(connection)?.get(id);
    if (!open) return;
    this.connections.get(connection)!.delete(id);
    const durationMs = Math.round((performance.now() - open.started) * 10) / 10;
    subscriptionDuration.observe({ operation: operationLabel(open.operation) }, durationMs / 1000);
    log.info('subscription', {
      event: 'ended',
      ...line(open),
      requestId: open.requestId,
      durationMs,
      ...(closeCode === undefined ? {} : { closeCode }),
      ...(open.code ? { code: open.code } : {}),
    });
  }
}

const line = (facts: OperationFacts) => ({
  surface: 'subscription',
  operation: facts.operation,
  ...(facts.operationType ? { operationType: facts.operationType } : {}),
  userId: facts.userId,
});
