import type { Viewer } from '../auth/viewer';
import { allows, mayEverRead, type LiveBasis, type Ownership } from '../permissions/decide';
import type { FieldPolicy } from '../permissions/grant';
import { policy } from '../permissions/policy';
import type { Partner } from '../partners/partner.entity';
import { Role } from '../users/role.enum';

/**
 * Who a meeting pack is for, and the one question the pack asks of the sharing policy: may every
 * one of them read this? The answers come from `allows` over `policy.ts` itself, never from a
 * second copy of the rules. Each audience partner is asked as one of its practitioners (the
 * casework role the pack is for), owner- and basis-grants included; the member asking is always
 * in the audience too, so a pack never shows its requester more than their own role may read.
 */
export class PackAudience {
  readonly viewers: readonly Viewer[];

  constructor(
    readonly partners: readonly Partner[],
    requester: Viewer,
    private readonly liveBases: (personId: string) => Promise<LiveBasis[]>,
  ) {
    this.viewers = [
      ...partners.map(
        (partner): Viewer => ({
          userId: `pack-audience:${partner.id}`,
          username: `pack-audience:${partner.id}`,
          displayName: partner.name,
          partnerId: partner.id,
          partnerKind: partner.kind,
          role: Role.PRACTITIONER,
        }),
      ),
      requester,
    ];
  }

  /** May every viewer in the audience read `Type.field` (of this partner record, if one)? */
  may(coordinate: string, ownership?: Ownership): Promise<boolean> {
    const [typeName, field] = coordinate.split('.');
    return this.allowAll(policy[typeName]?.fields[field] ?? [], ownership);
  }

  /** May every viewer know that this partner record exists at all (the type's `rows`)? */
  mayKnowRecord(typeName: string, ownership: Ownership): Promise<boolean> {
    return this.allowAll(policy[typeName]?.rows ?? [], ownership);
  }

  /** Why something was withheld, naming the rule and the audience, never the content. */
  reason(coordinate: string): string {
    return this.partners.length === 1
      ? `The sharing policy does not release ${coordinate} to ${this.partners[0].name}`
      : `The sharing policy does not release ${coordinate} to every attending partner`;
  }

  private async allowAll(fieldPolicy: FieldPolicy, ownership?: Ownership): Promise<boolean> {
    if (!this.viewers.every((viewer) => mayEverRead(fieldPolicy, viewer))) return false;
    for (const viewer of this.viewers) {
      if (!(await allows(fieldPolicy, { viewer, ownership, liveBases: this.liveBases }))) {
        return false;
      }
    }
    return true;
  }
}
