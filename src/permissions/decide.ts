import type { Viewer } from '../auth/viewer';
import { SharingBasisKind } from '../sharing/sharing-basis-kind.enum';
import type { FieldPolicy, Grant } from './grant';

/** The owner and subject of a partner record, which owner- and basis-grants are about. */
export interface Ownership {
  ownerPartnerId: string;
  personId: string;
  /**
   * The case the record is read through (the person seen through that case), when the path has
   * one. A basis releases only on the case it was recorded for.
   */
  caseId?: string;
  /**
   * Data shared under one named basis (an OSARA answer's note): only that basis releases it,
   * not any other the owner recorded for the person.
   */
  basisId?: string;
}

/** A sharing basis in force: recorded, not withdrawn, not expired. */
export interface LiveBasis {
  id: string;
  personId: string;
  ownerPartnerId: string;
  /** The case it was recorded for. */
  caseId: string;
  /** The partners it names, fixed when it was recorded. */
  recipientPartnerIds: readonly string[];
  kind: SharingBasisKind;
}

export interface DecisionInput {
  viewer: Viewer;
  /** The partner record being read, for owner- and basis-grants. */
  ownership?: Ownership;
  /** The live bases for `ownership.personId`. */
  liveBases?: (personId: string) => Promise<LiveBasis[]>;
  /**
   * Without case context (the person reached by id, or through an incident): the cases of the
   * person the viewer's partner takes part in. A basis then releases only when its case is one of
   * them, so no path shows more than some case path would; without this either, nothing is.
   */
  viewerCasesOf?: (personId: string) => Promise<readonly string[]>;
}

export function grantMatchesViewer(grant: Grant, viewer: Viewer): boolean {
  return (
    (grant.partners === 'ALL' || grant.partners.includes(viewer.partnerKind)) &&
    grant.roles.includes(viewer.role)
  );
}

/** True when the answer depends on who asks only, not on which row: it can be cached per request. */
export function dependsOnViewerOnly(policy: FieldPolicy): boolean {
  return policy.every((grant) => !grant.owner && !grant.basis);
}

/** Could any row of this field ever be readable by this viewer? */
export function mayEverRead(policy: FieldPolicy, viewer: Viewer): boolean {
  return policy.some((grant) => grantMatchesViewer(grant, viewer));
}

export async function allows(policy: FieldPolicy, input: DecisionInput): Promise<boolean> {
  const { viewer, ownership } = input;
  for (const grant of policy) {
    if (!grantMatchesViewer(grant, viewer)) continue;
    if (!grant.owner && !grant.basis) return true;
    // Owner- and basis-grants are about a record; without one they grant nothing.
    if (!ownership) continue;
    if (grant.owner && ownership.ownerPartnerId === viewer.partnerId) return true;
    if (grant.basis && input.liveBases) {
      const bases = await input.liveBases(ownership.personId);
      const viewerCases =
        ownership.caseId !== undefined
          ? [ownership.caseId]
          : ((await input.viewerCasesOf?.(ownership.personId)) ?? []);
      const released = bases.some(
        (basis) =>
          basis.ownerPartnerId === ownership.ownerPartnerId &&
          (ownership.basisId === undefined || basis.id === ownership.basisId) &&
          basis.recipientPartnerIds.includes(viewer.partnerId) &&
          viewerCases.includes(basis.caseId) &&
          grant.basis!.includes(basis.kind),
      );
      if (released) return true;
    }
  }
  return false;
}

/**
 * The ownership of a row that has `ownerPartner` and `person` references (partner records), and
 * an `onlyUnderBasis` reference when only that basis releases it (an OSARA answer's note).
 */
export function ownershipOf(row: unknown): Ownership | undefined {
  const candidate = row as {
    ownerPartner?: { id: string };
    person?: { id: string };
    onlyUnderBasis?: { id: string };
    [SEEN_THROUGH_CASE]?: string;
  } | null;
  if (!candidate?.ownerPartner?.id || !candidate.person?.id) return undefined;
  const caseId = candidate[SEEN_THROUGH_CASE];
  const basisId = candidate.onlyUnderBasis?.id;
  return {
    ownerPartnerId: candidate.ownerPartner.id,
    personId: candidate.person.id,
    ...(caseId ? { caseId } : {}),
    ...(basisId ? { basisId } : {}),
  };
}

/** Where a person or partner record read through a case carries that case's id. */
export const SEEN_THROUGH_CASE = Symbol('seenThroughCase');

/**
 * The object as seen through a case: the same object underneath (its prototype), carrying the
 * case's id. One person is one object in a request however many cases reach it, so the case
 * cannot be set on it; each path gets its own view.
 */
export function seenThroughCase<T extends object>(row: T, caseId: string): T {
  return Object.create(row, { [SEEN_THROUGH_CASE]: { value: caseId } }) as T;
}

/** The case a person or record was reached through, if any. */
export function caseSeenThrough(row: unknown): string | undefined {
  return (row as { [SEEN_THROUGH_CASE]?: string } | null)?.[SEEN_THROUGH_CASE];
}
