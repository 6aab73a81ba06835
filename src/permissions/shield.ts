import type { GraphQLSchema } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import { deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { HubContext } from '../context';
import { HubError, withoutStackTrace } from '../errors';
import { allows, dependsOnViewerOnly, ownershipOf } from './decide';
import type { FieldPolicy } from './grant';
import { policy } from './policy';
import { fieldsNeedingNoCheck } from './reach';

const forbiddenField = (key: string) =>
  withoutStackTrace(
    () => new HubError('FORBIDDEN', `Your partner and role may not read ${key}`, { field: key }),
  );

function fieldRule(key: string, fieldPolicy: FieldPolicy) {
  const viewerOnly = dependsOnViewerOnly(fieldPolicy);
  // 'no_cache': answers about partner records depend on the row, and hashing ORM entities is slow.
  return rule(key, { cache: 'no_cache' })(async (parent, _args, ctx: HubContext) => {
    if (viewerOnly) {
      let allowed = ctx.decisions.get(key);
      if (allowed === undefined) {
        allowed = await allows(fieldPolicy, { viewer: ctx.viewer });
        ctx.decisions.set(key, allowed);
      }
      return allowed || forbiddenField(key);
    }
    const allowed = await allows(fieldPolicy, {
      viewer: ctx.viewer,
      ownership: ownershipOf(parent),
      liveBases: ctx.loaders.liveBasesByPerson,
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

/**
 * The shield's wrappers for this schema, less those on fields whose check could never refuse
 * (`reach.ts`): the same answers and refusals, without a promise and rule call per value.
 */
export function permissionWrappers(schema: GraphQLSchema): IMiddlewareTypeMap {
  const wrappers = permissions().generate(schema) as Record<string, Record<string, unknown>>;
  const unchecked = fieldsNeedingNoCheck(schema);
  return Object.fromEntries(
    Object.entries(wrappers).map(([typeName, fields]) => [
      typeName,
      Object.fromEntries(
        Object.entries(fields).filter(([field]) => !unchecked.has(`${typeName}.${field}`)),
      ),
    ]),
  ) as IMiddlewareTypeMap;
}
