import type { ApolloServerPlugin } from '@apollo/server';
import { DATABASE_RETRY_AFTER_SECONDS } from '../db/database-unavailable';

/**
 * An answer that could not reach the database is HTTP 503 with Retry-After, as a proxy or a
 * client's retry policy expects, not a 200 with errors or a 500 (format-error.ts gives the code).
 */
export const databaseUnavailablePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const unavailable = response.body.singleResult.errors?.some(
          (error) => error.extensions?.code === 'DATABASE_UNAVAILABLE',
        );
        if (!unavailable) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      },
    };
  },
};
