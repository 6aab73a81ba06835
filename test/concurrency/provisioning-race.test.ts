import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { ormOptions } from '../../src/db/orm-options';
import { PartnerIdentity } from '../../src/partners/partner-identity.entity';
import { makePartner, PartnerKind } from '../support/factories';
import { send, startHubProcess, stopHubProcess, type HubProcess } from '../support/hub-process';
import { makeKey, startIdentityProvider, type IdentityProvider } from '../support/jwks';
import { privateDatabase } from '../support/test-database';

/*
 * Issue 16: two hub processes on one PostgreSQL, AUTH_PROVISIONING=on, each receiving the first
 * request of the same new member of staff at the same moment (a browser and a phone, or a retry
 * that a load balancer sent elsewhere). Driven ROUNDS times with fresh subjects; every round must
 * make one user, audited once, and both requests must be answered as that user.
 */

const ROUNDS = 20;
const ME = '{ me { id username role } }';

let database: { url: string; drop(): Promise<void> };
let orm: MikroORM;
let idp: IdentityProvider;
let hubs: HubProcess[] = [];
const tally = { tried: 0, wrong: 0 };

beforeAll(async () => {
  database = await privateDatabase();
  orm = await MikroORM.init(ormOptions(database.url));
  idp = await startIdentityProvider();
  const env = {
    AUTH_TRUSTED_ISSUERS: idp.trustedIssuers,
    AUTH_PROVISIONING: 'on',
    AUTH_PROVISIONING_ROLE_CLAIM: 'groups',
    AUTH_PROVISIONING_ROLES: JSON.stringify({ 'asb-caseworkers': 'PRACTITIONER' }),
  };
  hubs = await Promise.all([
    startHubProcess(database.url, env),
    startHubProcess(database.url, env),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all(hubs.map(stopHubProcess));
  await orm?.close(true);
  await database?.drop();
  await idp?.close();
  console.log(
    `Two hub processes, one first sign-in on each at once: ${tally.tried} rounds tried, ${tally.wrong} wrong`,
  );
}, 60_000);

it('the first request of one new subject on two processes at once makes one user, audited once, and both are answered as that user', async () => {
  const key = await makeKey('race-1', 'ES256');
  idp.publish(key);
  const em = orm.em.fork();
  const partner = await makePartner(em, PartnerKind.POLICE);
  em.create(PartnerIdentity, { partner, issuer: idp.issuer, claim: 'tid', value: partner.id });
  await em.flush();
  const problems: string[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    tally.tried++;
    const subject = `officer-${randomUUID()}`;
    const token = await idp.signSubject(subject, key, {
      tid: partner.id,
      groups: ['everyone', 'asb-caseworkers'],
    });
    const answers = await Promise.all(hubs.map((hub) => send(hub, token, ME, {})));
    const users = await orm.em
      .fork()
      .execute<
        { id: string; role: string }[]
      >('select id, role from app_user where username = ?', [subject]);
    const audited = await orm.em
      .fork()
      .execute(`select 1 from audit_entry where subject_type = 'User' and subject_id = ?`, [
        users[0]?.id ?? '',
      ]);
    const ids = answers.map((answer) => answer.data?.me?.id);
    const right =
      users.length === 1 &&
      users[0].role === 'PRACTITIONER' &&
      audited.length === 1 &&
      ids.every((id) => id === users[0].id);
    if (!right) {
      tally.wrong++;
      problems.push(
        JSON.stringify({ users: users.length, audited: audited.length, answers }, null, 1),
      );
    }
  }
  expect(problems.slice(0, 3)).toEqual([]);
  expect(tally).toEqual({ tried: ROUNDS, wrong: 0 });
}, 120_000);
