import { getNamedType, isAbstractType, isObjectType, type GraphQLObjectType } from 'graphql';
import type { Viewer } from '../../src/auth/viewer';
import { grantMatchesViewer } from '../../src/permissions/decide';
import { policy } from '../../src/permissions/policy';
import { fieldsNeedingNoCheck } from '../../src/permissions/reach';
import { PartnerKind } from '../../src/partners/partner-kind.enum';
import { buildBareSchema } from '../../src/schema';
import { Role } from '../../src/users/role.enum';

const schema = buildBareSchema();
const unchecked = fieldsNeedingNoCheck(schema);
const viewers = Object.values(PartnerKind).flatMap((partnerKind) =>
  Object.values(Role).map((role) => ({ partnerKind, role }) as Viewer),
);
const mayPass = (typeName: string, field: string, viewer: Viewer) =>
  (policy[typeName]?.fields[field] ?? []).some((grant) => grantMatchesViewer(grant, viewer));

/** The types one viewer can ever hold, walked path by path from the roots (a second derivation). */
function typesReachedBy(viewer: Viewer): Set<string> {
  const seen = new Set<string>();
  const walk = (type: GraphQLObjectType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    for (const [field, definition] of Object.entries(type.getFields())) {
      if (!mayPass(type.name, field, viewer)) continue;
      const target = getNamedType(definition.type);
      if (isObjectType(target)) walk(target);
      if (isAbstractType(target)) schema.getPossibleTypes(target).forEach(walk);
    }
  };
  for (const root of [
    schema.getQueryType(),
    schema.getMutationType(),
    schema.getSubscriptionType(),
  ])
    if (root) walk(root);
  return seen;
}

describe('fields served without a permission wrapper', () => {
  it('are only fields whose grants look at the viewer alone', () => {
    for (const key of unchecked) {
      const [typeName, field] = key.split('.');
      const entry = policy[typeName]?.fields[field];
      expect(entry?.length).toBeGreaterThan(0);
      expect(entry!.every((grant) => !grant.owner && !grant.basis)).toBe(true);
    }
  });

  it('are readable by every partner and role that can reach their type by any path', () => {
    const refusable: string[] = [];
    for (const viewer of viewers) {
      for (const typeName of typesReachedBy(viewer)) {
        for (const field of Object.keys(
          (schema.getType(typeName) as GraphQLObjectType).getFields(),
        ))
          if (unchecked.has(`${typeName}.${field}`) && !mayPass(typeName, field, viewer))
            refusable.push(`${viewer.partnerKind} ${viewer.role}: ${typeName}.${field}`);
      }
    }
    expect(refusable).toEqual([]);
  });

  it('leave every narrower field checked: analysts reach a case but not its summary, and partner records keep theirs', () => {
    expect(unchecked.has('Case.title')).toBe(true);
    expect(unchecked.has('Case.summary')).toBe(false);
    expect(unchecked.has('MentalHealthRecord.clinicalNotes')).toBe(false);
    expect(unchecked.has('AggregateCell.count')).toBe(true);
    console.log(`fields without a permission wrapper: ${unchecked.size}`);
  });
});
