import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { AuditAction } from '../audit/audit-action.enum';
import { AuditTrail } from '../audit/audit-trail';
import { clock } from '../common/clock';
import type { ProvisioningRules } from '../config';
import { unauthenticated } from '../errors';
import { currentRequestId, log } from '../log';
import type { PartnerKind } from '../partners/partner-kind.enum';
import { Role } from '../users/role.enum';
import type { HubClaims } from './token-verifier';

/*
 * Users provisioned on first sign-in (AUTH_PROVISIONING=on; docs/operations.md "Onboarding a
 * partnership"). A partnership whose agencies each run an identity provider need not have an
 * administrator type in every member of staff: a valid token from a trusted issuer, for a subject
 * the hub has no user for, creates that user on its first request. What the token says is taken
 * only as far as the hub was told to trust it:
 *
 * - the partner is the one whose identity-provider claims (src/partners/partner-identity.entity.ts,
 *   set when the partner was onboarded) the token carries for its issuer, never a hub id in the
 *   token;
 * - the role is the one AUTH_PROVISIONING_ROLES maps the token's role claim to, never
 *   ADMINISTRATOR (refused when the configuration is read, and here again);
 * - a subject that has a user already, active or not, is never provisioned: a deactivated user
 *   stays refused, since only an administrator may let them back in.
 *
 * After that the hub's user table decides, as for any user: a later change of the identity
 * provider's role does not change the hub role (an administrator does, with `updateUser`).
 */

/** The partners that have identity-provider claims of this issuer, each claim once. */
const IDENTITIES_OF_ISSUER = `select i.partner_id as "partnerId", p.kind as "partnerKind", i.claim, i.value
    from partner_identity i join partner p on p.id = i.partner_id
   where i.issuer = ?`;

/**
 * The unique subject decides: when two first requests of one subject arrive at once (on one
 * process or two), one insert creates the user and the other does nothing, waiting for the first
 * to commit. Only the insert that created the row is audited.
 */
const INSERT_USER = `insert into app_user (id, username, display_name, partner_id, role, email, active, created_at)
  values (?, ?, ?, ?, ?, ?, true, ?)
  on conflict (username) do nothing
  returning id`;

/**
 * The fields a user's creation writes, as the write audit names them for an administrator's
 * `createUser` (test/auth/provisioning.test.ts compares the two).
 */
const USER_FIELDS = [
  'id',
  'username',
  'displayName',
  'partner',
  'role',
  'email',
  'active',
  'createdAt',
];

/** The audit's operation for a user created at sign-in (docs/operations.md). */
export const PROVISIONING_OPERATION = 'first sign-in (AUTH_PROVISIONING)';

/** The same limits as an administrator's `createUser` (src/users/user.service.ts). */
const MAX_SUBJECT = 500;
const MAX_DISPLAY_NAME = 200;
const MAX_EMAIL = 320;

const refused = (why: string) =>
  unauthenticated(`The hub has no user for this token and may not create one: ${why}`);

/** Whether `claims` carries the identity-provider claim `claim` with the value `value`. */
export const carriesClaim = (claims: HubClaims, claim: string, value: string) =>
  claims[claim] !== undefined && String(claims[claim]) === value;

/**
 * The hub role the token's role claim maps to. The claim is a role name or a list of them (as
 * most identity providers send roles or groups); names the map does not list are the identity
 * provider's business and ignored. None listed, or two mapped to different hub roles, is refused:
 * a user has one role, and the hub does not guess which.
 */
export function provisionedRole(claims: HubClaims, rules: ProvisioningRules): Role {
  const claimed = claims[rules.roleClaim];
  const names = (Array.isArray(claimed) ? claimed : [claimed]).filter(
    (name): name is string => typeof name === 'string',
  );
  const roles = new Set(names.flatMap((name) => rules.roles.get(name) ?? []));
  if (roles.size === 0) {
    throw refused(
      `its ${rules.roleClaim} claim names no role the hub provisions (AUTH_PROVISIONING_ROLES)`,
    );
  }
  if (roles.size > 1) {
    throw refused(`its ${rules.roleClaim} claim names more than one hub role`);
  }
  const [role] = roles;
  // The configuration refuses to map to ADMINISTRATOR; checked again where the user is made.
  if (role === Role.ADMINISTRATOR) throw refused('administrators are never created at sign-in');
  // A `role` the token carries must be the user's at every request (tokenMatchesUser): a user
  // made with another role could never sign in.
  if (claims.role !== undefined && claims.role !== role) {
    throw refused(`its role claim is not ${role}, the role its ${rules.roleClaim} claim maps to`);
  }
  return role;
}

/** What the token says of the person, within the limits an administrator's input has. */
function personOf(claims: HubClaims) {
  const textClaim = (name: string) => {
    const value = claims[name];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const displayName = (textClaim('name') ?? textClaim('preferred_username') ?? claims.sub).slice(
    0,
    MAX_DISPLAY_NAME,
  );
  const email = textClaim('email');
  const plausible =
    email !== undefined &&
    email.length <= MAX_EMAIL &&
    /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) &&
    claims.email_verified !== false;
  return { displayName, email: plausible ? email : null };
}

/**
 * Creates the user a first sign-in's token names, or refuses (UNAUTHENTICATED, saying why). Runs
 * in a transaction of its own, with its audit row: the caller reads the user again afterwards,
 * whoever created it.
 */
export async function provisionUser(
  em: EntityManager,
  issuer: string,
  claims: HubClaims,
  rules: ProvisioningRules,
  auditEnabled: boolean,
): Promise<void> {
  if (claims.sub.length > MAX_SUBJECT) {
    throw refused(`its subject is longer than ${MAX_SUBJECT} characters`);
  }
  const identities = await em
    .getConnection()
    .execute<
      { partnerId: string; partnerKind: PartnerKind; claim: string; value: string }[]
    >(IDENTITIES_OF_ISSUER, [issuer]);
  const named = identities.filter(({ claim, value }) => carriesClaim(claims, claim, value));
  const partners = new Map(named.map((identity) => [identity.partnerId, identity.partnerKind]));
  if (partners.size === 0) {
    log.warn('first sign-in refused: no partner', { issuer });
    throw refused('no partner has the identity-provider claims it carries for its issuer');
  }
  if (partners.size > 1) {
    log.warn('first sign-in refused: several partners', { issuer });
    throw refused('its identity-provider claims name more than one partner');
  }
  let role: Role;
  try {
    role = provisionedRole(claims, rules);
  } catch (error) {
    log.warn('first sign-in refused: no role', { issuer });
    throw error;
  }
  const [[partnerId, partnerKind]] = partners;
  const { displayName, email } = personOf(claims);
  const userId = randomUUID();
  const created = await em.transactional(async (tx) => {
    const rows = await (tx as EntityManager).execute<{ id: string }[]>(INSERT_USER, [
      userId,
      claims.sub,
      displayName,
      partnerId,
      role,
      email,
      clock.now(),
    ]);
    if (rows.length === 0) return false;
    // Audited as an administrator's createUser is, with the new user as who made it: nobody
    // else did, and the operation says how.
    const trail = new AuditTrail(
      auditEnabled,
      currentRequestId() ?? randomUUID(),
      { userId, username: claims.sub, displayName, partnerId, partnerKind, role },
      null,
    );
    trail.operation = PROVISIONING_OPERATION;
    await trail.writeRows(tx as EntityManager, [
      {
        action: AuditAction.CREATE,
        subjectType: 'User',
        subjectId: userId,
        personId: null,
        caseId: null,
        fields: USER_FIELDS,
      },
    ]);
    return true;
  });
  if (created) log.info('user provisioned at first sign-in', { userId, partnerId, role });
}
