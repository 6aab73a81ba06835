import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { storedToken } from './auth';

/**
 * One urql client per sign-in: queries and mutations over HTTP to /graphql with the bearer token,
 * live notifications over graphql-ws on the same path (the token in the connection's first
 * message, as the hub expects).
 */
export function hubClient(): Client {
  const token = storedToken();
  const authorization = token ? `Bearer ${token}` : undefined;
  const ws = createWsClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: authorization ? { authorization } : {},
    lazy: true,
  });
  return new Client({
    url: '/graphql',
    // POST only: GET would put case ids into URLs, and so into access logs and browser history.
    preferGetMethod: false,
    // The hub answers nothing cacheable; a screen always shows what the hub says now.
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
    fetchOptions: () => ({
      headers: {
        ...(authorization ? { authorization } : {}),
        // Apollo's CSRF prevention: a request it can tell is not a simple form post.
        'apollo-require-preflight': 'true',
      },
    }),
  });
}
