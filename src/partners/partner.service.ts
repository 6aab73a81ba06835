import type { EntityManager } from '@mikro-orm/postgresql';
import { requireText } from '../common/validate';
import { flushUnique } from '../db/unique';
import { badInput, HubError } from '../errors';
import { PartnerKind } from './partner-kind.enum';
import { PartnerIdentity } from './partner-identity.entity';
import { Partner } from './partner.entity';
import type { CreatePartnerInput, PartnerIdentityInput, UpdatePartnerInput } from './partner.input';

/*
 * Onboarding partners (docs/operations.md "Onboarding a partnership"): the same functions serve
 * the administrators' mutations and `npm run admin`. Each runs inside its caller's transaction,
 * whose write audit records every row it changes.
 */

/** The issuers the hub trusts (AUTH_TRUSTED_ISSUERS): a claim of any other could never sign in. */
export type TrustedIssuerNames = readonly string[];

const PARTNER_REFUSALS = {
  partner_name_unique: () =>
    new HubError('PARTNER_NAME_TAKEN', 'Another partner already has that name', { field: 'name' }),
  partner_identity_issuer_claim_value_unique: () =>
    new HubError(
      'PARTNER_IDENTITY_TAKEN',
      'Another partner already has that issuer, claim and value: a token would name two partners',
      { field: 'identities' },
    ),
};

interface CheckedIdentity {
  issuer: string;
  claim: string;
  value: string;
}

const identityKey = (identity: CheckedIdentity) =>
  JSON.stringify([identity.issuer, identity.claim, identity.value]);

function checkedIdentities(
  identities: readonly PartnerIdentityInput[],
  trusted: TrustedIssuerNames,
): CheckedIdentity[] {
  const checked = identities.map((identity, i) => {
    const at = `identities[${i}]`;
    const issuer = requireText(identity.issuer, `${at}.issuer`, 500);
    if (!trusted.includes(issuer)) {
      throw badInput(
        `${at}.issuer is not one of the hub's trusted issuers (AUTH_TRUSTED_ISSUERS)`,
        `${at}.issuer`,
      );
    }
    return {
      issuer,
      claim: requireText(identity.claim, `${at}.claim`, 200),
      value: requireText(identity.value, `${at}.value`, 500),
    };
  });
  if (new Set(checked.map(identityKey)).size !== checked.length) {
    throw badInput('identities names the same claim twice', 'identities');
  }
  return checked;
}

export async function createPartner(
  em: EntityManager,
  input: CreatePartnerInput,
  trusted: TrustedIssuerNames,
): Promise<Partner> {
  if (!Object.values(PartnerKind).includes(input.kind)) throw badInput('Unknown kind', 'kind');
  const name = requireText(input.name, 'name', 200);
  const identities = checkedIdentities(input.identities ?? [], trusted);
  const partner = em.create(Partner, { name, kind: input.kind });
  for (const identity of identities) em.create(PartnerIdentity, { partner, ...identity });
  await flushUnique(em, PARTNER_REFUSALS);
  return partner;
}

/** `partnerId` has been resolved through row access by the caller. */
export async function updatePartner(
  em: EntityManager,
  partnerId: string,
  input: Omit<UpdatePartnerInput, 'id'>,
  trusted: TrustedIssuerNames,
): Promise<Partner> {
  const partner = await em.findOneOrFail(Partner, { id: partnerId });
  if (input.name !== null && input.name !== undefined) {
    partner.name = requireText(input.name, 'name', 200);
  }
  if (input.identities) {
    const wanted = checkedIdentities(input.identities, trusted);
    const wantedKeys = new Set(wanted.map(identityKey));
    const held = await em.find(PartnerIdentity, { partner });
    const heldKeys = new Set(held.map(identityKey));
    // Only what changes: a claim kept is neither deleted nor inserted again (the unique
    // constraint would see the insert before the delete).
    for (const identity of held) if (!wantedKeys.has(identityKey(identity))) em.remove(identity);
    for (const identity of wanted)
      if (!heldKeys.has(identityKey(identity)))
        em.create(PartnerIdentity, { partner, ...identity });
  }
  await flushUnique(em, PARTNER_REFUSALS);
  return partner;
}
