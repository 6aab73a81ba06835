import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, visit } from 'graphql';
import { findUnstorableText, unstorableText } from '../common/storable-text';
import { HubError } from '../errors';

/**
 * The first string in an operation that PostgreSQL cannot store: in its variables, or written
 * into the document itself. Checked once for the whole request, so no String argument or input
 * field anywhere in the schema can carry one to the database.
 */
export function unstorableTextIn(
  document: DocumentNode | undefined,
  variables: Record<string, unknown> | undefined | null,
): HubError | null {
  const inVariables = findUnstorableText(variables ?? {}, '');
  if (inVariables) {
    return refusal(`The variable $${inVariables.path} ${inVariables.problem}`, inVariables.path);
  }
  let inDocument: HubError | null = null;
  if (document) {
    visit(document, {
      StringValue(node) {
        const problem = unstorableText(node.value);
        if (problem && !inDocument) inDocument = refusal(`A text in the operation ${problem}`);
      },
    });
  }
  return inDocument;
}

const refusal = (message: string, field?: string) =>
  new HubError('BAD_USER_INPUT', message, {
    ...(field ? { field } : {}),
    http: { status: 400 },
  });

/** Refuses, before anything runs, an operation carrying text the database cannot store. */
export const storableTextPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const refused = unstorableTextIn(document, request.variables);
        if (refused) throw refused;
      },
    };
  },
};
