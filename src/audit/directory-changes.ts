import { registerEnumType } from 'type-graphql';

/*
 * The staff directory (issue 16, docs/operations.md "Onboarding a partnership"): partners, the
 * identity-provider claims that map tokens to them, and their users. Every change to it is a write
 * the write audit records (src/audit/write-audit.ts); this file says which audited records belong
 * to the directory and which partner each concerns, so that administrators can follow onboarding
 * (`onboardingChanges`) without reading the rest of the audit, which is about case data.
 */

/** A record of the staff directory, as the onboarding changes name it. */
export enum DirectoryRecord {
  PARTNER = 'PARTNER',
  PARTNER_IDENTITY = 'PARTNER_IDENTITY',
  USER = 'USER',
}

registerEnumType(DirectoryRecord, {
  name: 'DirectoryRecord',
  description: 'A record of the staff directory: a partner, an identity claim of one, a user.',
});

interface DirectoryEntity {
  record: DirectoryRecord;
  /** The partner a change to this entity concerns. */
  partnerOf(entity: Record<string, any>, subjectId: string): string | null;
}

const partnerReference = (entity: Record<string, any>) => entity.partner?.id ?? null;

/** By the audit's subject type (the entity's name). */
export const DIRECTORY_ENTITIES: Readonly<Record<string, DirectoryEntity>> = {
  Partner: { record: DirectoryRecord.PARTNER, partnerOf: (_entity, subjectId) => subjectId },
  PartnerIdentity: { record: DirectoryRecord.PARTNER_IDENTITY, partnerOf: partnerReference },
  User: { record: DirectoryRecord.USER, partnerOf: partnerReference },
};

/** The subject type the audit gives each directory record. */
export const SUBJECT_TYPE_OF: Readonly<Record<DirectoryRecord, string>> = Object.fromEntries(
  Object.entries(DIRECTORY_ENTITIES).map(([subjectType, { record }]) => [record, subjectType]),
) as Record<DirectoryRecord, string>;

/**
 * Fields the audit names by the entity's property and the API by another name: a user's
 * `username` is the `subject` administrators give `createUser`.
 */
const API_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  User: { username: 'subject' },
};

/** The fields of an audited directory change, as the API names them. */
export const apiFieldNames = (subjectType: string, fields: readonly string[]) =>
  fields.map((field) => API_NAMES[subjectType]?.[field] ?? field);
