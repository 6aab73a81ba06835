import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';

/**
 * An inline typed operation, for tests whose shapes are small enough to state beside them.
 * (Longer operations live in test/operations and get their types from codegen.)
 */
export function gql<R, V = Record<string, never>>(source: string): TypedDocumentNode<R, V> {
  return parse(source) as TypedDocumentNode<R, V>;
}
