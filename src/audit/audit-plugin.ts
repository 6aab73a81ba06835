import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import { Kind } from 'graphql';
import type { HubContext } from '../context';
import { HubError } from '../errors';

const auditFailure = (ctx: HubContext) =>
  new HubError(
    'AUDIT_UNAVAILABLE',
    'The audit of this request could not be written, so no personal data is sent. Try again later, quoting the request id.',
    { requestId: ctx.requestId },
  );

/** How the audit of an answer ended: written, or failed with the answer it withheld. */
export interface AuditOutcome {
  audited: boolean;
  /** The answer as it was before AUDIT_UNAVAILABLE replaced it. */
  withheld?: FormattedExecutionResult;
}

const outcomes = new WeakMap<HubContext, Promise<AuditOutcome>>();

/**
 * The outcome of the audit of this request's answer, for a plugin listed after `auditPlugin`
 * (the idempotency plugin stores an answer only once it knows whether it was sent): Apollo starts
 * every plugin's willSendResponse at once, in the plugins' order, and this one registers its
 * outcome before its first `await`. Undefined when the audit plugin has not started.
 */
export const auditOutcome = (ctx: HubContext) => outcomes.get(ctx);

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
      willSendResponse({ contextValue, response }) {
        if (!contextValue?.audit) return Promise.resolve();
        const outcome = auditAnswer(contextValue, response);
        outcomes.set(contextValue, outcome);
        return outcome.then(() => undefined);
      },
    };
  },
};

/** Writes the answer's reads; when they cannot be written, replaces the answer with the refusal. */
async function auditAnswer(
  contextValue: HubContext,
  response: GraphQLRequestContextWillSendResponse<HubContext>['response'],
): Promise<AuditOutcome> {
  try {
    await contextValue.audit.flushReads(contextValue.em);
  } catch {
    let withheld: FormattedExecutionResult | undefined;
    if (response.body.kind === 'single') {
      withheld = { ...response.body.singleResult };
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
    return { audited: false, withheld };
  }
  return { audited: true };
}

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
