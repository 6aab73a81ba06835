import type { PartnerKind } from '../partners/partner-kind.enum';
import type { Role } from '../users/role.enum';

/** Who is asking: a signed-in member of one partner, in one role. */
export interface Viewer {
  userId: string;
  username: string;
  displayName: string;
  partnerId: string;
  partnerKind: PartnerKind;
  role: Role;
}
