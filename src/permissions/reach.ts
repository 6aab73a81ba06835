import {
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isObjectType,
} from 'graphql';
import type { Viewer } from '../auth/viewer';
import { PartnerKind } from '../partners/partner-kind.enum';
import { Role } from '../users/role.enum';
import { dependsOnViewerOnly, grantMatchesViewer } from './decide';
import type { FieldPolicy } from './grant';
import { policy } from './policy';

/** A partner kind and role: everything a viewer-only grant looks at. */
type ViewerClass = Pick<Viewer, 'partnerKind' | 'role'>;

const VIEWER_CLASSES: ViewerClass[] = Object.values(PartnerKind).flatMap((partnerKind) =>
  Object.values(Role).map((role) => ({ partnerKind, role })),
);

const fieldPolicy = (typeName: string, field: string): FieldPolicy =>
  policy[typeName]?.fields[field] ?? [];

/** Could this class ever read some row of the field (any grant, owner and basis ones included)? */
const mayPass = (entry: FieldPolicy, viewer: ViewerClass) =>
  entry.some((grant) => grantMatchesViewer(grant, viewer as Viewer));

function objectTypesOf(schema: GraphQLSchema, type: GraphQLNamedType): GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return [...schema.getPossibleTypes(type)];
  return [];
}

/**
 * Which viewer classes can ever hold an object of each type: an object is only ever the answer to
 * a field, so a class reaches a type through a field it may read on a type it reaches, starting
 * from the root types. Over-approximated: a field with owner or basis grants counts as passable.
 */
export function reachableTypes(schema: GraphQLSchema): Map<string, Set<ViewerClass>> {
  const reach = new Map<string, Set<ViewerClass>>();
  const pending: GraphQLObjectType[] = [];
  const add = (type: GraphQLObjectType, classes: Iterable<ViewerClass>) => {
    const known = reach.get(type.name) ?? new Set<ViewerClass>();
    const before = known.size;
    for (const viewerClass of classes) known.add(viewerClass);
    reach.set(type.name, known);
    if (known.size > before) pending.push(type);
  };
  for (const root of [
    schema.getQueryType(),
    schema.getMutationType(),
    schema.getSubscriptionType(),
  ])
    if (root) add(root, VIEWER_CLASSES);
  while (pending.length > 0) {
    const type = pending.pop()!;
    const classes = [...reach.get(type.name)!];
    for (const [field, definition] of Object.entries(type.getFields())) {
      const entry = fieldPolicy(type.name, field);
      const passing = classes.filter((viewerClass) => mayPass(entry, viewerClass));
      if (passing.length === 0) continue;
      for (const target of objectTypesOf(schema, getNamedType(definition.type)))
        add(target, passing);
    }
  }
  return reach;
}

/**
 * Fields whose check could never refuse: their grants look only at the viewer, and every class
 * that can reach their type holds one. Such a field needs no permission wrapper, which saves the
 * per-field promise and rule call on every value of a large answer. Any field with an owner or
 * basis grant, with no policy entry, or on an unreachable type keeps its check.
 */
export function fieldsNeedingNoCheck(schema: GraphQLSchema): Set<string> {
  const reach = reachableTypes(schema);
  const unchecked = new Set<string>();
  for (const [typeName, classes] of reach) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const field of Object.keys(type.getFields())) {
      const entry = policy[typeName]?.fields[field];
      if (!entry || entry.length === 0 || !dependsOnViewerOnly(entry)) continue;
      if ([...classes].every((viewerClass) => mayPass(entry, viewerClass)))
        unchecked.add(`${typeName}.${field}`);
    }
  }
  return unchecked;
}
