import { PartnerKind } from '../partners/partner-kind.enum';
import { SharingBasisKind } from '../sharing/sharing-basis-kind.enum';
import { Role } from '../users/role.enum';

/**
 * One way to be allowed to read a field. A field is readable when any of its grants matches;
 * a field with no grants is readable by nobody.
 */
export interface Grant {
  /** Which kinds of partner; 'ALL' for every partner taking part. */
  partners: readonly PartnerKind[] | 'ALL';
  roles: readonly Role[];
  /** Only members of the partner that owns the record. */
  owner?: true;
  /**
   * Members of other partners read it only while the owner has recorded one of these sharing
   * bases for the person naming their partner, and the record is read through the case the basis
   * was recorded for (see `allows`).
   */
  basis?: readonly SharingBasisKind[];
}

/** A field's grants; `freeText` marks text a person wrote (see `freeText`). */
export type FieldPolicy = readonly Grant[] & { readonly freeText?: true };

export interface TypePolicy {
  description: string;
  /**
   * For partner records: who may learn that such a record exists at all. Rows failing it are
   * left out of lists, never returned with blanked fields, because existence itself can be
   * sensitive (a mental health record means "known to services").
   */
  rows?: FieldPolicy;
  fields: Record<string, FieldPolicy>;
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);
/** Frontline casework: practitioners and their supervisors. */
export const CASEWORK: readonly Role[] = [Role.PRACTITIONER, Role.SUPERVISOR];
/** Those who read a whole case: casework plus the legal team preparing evidence files. */
export const CASE_READERS: readonly Role[] = [Role.PRACTITIONER, Role.SUPERVISOR, Role.LEGAL];
/** Case readers plus analysts, for facts that name nobody. */
export const CASE_ANALYSIS: readonly Role[] = [...CASE_READERS, Role.ANALYST];

/** Anyone signed in, whatever their partner. */
export const anyone = (): FieldPolicy => [{ partners: 'ALL', roles: ALL_ROLES }];
/**
 * Members of any partner, in these roles. On case-scoped types that means any partner taking
 * part in the case: row scoping has already kept out every other case.
 */
export const anyPartnerIn = (roles: readonly Role[]): FieldPolicy => [{ partners: 'ALL', roles }];
/** Only the partner that owns the record, in these roles. */
export const ownerOnly = (roles: readonly Role[]): FieldPolicy => [
  { partners: 'ALL', roles, owner: true },
];
/** The owner, and other partners on the case once the owner records one of these bases. */
export const ownerOrReleased = (
  roles: readonly Role[],
  basis: readonly SharingBasisKind[],
): FieldPolicy => [
  { partners: 'ALL', roles, owner: true },
  { partners: 'ALL', roles, basis },
];
export const nobody = (): FieldPolicy => [];

/** Roles that see no one's identity: analysts, BI service accounts, administrators. */
export const NO_IDENTITY_ROLES: readonly Role[] = [
  Role.ANALYST,
  Role.BI_SERVICE,
  Role.ADMINISTRATOR,
];

/**
 * Free text a person wrote on case data (descriptions, notes, summaries, outcomes, minutes, OSARA
 * content, terms): in practice it names people and their health, so it is personal data. Marked,
 * so the audit notes every read of it (src/audit/personal-data.ts) and the schedule says so; and
 * its grants never reach a role that sees no identities, whatever they name.
 */
export const freeText = (grants: FieldPolicy): FieldPolicy =>
  Object.assign(
    grants
      .map((grant) => ({
        ...grant,
        roles: grant.roles.filter((role) => !NO_IDENTITY_ROLES.includes(role)),
      }))
      .filter((grant) => grant.roles.length > 0),
    { freeText: true as const },
  );

/** A policy for a type every one of whose fields has the same rule. */
export function sameForAll(fields: readonly string[], policy: FieldPolicy) {
  return Object.fromEntries(fields.map((field) => [field, policy]));
}
