import { signDemoToken } from '../../src/auth/demo-token';
import { clock, setClock } from '../../src/common/clock';
import { resumeTestClock } from '../support/clock';
import {
  makeCase,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
  type Member,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';

/*
 * Issue 14: a client retries a mutation with the same Idempotency-Key; the hub writes once and
 * answers the first result again. recordIncident without a source reference or a place is used
 * because, sent twice without a key, it writes two incidents.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ IDEMPOTENCY_KEY_TTL_SECONDS: '3600' });
});
afterAll(async () => {
  resumeTestClock();
  await hub?.close();
});

const RECORD = `mutation ($input: RecordIncidentInput!) { recordIncident(input: $input) { incident { id } } }`;
const TWO = `mutation ($input: RecordIncidentInput!) {
  a: recordIncident(input: $input) { incident { id } }
  b: recordIncident(input: $input) { incident { id } }
}`;

async function post(member: Member, query: string, variables: unknown, key?: string) {
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${member.token}`,
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    body: (await response.json()) as {
      data?: { recordIncident?: { incident: { id: string } } } | null;
      errors?: { extensions?: { code?: string } }[];
    },
  };
}

async function setting() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const victim = await makePerson(em);
  const onCase = await makeCase(em, police, { people: [[victim, PersonRole.VICTIM]] });
  let hoursAgo = 1;
  const input = (description = 'Shouting in the street') => ({
    caseId: onCase.id,
    occurredAt: new Date(clock.nowMs() - hoursAgo++ * 3 * 3600_000).toISOString(),
    category: 'NUISANCE',
    description,
    people: [{ personId: victim.id, role: 'VICTIM' }],
  });
  const incidents = async () =>
    Number(
      (
        await hub
          .em()
          .execute<
            { n: string }[]
          >('select count(*) as n from case_incident where case_id = ?', [onCase.id])
      )[0].n,
    );
  return { em, police, onCase, input, incidents };
}

const code = (answer: Awaited<ReturnType<typeof post>>) =>
  answer.body.errors?.[0]?.extensions?.code;

describe('Idempotency-Key on a mutation', () => {
  it('without a key the same mutation sent twice writes twice (what the key is for)', async () => {
    const { police, input, incidents } = await setting();
    const variables = { input: input() };
    await post(police, RECORD, variables);
    await post(police, RECORD, variables);
    expect(await incidents()).toBe(2);
  });

  it('a retry with the same key writes once and answers the first result again, marked replayed', async () => {
    const { police, input, incidents } = await setting();
    const variables = { input: input() };
    const first = await post(police, RECORD, variables, 'retry-1');
    const again = await post(police, RECORD, variables, 'retry-1');
    expect(first.body.data?.recordIncident?.incident.id).toBeTruthy();
    expect(again.body).toEqual(first.body);
    expect([first.replayed, again.replayed]).toEqual([null, 'true']);
    expect(await incidents()).toBe(1);
  });

  it('the same key with another request is refused IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
    const { police, input, incidents } = await setting();
    await post(police, RECORD, { input: input() }, 'reused');
    const other = await post(police, RECORD, { input: input('Another night') }, 'reused');
    expect([other.status, code(other)]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await incidents()).toBe(1);
  });

  it('the same key sent five times at once writes once; the others are replayed or told it is in use', async () => {
    const { police, input, incidents } = await setting();
    const variables = { input: input() };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post(police, RECORD, variables, 'at-once')),
    );
    expect(await incidents()).toBe(1);
    for (const answer of answers) {
      expect(answer.body.data?.recordIncident ? 'written or replayed' : code(answer)).toMatch(
        /^(written or replayed|IDEMPOTENCY_KEY_IN_USE)$/,
      );
    }
  });

  it('a refused mutation keeps no answer: sent again with its key it runs again', async () => {
    const { police, input, incidents } = await setting();
    const bad = { input: { ...input(), description: '' } };
    const first = await post(police, RECORD, bad, 'refused');
    const again = await post(police, RECORD, bad, 'refused');
    expect([code(first), code(again), again.replayed]).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      null,
    ]);
    expect(await incidents()).toBe(0);
  });

  it('keys belong to their user: another member using the same key writes its own', async () => {
    const { police, input, incidents } = await setting();
    const colleague = await makeMember(hub.em(), police.partner, Role.PRACTITIONER);
    const variables = { input: input() };
    await post(police, RECORD, variables, 'shared-key');
    const theirs = await post(colleague, RECORD, variables, 'shared-key');
    expect(theirs.replayed).toBeNull();
    expect(await incidents()).toBe(2);
  });

  it('after IDEMPOTENCY_KEY_TTL_SECONDS the key is forgotten and the request runs again', async () => {
    const { police, input, incidents } = await setting();
    const variables = { input: input() };
    await post(police, RECORD, variables, 'expires');
    setClock(new Date(clock.nowMs() + 3601_000));
    try {
      // The same user's token, signed on the moved clock.
      const token = await signDemoToken({
        username: police.user.username,
        role: police.user.role,
        partnerId: police.partner.id,
      });
      const again = await post({ ...police, token }, RECORD, variables, 'expires');
      expect(again.replayed).toBeNull();
      expect(again.body.data?.recordIncident?.incident.id).toBeTruthy();
    } finally {
      resumeTestClock();
    }
    expect(await incidents()).toBe(2);
  });

  it('refuses a key on a document with two mutation fields, and a key that is not printable ASCII', async () => {
    const { police, input, incidents } = await setting();
    const two = await post(police, TWO, { input: input() }, 'two-fields');
    const badKey = await post(police, RECORD, { input: input() }, 'x'.repeat(201));
    expect([code(two), code(badKey)]).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(await incidents()).toBe(0);
  });

  it('a replay is audited as a read of the stored answer', async () => {
    const { police, input } = await setting();
    const variables = { input: input() };
    await post(police, RECORD, variables, 'audited');
    const before = await hub
      .em()
      .execute<
        { n: string }[]
      >("select count(*) as n from audit_entry where user_id = ? and action = 'READ'", [police.user.id]);
    await post(police, RECORD, variables, 'audited');
    const after = await hub
      .em()
      .execute<
        { n: string }[]
      >("select count(*) as n from audit_entry where user_id = ? and action = 'READ'", [police.user.id]);
    expect(Number(after[0].n)).toBe(Number(before[0].n) + 1);
  });
});
