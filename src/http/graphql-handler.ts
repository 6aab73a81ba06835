import {
  HeaderMap,
  type ApolloServer,
  type BaseContext,
  type ContextFunction,
  type HTTPGraphQLResponse,
} from '@apollo/server';
import type express from 'express';
import { HubError } from '../errors';
import { errorFields, inRequest, log } from '../log';
import { requestIdOf } from '../observability/access-log';
import type { Admission } from './admission';
import { requestTimedOut, withinTime } from './request-timeout';

type ExpressContextArgs = { req: express.Request; res: express.Response };

/**
 * Apollo on Express, as @as-integrations/express5's `expressMiddleware` does it, with a time
 * limit: a request not answered within `timeoutMs` gets HTTP 503 and REQUEST_TIMEOUT at once,
 * and its late answer is dropped. Operations take their turn through `admission`; when its queue
 * is full the answer is HTTP 503 SERVER_BUSY with Retry-After.
 */
export function graphqlHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: {
    context: ContextFunction<[ExpressContextArgs], TContext>;
    timeoutMs: number;
    exposeLimits: boolean;
    /** How many operations execute at once (src/http/admission.ts). */
    admission: Admission;
    /** With tracing on, runs each operation's execution inside its span (src/observability/tracing.ts). */
    traceOperation?: (work: () => Promise<HTTPGraphQLResponse>) => Promise<HTTPGraphQLResponse>;
  },
): express.RequestHandler {
  // One id per request (the access log's), in scope for everything it does: its context, its log
  // lines, its errors.
  return (req, res) => inRequest(requestIdOf(res), () => answer(req, res));
  async function answer(req: express.Request, res: express.Response) {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url.indexOf('?');
    const started = Date.now();
    let timedOut = false;
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: req.method.toUpperCase(),
          headers,
          search: query === -1 ? '' : req.url.slice(query),
          body: req.body,
        },
        context: () => options.context({ req, res }),
      });
    const trace = options.traceOperation;
    const execution = options.admission.run(async () =>
      // A request whose time ran out while it waited is not started at all.
      timedOut ? undefined : trace ? trace(execute) : execute(),
    );
    let answered;
    try {
      answered = await withinTime(execution, options.timeoutMs);
    } catch (error) {
      if (!(error instanceof HubError && error.extensions.code === 'SERVER_BUSY')) throw error;
      res.status(503).setHeader('retry-after', '1');
      res.json({ errors: [{ message: error.message, extensions: error.extensions }] });
      return;
    }
    // Late however it ended: also when its own statements were refused past the deadline and it
    // finished before the timer could fire.
    if (!answered || Date.now() - started > options.timeoutMs) {
      timedOut = true;
      execution.catch((error) => log.error('timed-out request failed', errorFields(error)));
      const error = requestTimedOut(options.timeoutMs, options.exposeLimits);
      res.status(503).json({ errors: [{ message: error.message, extensions: error.extensions }] });
      return;
    }
    for (const [key, value] of answered.headers) res.setHeader(key, value);
    res.statusCode = answered.status ?? 200;
    if (answered.body.kind === 'complete') {
      res.send(answered.body.string);
      return;
    }
    // Incremental delivery (@defer) is not enabled; kept for completeness.
    for await (const chunk of answered.body.asyncIterator) res.write(chunk);
    res.end();
  }
}
