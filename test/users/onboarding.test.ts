import { makeMember, makePartner, PartnerKind, Role, type Member } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { bearer, subscribe, waitFor } from '../notifications/notification-helpers';

/*
 * Issue 16: administrators onboard partners and their staff through the API; every other role is
 * refused; a deactivated user is refused at once, live subscriptions too.
 */

let hub: TestHub;
let admin: Member;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  // A long recheck: a deactivation must close the subscription without waiting for it.
  hub = await startTestHub({ NOTIFICATION_POLL_MS: '50', SUBSCRIPTION_RECHECK_MS: '300000' });
  admin = await makeMember(
    hub.em(),
    await makePartner(hub.em(), PartnerKind.COUNCIL),
    Role.ADMINISTRATOR,
  );
});
afterAll(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await hub?.close();
});

const ask = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  hub.post({ query, variables }, { authorization: `Bearer ${token}` });

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id subject role active } }`;

describe('onboarding through the API', () => {
  it('refuses every onboarding mutation and the users list to every role but administrator', async () => {
    const partner = admin.partner;
    for (const role of Object.values(Role).filter((r) => r !== Role.ADMINISTRATOR)) {
      const other = await makeMember(hub.em(), partner, role);
      const answers = await Promise.all([
        ask(
          other.token,
          `mutation { createPartner(input: { kind: OTHER, name: "X ${role}" }) { id } }`,
        ),
        ask(
          other.token,
          `mutation { updatePartner(input: { id: "${partner.id}", name: "Y" }) { id } }`,
        ),
        ask(other.token, CREATE_USER, {
          input: {
            partnerId: partner.id,
            role: 'PRACTITIONER',
            subject: `s-${role}`,
            displayName: 'Z',
          },
        }),
        ask(
          other.token,
          `mutation { updateUser(input: { id: "${admin.user.id}", active: false }) { id } }`,
        ),
        ask(other.token, `mutation { deactivateUser(input: { id: "${admin.user.id}" }) { id } }`),
        ask(other.token, `{ users { id } }`),
        ask(other.token, `{ partners { identities { issuer } } }`),
      ]);
      for (const answer of answers)
        expect(answer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const [row] = await hub
      .em()
      .execute('select active from app_user where id = ?', [admin.user.id]);
    expect(row.active).toBe(true);
  });

  it('creates a user once: the same subject again is USER_SUBJECT_TAKEN, bad input BAD_USER_INPUT, an unknown partner NOT_FOUND', async () => {
    const subject = `pc.${admin.user.id.slice(0, 8)}`;
    const input = {
      partnerId: admin.partner.id,
      role: 'PRACTITIONER',
      subject,
      displayName: 'PC One',
    };
    const first = await ask(admin.token, CREATE_USER, { input });
    expect(first.body.data.createUser).toMatchObject({
      subject,
      role: 'PRACTITIONER',
      active: true,
    });
    const again = await ask(admin.token, CREATE_USER, {
      input: { ...input, displayName: 'PC Two' },
    });
    expect(again.body.errors[0].extensions.code).toBe('USER_SUBJECT_TAKEN');
    const blank = await ask(admin.token, CREATE_USER, { input: { ...input, subject: '  ' } });
    expect(blank.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const email = await ask(admin.token, CREATE_USER, {
      input: { ...input, subject: `${subject}x`, email: 'nope' },
    });
    expect(email.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const nowhere = await ask(admin.token, CREATE_USER, {
      input: {
        ...input,
        subject: `${subject}y`,
        partnerId: '10000000-0000-4000-8000-00000000abcd',
      },
    });
    expect(nowhere.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const name = await ask(
      admin.token,
      `mutation { createPartner(input: { kind: OTHER, name: "${admin.partner.name}" }) { id } }`,
    );
    expect(name.body.errors[0].extensions.code).toBe('PARTNER_NAME_TAKEN');
    const self = await ask(
      admin.token,
      `mutation { deactivateUser(input: { id: "${admin.user.id}" }) { id } }`,
    );
    expect(self.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a deactivated user is refused at their next request and their live subscription closes at once; the change is audited', async () => {
    const officer = await makeMember(hub.em(), await makePartner(hub.em(), PartnerKind.POLICE));
    expect((await ask(officer.token, '{ me { id } }')).body.data.me.id).toBe(officer.user.id);
    const before = hub.liveSubscriptions();
    const feed = subscribe(hub, bearer(officer.token));
    open.push(feed);
    await waitFor(() => hub.liveSubscriptions() > before);

    const done = await ask(
      admin.token,
      `mutation { deactivateUser(input: { id: "${officer.user.id}" }) { id active } }`,
    );
    expect(done.body.data.deactivateUser).toEqual({ id: officer.user.id, active: false });

    const next = await ask(officer.token, '{ me { id } }');
    expect(next.status).toBe(401);
    expect(next.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await waitFor(() => feed.errors.length > 0);
    expect(feed.errors[0]).toMatchObject({ code: 4403 });
    await waitFor(() => hub.liveSubscriptions() === before);

    const audit = await hub
      .em()
      .execute(
        `select action, fields, operation, role from audit_entry where subject_type = 'User' and subject_id = ?`,
        [officer.user.id],
      );
    expect(audit).toEqual([
      { action: 'UPDATE', fields: ['active'], operation: 'deactivateUser', role: 'ADMINISTRATOR' },
    ]);
  });

  it('lists users for administrators, by partner', async () => {
    const answer = await ask(
      admin.token,
      `query ($p: ID) { users(partnerId: $p) { subject role partner { id } } }`,
      {
        p: admin.partner.id,
      },
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.users.map((u: { subject: string }) => u.subject)).toContain(
      admin.user.username,
    );
    expect(
      answer.body.data.users.every(
        (u: { partner: { id: string } }) => u.partner.id === admin.partner.id,
      ),
    ).toBe(true);
  });
});
