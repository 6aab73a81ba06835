import type { GraphQLResolveInfo } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import type { HubContext } from '../context';
import { policy } from '../permissions/policy';
import { PERSONAL_DATA } from './personal-data';

/** graphql-middleware's resolver wrapper (its type is not exported). */
type Resolver = (
  resolve: (parent: unknown, args: unknown, ctx: HubContext, info: GraphQLResolveInfo) => unknown,
  parent: unknown,
  args: unknown,
  ctx: HubContext,
  info: GraphQLResolveInfo,
) => unknown;

/**
 * A personal data field: once resolved (the policy let it through), the read is noted. A value
 * already at hand is returned as it is: wrapping every scalar of a large answer in a promise
 * costs more than the audit itself.
 */
const auditedField = (typeName: string, field: string): Resolver => {
  const subjectOf = (parent: object) => PERSONAL_DATA[typeName].subject(parent);
  return (resolve, parent, args, ctx, info) => {
    const note = (value: unknown) => {
      if (parent && typeof parent === 'object')
        ctx.audit?.readField(typeName, field, parent, subjectOf, info.path);
      return value;
    };
    const value = resolve(parent, args, ctx, info);
    return value instanceof Promise ? value.then(note) : note(value);
  };
};

/** Any field of a Case: notes the case, so reads beneath it are audited against it. */
const caseField =
  (inner: Resolver | undefined): Resolver =>
  (resolve, parent, args, ctx, info) => {
    const id = (parent as { id?: string } | null)?.id;
    if (id) ctx.audit?.noteCase(info.path, id);
    return inner ? inner(resolve, parent, args, ctx, info) : resolve(parent, args, ctx, info);
  };

/**
 * The middleware that notes reads of personal data (`personal-data.ts`). Applied inside the
 * permissions: a field the policy refuses never reaches it, so it is never audited as read.
 */
export function auditReads(): IMiddlewareTypeMap {
  const map: Record<string, Record<string, Resolver>> = {};
  for (const [typeName, entry] of Object.entries(PERSONAL_DATA)) {
    map[typeName] = Object.fromEntries(
      entry.fields.map((field) => [field, auditedField(typeName, field)]),
    );
  }
  map.Case = Object.fromEntries(
    Object.keys(policy.Case.fields).map((field) => [field, caseField(map.Case?.[field])]),
  );
  return map as IMiddlewareTypeMap;
}
