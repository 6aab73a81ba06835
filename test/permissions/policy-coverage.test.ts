import fs from 'node:fs';
import path from 'node:path';
import {
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLObjectType,
} from 'graphql';
import { mayEverRead } from '../../src/permissions/decide';
import { type FieldPolicy } from '../../src/permissions/grant';
import { renderPermissionsDoc } from '../../src/permissions/permissions-doc';
import { AGGREGATE_TYPES, NO_PERSONAL_DATA_ROLES, policy } from '../../src/permissions/policy';
import { buildBareSchema } from '../../src/schema';
import { PartnerKind } from '../../src/partners/partner-kind.enum';
import { Role } from '../../src/users/role.enum';

const schema = buildBareSchema();
const objectTypes = Object.values(schema.getTypeMap()).filter(
  (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'),
);

/** Every viewer the policy can be asked about. */
const viewers = Object.values(PartnerKind).flatMap((partnerKind) =>
  Object.values(Role).map((role) => ({
    partnerKind,
    role,
    partnerId: 'p',
    userId: 'u',
    username: 'u',
    displayName: 'u',
  })),
);
const readers = (fieldPolicy: FieldPolicy) =>
  viewers.filter((viewer) => mayEverRead(fieldPolicy, viewer));

describe('the permission policy', () => {
  it('has an entry for every field of every type in the schema', () => {
    const missing = objectTypes.flatMap((type) =>
      Object.keys(type.getFields())
        .filter((field) => !policy[type.name]?.fields[field])
        .map((field) => `${type.name}.${field}`),
    );
    expect(missing).toEqual([]);
  });

  it('names no type or field the schema does not have, so a renamed field cannot keep a stale rule', () => {
    const stale = Object.entries(policy).flatMap(([typeName, typePolicy]) => {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) return [typeName];
      return Object.keys(typePolicy.fields)
        .filter((field) => !type.getFields()[field])
        .map((field) => `${typeName}.${field}`);
    });
    expect(stale).toEqual([]);
  });

  it('makes every field nullable that some reader of its type may not read, so a refusal cannot blank its parent', () => {
    const unsafe = objectTypes.flatMap((type) => {
      const typePolicy = policy[type.name];
      const typeReaders = new Set(
        Object.values(typePolicy.fields).flatMap((fieldPolicy) =>
          readers(fieldPolicy).map((v) => `${v.partnerKind}/${v.role}`),
        ),
      );
      return Object.entries(type.getFields())
        .filter(([name, field]) => {
          const fieldPolicy = typePolicy.fields[name];
          const narrower =
            readers(fieldPolicy).length < typeReaders.size ||
            fieldPolicy.some((grant) => grant.owner || grant.basis);
          return narrower && isNonNullType(field.type);
        })
        .map(([name]) => `${type.name}.${name}`);
    });
    expect(unsafe).toEqual([]);
  });

  it('grants administrators and BI service accounts nothing about people, incidents, cases or records', () => {
    const personalTypes = objectTypes
      .map((type) => type.name)
      .filter(
        (name) =>
          ![
            'Query',
            'Mutation',
            'Me',
            'Partner',
            // Onboarding: the hub's staff directory and how tokens map to partners, which
            // administrators manage; no one in a case (docs/operations.md "Onboarding a partnership").
            'PartnerIdentity',
            'UserAccount',
            // The audit of that directory's changes: who changed which partner or user, field
            // names only (test/audit/onboarding-audit.test.ts).
            'OnboardingChange',
            'OnboardingChangeEdge',
            'OnboardingChangeConnection',
            'PageInfo',
            'AreaConfiguration',
            'BankHoliday',
            'ConfigurationChange',
            // Letter wording and its change history: configuration, no personal data.
            'LetterTemplate',
            'LetterTemplateChange',
            // Administrators preview against sample values only: previewLetter refuses them an
            // intervention (test/documents/letter-templates.test.ts).
            'LetterPreview',
            // Aggregates: counts with small numbers suppressed, no person, address or case
            // (test/aggregates/aggregate-access.test.ts walks them).
            ...AGGREGATE_TYPES,
          ].includes(name),
      );
    const granted = personalTypes.flatMap((typeName) =>
      Object.entries(policy[typeName].fields)
        .filter(([, fieldPolicy]) =>
          fieldPolicy.some((grant) =>
            grant.roles.some((role) => NO_PERSONAL_DATA_ROLES.includes(role)),
          ),
        )
        .map(([field]) => `${typeName}.${field}`),
    );
    expect(granted).toEqual([]);
  });

  it('keeps clinical notes, treatment detail, police intelligence and housing officer notes with their owner', () => {
    for (const [typeName, field] of [
      ['MentalHealthRecord', 'clinicalNotes'],
      ['DrugAlcoholRecord', 'treatmentDetail'],
      ['PoliceRecord', 'intelligence'],
      ['HousingRecord', 'officerNotes'],
    ]) {
      const fieldPolicy = policy[typeName].fields[field];
      expect(fieldPolicy.length).toBeGreaterThan(0);
      expect(fieldPolicy.every((grant) => grant.owner && !grant.basis)).toBe(true);
    }
  });

  it('lists of partner records say which rows may be known to exist', () => {
    const recordTypes = [
      'PoliceRecord',
      'HousingRecord',
      'MentalHealthRecord',
      'DrugAlcoholRecord',
    ];
    for (const typeName of recordTypes) expect(policy[typeName].rows?.length).toBeGreaterThan(0);
    // And every list field in the schema that returns a record type is one whose resolver applies `rows`.
    const recordLists = objectTypes.flatMap((type) =>
      Object.entries(type.getFields())
        .filter(
          ([, field]) =>
            isListType(getNullableType(field.type)) &&
            recordTypes.includes(getNamedType(field.type).name),
        )
        .map(([name]) => `${type.name}.${name}`),
    );
    expect(recordLists.sort()).toEqual([
      'OsaraPartnerRequest.drugAlcoholRecords',
      'OsaraPartnerRequest.housingRecords',
      'OsaraPartnerRequest.mentalHealthRecords',
      'OsaraPartnerRequest.policeRecords',
      'Person.drugAlcoholRecords',
      'Person.housingRecords',
      'Person.mentalHealthRecords',
      'Person.policeRecords',
    ]);
  });
});

describe('docs/permissions.md, the sharing schedule', () => {
  it('is the policy as printed by `npm run permissions:doc`', () => {
    const onDisk = fs.readFileSync(path.resolve(__dirname, '../../docs/permissions.md'), 'utf8');
    expect(onDisk).toBe(renderPermissionsDoc());
  });
});
