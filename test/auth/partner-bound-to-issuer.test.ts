import { PartnerIdentity } from '../../src/partners/partner-identity.entity';
import { makePartnerMember, PartnerKind, Role } from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import {
  makeKey,
  startIdentityProvider,
  type IdentityProvider,
  type IdentityProviderKey,
} from '../support/jwks';

/*
 * Issue 16: a partnership trusts several identity providers, one per agency. A partner onboarded
 * with its own provider's claims is named only by that provider: another trusted provider cannot
 * sign a token for one of its users.
 */

let hub: TestHub;
let police: IdentityProvider;
let council: IdentityProvider;
let policeKey: IdentityProviderKey;
let councilKey: IdentityProviderKey;

beforeAll(async () => {
  police = await startIdentityProvider();
  council = await startIdentityProvider();
  policeKey = await makeKey('police-1', 'ES256');
  councilKey = await makeKey('council-1', 'ES256');
  police.publish(policeKey);
  council.publish(councilKey);
  hub = await startTestHub({
    AUTH_TRUSTED_ISSUERS: JSON.stringify([
      ...JSON.parse(police.trustedIssuers),
      ...JSON.parse(council.trustedIssuers),
    ]),
  });
});

afterAll(async () => {
  await hub?.close();
  await police?.close();
  await council?.close();
});

const ME = '{ me { username } }';

it('a user of a partner bound to its own identity provider is refused with a token from another trusted provider, with its hub id and role in the token', async () => {
  const em = hub.em();
  const officer = await makePartnerMember(em, PartnerKind.POLICE, Role.PRACTITIONER);
  em.create(PartnerIdentity, {
    partner: officer.partner,
    issuer: police.issuer,
    claim: 'force',
    value: 'dyfed-powys',
  });
  await em.flush();

  const own = await hub.post(
    { query: ME },
    {
      authorization: `Bearer ${await police.sign(officer, policeKey, (jwt) => jwt, { force: 'dyfed-powys' })}`,
    },
  );
  expect(own.body.data.me.username).toBe(officer.user.username);

  // The council's provider names the police partner by its hub id: refused, like a forged token.
  const forged = await hub.post(
    { query: ME },
    { authorization: `Bearer ${await council.sign(officer, councilKey)}` },
  );
  expect(own.status).toBe(200);
  expect(forged.status).toBe(401);
  expect(codes(forged.body)).toEqual(['UNAUTHENTICATED']);
  // Even the police provider's own token must carry the claim that binds it, not the hub id only.
  const unbound = await hub.post(
    { query: ME },
    { authorization: `Bearer ${await police.sign(officer, policeKey)}` },
  );
  expect(codes(unbound.body)).toEqual(['UNAUTHENTICATED']);
});

it('a partner without identity-provider claims is still named by its hub id (the demo and tests)', async () => {
  const officer = await makePartnerMember(hub.em(), PartnerKind.COUNCIL, Role.PRACTITIONER);
  const answer = await hub.post(
    { query: ME },
    { authorization: `Bearer ${await council.sign(officer, councilKey)}` },
  );
  expect(answer.body.data.me.username).toBe(officer.user.username);
});
