import type { GraphQLSchema } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import { deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { HubContext } from '../context';
import { HubError, withoutStackTrace } from '../errors';
import { allows, dependsOnViewerOnly, mayEverRead, ownershipOf } from './decide';
import type { FieldPolicy } from './grant';
import { policy } from './policy';
import { fieldsNeedingNoCheck } from './reach';
import { basisLookups } from './record-rows';

const forbiddenField = (key: string) =>
  withoutStackTrace(
    () => new HubError('FORBIDDEN', `Your partner and role may not read ${key}`, { field: key }),
  );

/**
 * The shield rule of one field. Served only for fields whose answer depends on the row (see
 * `permissionWrappers`); a viewer-only policy gives the same answer here, without a row.
 */
function fieldRule(key: string, fieldPolicy: FieldPolicy) {
  // 'no_cache': answers about partner records depend on the row, and hashing ORM entities is slow.
  return rule(key, { cache: 'no_cache' })(async (parent, _args, ctx: HubContext) => {
    const allowed = await allows(fieldPolicy, {
      viewer: ctx.viewer,
      ownership: ownershipOf(parent),
      ...basisLookups(ctx),
    });
    return allowed || forbiddenField(key);
  });
}

/** The rule tree, built from the policy: one rule per field, nothing else. */
export function ruleTree(): IRules {
  return Object.fromEntries(
    Object.entries(policy).map(([typeName, typePolicy]) => [
      typeName,
      Object.fromEntries(
        Object.entries(typePolicy.fields).map(([field, fieldPolicy]) => [
          field,
          fieldRule(`${typeName}.${field}`, fieldPolicy),
        ]),
      ),
    ]),
  );
}

/**
 * graphql-shield applying the policy. It fails closed: a field with no policy entry is denied
 * (its own default is to allow), and resolver errors keep their codes (its default would turn
 * every one into "Not Authorised!").
 */
export function permissions() {
  return shield(ruleTree(), {
    fallbackRule: deny,
    allowExternalErrors: true,
    debug: false,
    fallbackError: (_error, _parent, _args, _ctx, info) =>
      forbiddenField(`${info.parentType.name}.${info.fieldName}`),
  });
}

/** A field check that looks only at who asks: the same answer for every value in the request. */
function viewerOnlyCheck(key: string, fieldPolicy: FieldPolicy) {
  return (
    resolve: (parent: unknown, args: unknown, ctx: HubContext, info: unknown) => unknown,
    parent: unknown,
    args: unknown,
    ctx: HubContext,
    info: unknown,
  ) => {
    let allowed = ctx.decisions.get(key);
    if (allowed === undefined) {
      allowed = mayEverRead(fieldPolicy, ctx.viewer);
      ctx.decisions.set(key, allowed);
    }
    return allowed ? resolve(parent, args, ctx, info) : forbiddenField(key);
  };
}

/**
 * The policy's wrappers for this schema. graphql-shield's rules guard every field whose answer
 * depends on the row (owner and basis grants) and deny every field the policy does not name. A
 * field whose grants look only at the viewer gets the same decision as a synchronous lookup,
 * remembered for the request, instead of shield's promise and rule call per value; and a field
 * whose check could never refuse (`reach.ts`) gets no wrapper at all. Same answers, same refusals.
 */
export function permissionWrappers(schema: GraphQLSchema): IMiddlewareTypeMap {
  const wrappers = permissions().generate(schema) as Record<string, Record<string, unknown>>;
  const unchecked = fieldsNeedingNoCheck(schema);
  return Object.fromEntries(
    Object.entries(wrappers).map(([typeName, fields]) => [
      typeName,
      Object.fromEntries(
        Object.entries(fields)
          .filter(([field]) => !unchecked.has(`${typeName}.${field}`))
          .map(([field, wrapper]) => {
            const fieldPolicy = policy[typeName]?.fields[field];
            return fieldPolicy && dependsOnViewerOnly(fieldPolicy)
              ? [field, viewerOnlyCheck(`${typeName}.${field}`, fieldPolicy)]
              : [field, wrapper];
          }),
      ),
    ]),
  ) as IMiddlewareTypeMap;
}
