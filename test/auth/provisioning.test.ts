import { PROVISIONING_OPERATION, provisionedRole } from '../../src/auth/provisioning';
import type { HubClaims } from '../../src/auth/token-verifier';
import { ConfigError, DEMO_AUDIENCE, DEMO_ISSUER, DEMO_SECRET, loadConfig } from '../../src/config';
import { PartnerIdentity } from '../../src/partners/partner-identity.entity';
import { makeMember, makePartner, PartnerKind, Role, type Member } from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import {
  makeKey,
  startIdentityProvider,
  type IdentityProvider,
  type IdentityProviderKey,
} from '../support/jwks';
import { Partner } from '../../src/partners/partner.entity';
import { randomUUID } from 'node:crypto';

/*
 * Issue 16: with AUTH_PROVISIONING=on, a first sign-in from a trusted identity provider creates
 * its user, in the partner its identity-provider claims name and the role its role claim maps to;
 * off (the default), a subject with no user is refused as before.
 */

let idp: IdentityProvider;
let key: IdentityProviderKey;
/** AUTH_PROVISIONING=on. */
let hub: TestHub;
/** The same issuers, provisioning left at its default. */
let off: TestHub;
let admin: Member;

const ROLES = {
  'asb-caseworker': 'PRACTITIONER',
  'asb-supervisor': 'SUPERVISOR',
  'asb-analyst': 'ANALYST',
};

beforeAll(async () => {
  idp = await startIdentityProvider();
  key = await makeKey('idp-1', 'ES256');
  idp.publish(key);
  // The demo issuer too, for the administrator the factories make.
  const issuers = JSON.stringify([
    ...JSON.parse(idp.trustedIssuers),
    { issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE, localSecret: DEMO_SECRET },
  ]);
  [hub, off] = await Promise.all([
    startTestHub({
      AUTH_TRUSTED_ISSUERS: issuers,
      AUTH_PROVISIONING: 'on',
      AUTH_PROVISIONING_ROLES: JSON.stringify(ROLES),
    }),
    startTestHub({ AUTH_TRUSTED_ISSUERS: issuers }),
  ]);
  admin = await makeMember(
    hub.em(),
    await makePartner(hub.em(), PartnerKind.COUNCIL),
    Role.ADMINISTRATOR,
  );
});

afterAll(async () => {
  await hub?.close();
  await off?.close();
  await idp?.close();
});

const ME = '{ me { id username displayName role } }';

const ask = (on: TestHub, token: string, query = ME, variables: Record<string, unknown> = {}) =>
  on.post({ query, variables }, { authorization: `Bearer ${token}` });

/** A housing provider onboarded with its identity provider's organisation claim. */
async function onboardedPartner(): Promise<{ partner: Partner; org: string }> {
  const em = hub.em();
  const partner = await makePartner(em, PartnerKind.HOUSING);
  const org = `org-${randomUUID()}`;
  em.create(PartnerIdentity, { partner, issuer: idp.issuer, claim: 'org_id', value: org });
  await em.flush();
  return { partner, org };
}

const newSubject = () => `staff-${randomUUID()}`;

const usersWith = (subject: string) =>
  hub.em().execute<
    {
      id: string;
      partner_id: string;
      role: string;
      display_name: string;
      email: string | null;
      active: boolean;
    }[]
  >('select id, partner_id, role, display_name, email, active from app_user where username = ?', [subject]);

const auditOf = (userId: string) =>
  hub.em().execute(
    `select action, fields, operation, user_id as "userId", partner_id as "partnerId", role
         from audit_entry where subject_type = 'User' and subject_id = ?`,
    [userId],
  );

describe('users provisioned on first sign-in', () => {
  it('with AUTH_PROVISIONING off (the default), a valid token for a subject with no user is refused and no user is made', async () => {
    const { org } = await onboardedPartner();
    const subject = newSubject();
    const token = await idp.signSubject(subject, key, { org_id: org, roles: ['asb-caseworker'] });
    const answer = await ask(off, token);
    expect(answer.status).toBe(401);
    expect(codes(answer.body)).toEqual(['UNAUTHENTICATED']);
    expect(off.config.provisioning).toBeUndefined();
    expect(await usersWith(subject)).toEqual([]);
  });

  it('on: the first request creates the user once, in the partner its identity claims name, with the mapped role; later requests are that user', async () => {
    const { partner, org } = await onboardedPartner();
    const subject = newSubject();
    const token = await idp.signSubject(subject, key, {
      org_id: org,
      roles: ['offline_access', 'asb-supervisor'],
      name: 'Sam Supervisor',
      email: 'sam@housing.example',
    });
    // Five first requests at once, on one process: one user.
    const first = await Promise.all(Array.from({ length: 5 }, () => ask(hub, token)));
    for (const answer of first) {
      expect(answer.status).toBe(200);
      expect(answer.body.data.me).toMatchObject({
        username: subject,
        displayName: 'Sam Supervisor',
        role: 'SUPERVISOR',
      });
    }
    const users = await usersWith(subject);
    expect(users).toEqual([
      {
        id: first[0].body.data.me.id,
        partner_id: partner.id,
        role: 'SUPERVISOR',
        display_name: 'Sam Supervisor',
        email: 'sam@housing.example',
        active: true,
      },
    ]);
    expect(new Set(first.map((answer) => answer.body.data.me.id)).size).toBe(1);

    // Later the identity provider says caseworker: the hub's user table decides, not the token.
    const later = await ask(
      hub,
      await idp.signSubject(subject, key, { org_id: org, roles: ['asb-caseworker'] }),
    );
    expect(later.body.data.me).toMatchObject({ id: users[0].id, role: 'SUPERVISOR' });
    expect(await auditOf(users[0].id)).toHaveLength(1);
  });

  it('never provisions an administrator: a role claim saying ADMINISTRATOR is refused, the configuration may not map to it, and a map that did is refused at sign-in', async () => {
    const { org } = await onboardedPartner();
    const subject = newSubject();
    for (const roles of [['ADMINISTRATOR'], 'ADMINISTRATOR', ['asb-admin']]) {
      const answer = await ask(hub, await idp.signSubject(subject, key, { org_id: org, roles }));
      expect(answer.status).toBe(401);
      expect(codes(answer.body)).toEqual(['UNAUTHENTICATED']);
    }
    expect(await usersWith(subject)).toEqual([]);

    expect(() =>
      loadConfig({
        NODE_ENV: 'test',
        AUTH_PROVISIONING: 'on',
        AUTH_PROVISIONING_ROLES: JSON.stringify({ 'asb-admin': 'ADMINISTRATOR' }),
      }),
    ).toThrow(/AUTH_PROVISIONING_ROLES maps "asb-admin" to ADMINISTRATOR/);
    // However the rules were made, the role is checked again where the user is created.
    const claims = { sub: subject, roles: ['asb-admin'] } as HubClaims;
    expect(() =>
      provisionedRole(claims, {
        roleClaim: 'roles',
        roles: new Map([['asb-admin', Role.ADMINISTRATOR]]),
      }),
    ).toThrow('administrators are never created at sign-in');
  });

  it('a deactivated user stays refused: their subject is not provisioned again', async () => {
    const { org } = await onboardedPartner();
    const subject = newSubject();
    const token = await idp.signSubject(subject, key, { org_id: org, roles: 'asb-caseworker' });
    const created = await ask(hub, token);
    const userId = created.body.data.me.id;
    const done = await ask(
      hub,
      admin.token,
      `mutation { deactivateUser(input: { id: "${userId}" }) { active } }`,
    );
    expect(done.body.data.deactivateUser).toEqual({ active: false });

    const again = await ask(hub, token);
    expect(again.status).toBe(401);
    expect(codes(again.body)).toEqual(['UNAUTHENTICATED']);
    expect(again.body.errors[0].message).toBe('The token does not match an active user of the hub');
    const users = await usersWith(subject);
    expect(users).toMatchObject([{ id: userId, active: false }]);
    expect((await auditOf(userId)).map((row) => row.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('refuses a token whose role claim names no mapped role, or two, and one whose claims name no onboarded partner', async () => {
    const { partner, org } = await onboardedPartner();
    const second = await onboardedPartner();
    const refusals: [string, Record<string, unknown>][] = [
      ['names no role the hub provisions', { org_id: org, roles: ['asb-cleaner'] }],
      ['names no role the hub provisions', { org_id: org }],
      ['names no role the hub provisions', { org_id: org, roles: ['constructor'] }],
      ['names more than one hub role', { org_id: org, roles: ['asb-caseworker', 'asb-analyst'] }],
      // A hub `role` claim is checked at every request: a user it contradicts could never sign in.
      [
        'its role claim is not ANALYST',
        { org_id: org, roles: ['asb-analyst'], role: 'PRACTITIONER' },
      ],
      ['no partner has the identity-provider claims', { org_id: 'nobody', roles: ['asb-analyst'] }],
      // The hub's own partner id is not enough: only the partner's identity claims name it.
      [
        'no partner has the identity-provider claims',
        { partner: partner.id, roles: ['asb-analyst'] },
      ],
      ['name more than one partner', { org_id: org, tid: second.org, roles: ['asb-analyst'] }],
    ];
    // The second partner is named by `tid` as well as `org_id`.
    const em = hub.em();
    em.create(PartnerIdentity, {
      partner: em.getReference(Partner, second.partner.id),
      issuer: idp.issuer,
      claim: 'tid',
      value: second.org,
    });
    await em.flush();
    for (const [why, claims] of refusals) {
      const subject = newSubject();
      const answer = await ask(hub, await idp.signSubject(subject, key, claims));
      expect({ status: answer.status, codes: codes(answer.body) }).toEqual({
        status: 401,
        codes: ['UNAUTHENTICATED'],
      });
      expect(answer.body.errors[0].message).toContain(why);
      expect(await usersWith(subject)).toEqual([]);
    }
  });

  it('is audited as an administrator\u2019s createUser is, with the new user as who and the first sign-in as the operation', async () => {
    const { partner, org } = await onboardedPartner();
    const subject = newSubject();
    const answer = await ask(
      hub,
      await idp.signSubject(subject, key, { org_id: org, roles: ['asb-analyst'] }),
    );
    const userId = answer.body.data.me.id;
    const byAdmin = await ask(
      hub,
      admin.token,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          partnerId: partner.id,
          role: 'ANALYST',
          subject: newSubject(),
          displayName: 'Ann Analyst',
          email: 'ann@housing.example',
        },
      },
    );
    const [adminRow] = await auditOf(byAdmin.body.data.createUser.id);
    const [row] = await auditOf(userId);
    expect(row).toEqual({
      action: 'CREATE',
      fields: adminRow.fields,
      operation: PROVISIONING_OPERATION,
      userId,
      partnerId: partner.id,
      role: 'ANALYST',
    });
  });
});

describe('provisioning configuration', () => {
  const on = (env: Record<string, string>) =>
    loadConfig({ NODE_ENV: 'test', AUTH_PROVISIONING: 'on', ...env });

  it('is off unless asked for, and on needs a role map', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).provisioning).toBeUndefined();
    expect(() => on({})).toThrow(/AUTH_PROVISIONING=on needs AUTH_PROVISIONING_ROLES/);
    expect(() => loadConfig({ NODE_ENV: 'test', AUTH_PROVISIONING: 'yes' })).toThrow(ConfigError);
    const config = on({ AUTH_PROVISIONING_ROLES: JSON.stringify(ROLES) });
    expect(config.provisioning).toEqual({
      roleClaim: 'roles',
      roles: new Map(Object.entries(ROLES)),
    });
  });

  it('refuses a map to a role the hub does not have, a map that is not an object, and the hub\u2019s own claims as the role claim', () => {
    expect(() => on({ AUTH_PROVISIONING_ROLES: '{"x": "CONSTABLE"}' })).toThrow(
      /maps "x" to "CONSTABLE": each value must be one of PRACTITIONER/,
    );
    expect(() => on({ AUTH_PROVISIONING_ROLES: '["PRACTITIONER"]' })).toThrow(
      /must be a JSON object/,
    );
    for (const claim of ['role', 'partner']) {
      expect(() =>
        on({
          AUTH_PROVISIONING_ROLES: JSON.stringify(ROLES),
          AUTH_PROVISIONING_ROLE_CLAIM: claim,
        }),
      ).toThrow(`AUTH_PROVISIONING_ROLE_CLAIM may not be "${claim}"`);
    }
  });
});
