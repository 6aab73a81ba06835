import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** The fields asked for below a resolver, by name, with what is asked for below each. */
export type Selection = ReadonlyMap<string, Selection>;

type Collected = Map<string, Collected>;

/**
 * What the operation asks for below the field being resolved: aliases and fragments merged, by
 * field name. `@skip` and `@include` are not evaluated, so a field they leave out still counts:
 * the answer is what a resolver may need to fetch, and fetching too much is only slower.
 */
export function selectionOf(info: GraphQLResolveInfo): Selection {
  const root: Collected = new Map();
  const collect = (into: Collected, set: SelectionSetNode | undefined) => {
    for (const node of set?.selections ?? []) {
      if (node.kind === 'Field') {
        const name = node.name.value;
        let below = into.get(name);
        if (!below) into.set(name, (below = new Map()));
        collect(below, node.selectionSet);
      } else if (node.kind === 'InlineFragment') {
        collect(into, node.selectionSet);
      } else {
        collect(into, info.fragments[node.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) collect(root, node.selectionSet);
  return root;
}

/** True when `path` (field names, one per level) is asked for below `selection`. */
export function selects(selection: Selection | undefined, ...path: string[]): boolean {
  let at = selection;
  for (const field of path) {
    at = at?.get(field);
    if (!at) return false;
  }
  return true;
}
