import type { Viewer } from '../auth/viewer';
import { SharingBasisKind } from '../sharing/sharing-basis-kind.enum';
import type { FieldPolicy, Grant } from './grant';

/** The owner and subject of a partner record, which owner- and basis-grants are about. */
export interface Ownership {
  ownerPartnerId: string;
  personId: string;
}

/** A sharing basis in force: recorded, not withdrawn, not expired. */
export interface LiveBasis {
  personId: string;
  ownerPartnerId: string;
  /** Absent: released to every partner on the person's cases. */
  recipientPartnerId?: string;
  kind: SharingBasisKind;
}

export interface DecisionInput {
  viewer: Viewer;
  /** The partner record being read, for owner- and basis-grants. */
  ownership?: Ownership;
  /** The live bases for `ownership.personId`. */
  liveBases?: (personId: string) => Promise<LiveBasis[]>;
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
      const released = bases.some(
        (basis) =>
          basis.ownerPartnerId === ownership.ownerPartnerId &&
          (basis.recipientPartnerId === undefined ||
            basis.recipientPartnerId === viewer.partnerId) &&
          grant.basis!.includes(basis.kind),
      );
      if (released) return true;
    }
  }
  return false;
}

/** The ownership of a row that has `ownerPartner` and `person` references (partner records). */
export function ownershipOf(row: unknown): Ownership | undefined {
  const candidate = row as { ownerPartner?: { id: string }; person?: { id: string } } | null;
  if (!candidate?.ownerPartner?.id || !candidate.person?.id) return undefined;
  return { ownerPartnerId: candidate.ownerPartner.id, personId: candidate.person.id };
}
