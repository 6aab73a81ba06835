import { randomUUID } from 'node:crypto';
import { makeMember, makePartner, PartnerKind, Role, type Member } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';

/*
 * Issue 16, "every change is audited and refused to every other role": administrators read the
 * audit of the staff directory's changes (partners, their identity claims, users) they and the
 * command line make, newest first; every other role is refused it, and the rest of the audit stays
 * with supervisors and the data protection officer.
 */

let hub: TestHub;
let admin: Member;
let issuer: string;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await makeMember(
    hub.em(),
    await makePartner(hub.em(), PartnerKind.COUNCIL),
    Role.ADMINISTRATOR,
  );
  issuer = hub.config.trustedIssuers[0].issuer;
});
afterAll(async () => {
  await hub?.close();
});

const ask = (token: string | null, query: string, variables: Record<string, unknown> = {}) =>
  hub.post({ query, variables }, token ? { authorization: `Bearer ${token}` } : {});

interface Change {
  id: string;
  occurredAt: string;
  requestId: string;
  action: string;
  record: string;
  recordId: string;
  partnerId: string;
  partner: { id: string; name: string } | null;
  userId: string | null;
  user: { id: string; subject: string } | null;
  fields: string[];
  actorUserId: string;
  actorPartnerId: string;
  actorRole: string;
  actor: { id: string; displayName: string } | null;
  purpose: string | null;
  operation: string | null;
}

const CHANGES = `query ($partnerId: ID, $userId: ID, $first: Int, $after: String) {
  onboardingChanges(partnerId: $partnerId, userId: $userId, first: $first, after: $after) {
    edges { cursor node {
      id occurredAt requestId action record recordId partnerId partner { id name }
      userId user { id subject } fields actorUserId actorPartnerId actorRole
      actor { id displayName } purpose operation
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function changes(
  variables: Record<string, unknown>,
  token = admin.token,
): Promise<{ nodes: Change[]; cursors: string[]; pageInfo: any }> {
  const answer = await ask(token, CHANGES, variables);
  expect(answer.body.errors).toBeUndefined();
  const page = answer.body.data.onboardingChanges;
  return {
    nodes: page.edges.map((edge: { node: Change }) => edge.node),
    cursors: page.edges.map((edge: { cursor: string }) => edge.cursor),
    pageInfo: page.pageInfo,
  };
}

/** One line per change, for comparing a list: what was done to which record, with which fields. */
const line = (change: Change) =>
  `${change.operation} ${change.action} ${change.record} ${[...change.fields].sort().join(',')}`;

/**
 * The lines of a list, request by request in its order: the rows of one request share its time,
 * and the list orders those by id, so within a request they are compared sorted.
 */
function byRequest(changes: Change[]): string[][] {
  const groups: { requestId: string; lines: string[] }[] = [];
  for (const change of changes) {
    const last = groups.at(-1);
    if (last?.requestId === change.requestId) last.lines.push(line(change));
    else groups.push({ requestId: change.requestId, lines: [line(change)] });
  }
  return groups.map((group) => group.lines.sort());
}

/**
 * Through the API: a partner with one identity claim, a user of it, an update of the user,
 * their deactivation, and the partner renamed with its claim replaced.
 */
async function onboardPartner(purpose?: string) {
  const headers = {
    authorization: `Bearer ${admin.token}`,
    ...(purpose ? { 'x-purpose': purpose } : {}),
  };
  const send = async (query: string, variables: Record<string, unknown>) => {
    const answer = await hub.post({ query, variables }, headers);
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data;
  };
  const name = `Riverside Housing ${randomUUID().slice(0, 8)}`;
  const { createPartner: partner } = await send(
    `mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { id } }`,
    {
      input: {
        kind: 'HOUSING',
        name,
        identities: [{ issuer, claim: 'tid', value: `tenant-${randomUUID()}` }],
      },
    },
  );
  const subject = `officer.${randomUUID().slice(0, 8)}`;
  const { createUser: user } = await send(
    `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    {
      input: {
        partnerId: partner.id,
        role: 'PRACTITIONER',
        subject,
        displayName: 'Sam Okafor',
        email: 'sam.okafor@riverside.example',
      },
    },
  );
  await send(`mutation ($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, {
    input: { id: user.id, role: 'SUPERVISOR', displayName: 'Sam Okafor-Reid' },
  });
  await send(`mutation ($input: DeactivateUserInput!) { deactivateUser(input: $input) { id } }`, {
    input: { id: user.id },
  });
  await send(`mutation ($input: UpdatePartnerInput!) { updatePartner(input: $input) { id } }`, {
    input: {
      id: partner.id,
      name: `${name} Trust`,
      identities: [{ issuer, claim: 'tid', value: `tenant-${randomUUID()}` }],
    },
  });
  return { partnerId: partner.id as string, userId: user.id as string, subject };
}

describe('the onboarding changes', () => {
  it('refuses an anonymous caller', async () => {
    const answer = await ask(null, CHANGES);
    expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(answer.body.data?.onboardingChanges ?? null).toBeNull();
  });

  it('are refused to every role but administrator, while supervisors and the DPO keep the rest of the audit and administrators still have none of it', async () => {
    await onboardPartner();
    for (const role of Object.values(Role).filter((r) => r !== Role.ADMINISTRATOR)) {
      const other = await makeMember(hub.em(), admin.partner, role);
      const answer = await ask(other.token, CHANGES, { first: 5 });
      expect({ role, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({
        role,
        code: 'FORBIDDEN',
      });
      expect(answer.body.data?.onboardingChanges ?? null).toBeNull();
      // Named ids change nothing: the refusal comes first.
      const named = await ask(other.token, CHANGES, { partnerId: admin.partner.id });
      expect(named.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    for (const role of [Role.SUPERVISOR, Role.DATA_PROTECTION_OFFICER]) {
      const reader = await makeMember(hub.em(), admin.partner, role);
      const audit = await ask(reader.token, `{ auditEntries(first: 1) { edges { cursor } } }`);
      expect(audit.body.errors).toBeUndefined();
    }
    const audit = await ask(admin.token, `{ auditEntries(first: 1) { edges { cursor } } }`);
    expect(audit.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('list each partner and user created, updated and deactivated through the API, newest first, with the administrator who did it and the fields written', async () => {
    const purpose = `Onboarding Riverside ${randomUUID()}`;
    const { partnerId, userId, subject } = await onboardPartner(purpose);
    const { nodes } = await changes({ partnerId, first: 20 });

    // Newest first, one group per request: a removed claim is a DELETE naming no field.
    expect(byRequest(nodes)).toEqual([
      [
        'updatePartner CREATE PARTNER_IDENTITY claim,createdAt,id,issuer,partner,value',
        'updatePartner DELETE PARTNER_IDENTITY ',
        'updatePartner UPDATE PARTNER name',
      ],
      ['deactivateUser UPDATE USER active'],
      ['updateUser UPDATE USER displayName,role'],
      ['createUser CREATE USER active,createdAt,displayName,email,id,partner,role,subject'],
      [
        'createPartner CREATE PARTNER createdAt,id,kind,name,revealsPersonMatches',
        'createPartner CREATE PARTNER_IDENTITY claim,createdAt,id,issuer,partner,value',
      ],
    ]);
    const times = nodes.map((node) => Date.parse(node.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    for (const node of nodes) {
      expect(node).toMatchObject({
        partnerId,
        partner: { id: partnerId },
        actorUserId: admin.user.id,
        actorPartnerId: admin.partner.id,
        actorRole: 'ADMINISTRATOR',
        actor: { id: admin.user.id, displayName: admin.user.displayName },
        purpose,
      });
    }
    const userChanges = nodes.filter((node) => node.record === 'USER');
    for (const node of userChanges) {
      expect(node).toMatchObject({ recordId: userId, userId, user: { id: userId, subject } });
    }
    const partnerChanges = nodes.filter((node) => node.record === 'PARTNER');
    for (const node of partnerChanges) expect(node).toMatchObject({ recordId: partnerId });
    for (const node of nodes.filter((node) => node.record !== 'USER')) {
      expect(node).toMatchObject({ userId: null, user: null });
    }
    // Names of fields only: none of the values written is in the answer.
    const text = JSON.stringify(nodes);
    for (const value of ['Sam Okafor', 'riverside.example', 'tenant-'])
      expect(text).not.toContain(value);
  });

  it('a partnerId gives that partner’s changes, its claims’ and its users’; a userId that user’s alone', async () => {
    const one = await onboardPartner();
    const two = await onboardPartner();
    const ofOne = (await changes({ partnerId: one.partnerId, first: 50 })).nodes;
    expect(ofOne).toHaveLength(8);
    expect(new Set(ofOne.map((node) => node.partnerId))).toEqual(new Set([one.partnerId]));

    const ofUser = (await changes({ userId: two.userId, first: 50 })).nodes;
    expect(ofUser.map(line)).toEqual([
      'deactivateUser UPDATE USER active',
      'updateUser UPDATE USER displayName,role',
      'createUser CREATE USER active,createdAt,displayName,email,id,partner,role,subject',
    ]);
    expect(new Set(ofUser.map((node) => node.userId))).toEqual(new Set([two.userId]));

    // Both: the user's changes if they belong to the partner, none otherwise.
    expect(
      (await changes({ partnerId: two.partnerId, userId: two.userId, first: 50 })).nodes,
    ).toHaveLength(3);
    expect(
      (await changes({ partnerId: one.partnerId, userId: two.userId, first: 50 })).nodes,
    ).toEqual([]);

    // Unfiltered: every partner's, the two just made among the newest.
    const all = (await changes({ first: 100 })).nodes;
    const mine = new Set([one.partnerId, two.partnerId]);
    expect(all.filter((node) => mine.has(node.partnerId))).toHaveLength(16);
  });

  it('pages through the changes with the cursor, neither repeating nor skipping one', async () => {
    const { partnerId } = await onboardPartner();
    const whole = (await changes({ partnerId, first: 50 })).nodes.map((node) => node.id);
    expect(whole).toHaveLength(8);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await changes({ partnerId, first: 3, after });
      seen.push(...page.nodes.map((node) => node.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.endCursor).toBe(page.cursors.at(-1));
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(whole);

    const bad = await ask(admin.token, CHANGES, { partnerId, after: 'not-a-cursor' });
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    for (const first of [0, hub.config.maxPageSize + 1]) {
      const wrong = await ask(admin.token, CHANGES, { partnerId, first });
      expect(wrong.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
    }
  });

  it('answers an unknown partner or user NOT_FOUND, a malformed id alike', async () => {
    for (const [arg, what] of [
      ['partnerId', 'partner'],
      ['userId', 'user'],
    ]) {
      for (const id of [randomUUID(), 'not-an-id']) {
        const answer = await ask(admin.token, CHANGES, { [arg]: id });
        expect(answer.body.errors[0].extensions.code).toBe('NOT_FOUND');
        expect(answer.body.errors[0].message).toBe(`No ${what} with id ${id} that you can see`);
        expect(answer.body.data.onboardingChanges).toBeNull();
      }
    }
  });

  it('reading them is itself audited: one read per change listed, with the fields read', async () => {
    const { partnerId } = await onboardPartner();
    const purpose = `Checking Riverside's onboarding ${randomUUID()}`;
    const answer = await hub.post(
      {
        query: `query ($partnerId: ID) { onboardingChanges(partnerId: $partnerId, first: 3) { edges { node { id action fields } } } }`,
        variables: { partnerId },
      },
      { authorization: `Bearer ${admin.token}`, 'x-purpose': purpose },
    );
    expect(answer.body.errors).toBeUndefined();
    const listed = answer.body.data.onboardingChanges.edges.map((edge: any) => edge.node.id);
    expect(listed).toHaveLength(3);
    const reads = await hub
      .em()
      .execute<{ subject_id: string; fields: string[]; role: string; operation: string }[]>(
        `select subject_id, fields, role, operation from audit_entry
          where user_id = ? and action = 'READ' and purpose = ? and subject_type = 'OnboardingChange'`,
        [admin.user.id, purpose],
      );
    expect(reads.map((row) => row.subject_id).sort()).toEqual([...listed].sort());
    for (const row of reads) {
      expect(row).toMatchObject({ role: 'ADMINISTRATOR', operation: 'onboardingChanges' });
      expect([...row.fields].sort()).toEqual(['action', 'fields', 'id']);
    }
  });

  it('cannot be changed: the entries they are read from are append-only', async () => {
    const { partnerId } = await onboardPartner();
    const [change] = (await changes({ partnerId, first: 1 })).nodes;
    await expect(
      hub.em().execute(`update audit_entry set fields = '{}' where id = ?`, [change.id]),
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(
      hub.em().execute(`delete from audit_entry where id = ?`, [change.id]),
    ).rejects.toThrow(/cannot be changed or deleted/);
    expect((await changes({ partnerId, first: 1 })).nodes[0]).toEqual(change);
  });
});
