import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { optionalText, requireText } from '../common/validate';
import { flushUnique } from '../db/unique';
import { badInput, HubError } from '../errors';
import { Partner } from '../partners/partner.entity';
import { announceMembershipChange } from './membership-changes';
import { Role } from './role.enum';
import { User } from './user.entity';
import type { CreateUserInput, UpdateUserInput } from './user.input';

/*
 * Onboarding users (docs/operations.md "Onboarding a partnership"): the same functions serve the
 * administrators' mutations and `npm run admin`. Each runs inside its caller's transaction, whose
 * write audit records every row it changes. The hub's user table decides who signs in
 * (src/auth/token-verifier.ts reads it on every request), so a change here takes effect on the
 * user's next request.
 */

const USER_REFUSALS = {
  app_user_username_unique: () =>
    new HubError('USER_SUBJECT_TAKEN', 'Another user already signs in with that subject', {
      field: 'subject',
    }),
};

/** A plausible address, no more: the identity provider, not the hub, proves it reaches them. */
function checkedEmail(value: string | null | undefined): string | null {
  const email = optionalText(value, 'email', 320);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw badInput('email is not an email address', 'email');
  }
  return email;
}

function checkedRole(role: Role): Role {
  if (!Object.values(Role).includes(role)) throw badInput('Unknown role', 'role');
  return role;
}

/** `partnerId` has been resolved through row access by the caller. */
export async function createUser(
  em: EntityManager,
  partnerId: string,
  input: Omit<CreateUserInput, 'partnerId'>,
): Promise<User> {
  const user = em.create(User, {
    partner: em.getReference(Partner, partnerId),
    role: checkedRole(input.role),
    username: requireText(input.subject, 'subject', 500),
    displayName: requireText(input.displayName, 'displayName', 200),
    email: checkedEmail(input.email),
  });
  await flushUnique(em, USER_REFUSALS);
  return user;
}

/**
 * `userId` has been resolved through row access by the caller. A change of role or a
 * deactivation is announced, so the user's live subscriptions are checked again at once.
 */
export async function updateUser(
  em: EntityManager,
  by: Viewer,
  userId: string,
  input: Omit<UpdateUserInput, 'id'>,
): Promise<User> {
  const user = await em.findOneOrFail(User, { id: userId });
  const role =
    input.role === null || input.role === undefined ? user.role : checkedRole(input.role);
  const active = input.active ?? user.active;
  // An administrator who demotes or deactivates themself may leave the hub with nobody to undo it.
  if (user.id === by.userId && (role !== user.role || !active)) {
    throw badInput('You may not change your own role or deactivate yourself', 'id');
  }
  const membershipChanges = role !== user.role || active !== user.active;
  user.role = role;
  user.active = active;
  if (input.displayName !== null && input.displayName !== undefined) {
    user.displayName = requireText(input.displayName, 'displayName', 200);
  }
  if (input.email !== null && input.email !== undefined) user.email = checkedEmail(input.email);
  await flushUnique(em, USER_REFUSALS);
  if (membershipChanges) await announceMembershipChange(em, user.id);
  return user;
}

export const deactivateUser = (em: EntityManager, by: Viewer, userId: string) =>
  updateUser(em, by, userId, { active: false });
