import type { ApolloServerPlugin } from '@apollo/server';
import type { ExecutionResult } from 'graphql';
import { Kind } from 'graphql';
import type { HubContext } from '../context';
import { HubError } from '../errors';

const auditFailure = (ctx: HubContext) =>
  new HubError(
    'AUDIT_UNAVAILABLE',
    'The audit of this request could not be written, so no personal data is sent. Try again later, quoting the request id.',
    { requestId: ctx.requestId },
  );

/**
 * Writes each request's reads of personal data in one INSERT before the answer leaves the hub,
 * and fails closed: when the audit cannot be written the client gets `AUDIT_UNAVAILABLE`, HTTP
 * 503 and `data: null`, never the data it asked for.
 */
export const auditPlugin: ApolloServerPlugin<HubContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        contextValue.audit.operation = (operation?.selectionSet.selections ?? [])
          .map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : '…'))
          .join(',');
      },
      async willSendResponse({ contextValue, response }) {
        if (!contextValue?.audit) return;
        try {
          await contextValue.audit.flushReads(contextValue.em);
        } catch {
          if (response.body.kind === 'single') {
            response.body.singleResult.data = null;
            const error = auditFailure(contextValue);
            response.body.singleResult.errors = [
              { message: error.message, extensions: error.extensions },
            ];
          } else {
            // Incremental delivery is not enabled on the hub; should it be, refuse the whole answer.
            throw new HubError('AUDIT_UNAVAILABLE', 'The audit could not be written');
          }
          response.http.status = 503;
        }
      },
    };
  },
};

/**
 * The same for each event of a subscription (graphql-ws): the reads of one event are written
 * before it is sent, and an event whose audit fails is replaced by the error alone.
 */
export async function auditSubscriptionEvent(
  ctx: HubContext | undefined,
  result: ExecutionResult,
): Promise<ExecutionResult> {
  if (!ctx?.audit) return result;
  try {
    await ctx.audit.flushReads(ctx.em);
    return result;
  } catch {
    return { data: null, errors: [auditFailure(ctx)] };
  }
}
