import { makeCase, makeMember, makePartnerMember, PartnerKind } from '../support/factories';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { Role } from '../../src/users/role.enum';
import { recordOutboxEvent } from './notification-helpers';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

interface Page {
  notifications: {
    edges: {
      cursor: string;
      node: { id: string; kind: string; caseId: string; summary: string };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
}
const Notifications = gql<Page, { first?: number; after?: string | null }>(`
  query ($first: Int, $after: String) {
    notifications(first: $first, after: $after) {
      edges { cursor node { id kind caseId summary } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Every notification the member can page through, newest first, `first` at a time. */
async function allPages(token: string, first: number) {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const response: Awaited<ReturnType<typeof hub.request<Page, unknown>>> = await hub.request(
      Notifications,
      { first, after },
      token,
    );
    expect(response.errors).toBeUndefined();
    const page: NonNullable<Page['notifications']> = response.data!.notifications!;
    expect(page.edges.length).toBeLessThanOrEqual(first);
    ids.push(...page.edges.map((edge) => edge.node.id));
    pages += 1;
    if (!page.pageInfo.hasNextPage) return { ids, pages };
    after = page.pageInfo.endCursor;
  }
}

/**
 * Partners whose only cases are made here, so every notification they can see is this test's:
 * a police-led case with the council on it, and a housing provider's case of its own.
 */
async function setting() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const shared = await makeCase(em, police, { others: [council.partner] });
  const housingCase = await makeCase(em, housing);
  const forAll = await recordOutboxEvent(hub, shared, { summary: 'for all on the case' });
  const forCouncil = await recordOutboxEvent(hub, shared, {
    summary: 'for the council',
    audiencePartnerId: council.partner.id,
  });
  const forHousing = await recordOutboxEvent(hub, housingCase, { summary: 'housing only' });
  return { police, council, housing, shared, forAll, forCouncil, forHousing };
}

describe('the notifications query', () => {
  it('lists, newest first, only events of cases the viewer\u2019s partner takes part in and meant for it', async () => {
    const { police, council, housing, forAll, forCouncil, forHousing } = await setting();
    const seen = async (token: string) =>
      (await hub.request(Notifications, { first: 50 }, token)).data!.notifications!.edges.map(
        (edge) => edge.node.id,
      );
    expect(await seen(council.token)).toEqual([forCouncil.id, forAll.id]);
    expect(await seen(police.token)).toEqual([forAll.id]);
    expect(await seen(housing.token)).toEqual([forHousing.id]);
  });

  it('pages through notifications with a cursor, each once, and caps the page size', async () => {
    const { council, shared } = await setting();
    for (let i = 0; i < 5; i += 1) await recordOutboxEvent(hub, shared, { summary: `more ${i}` });
    const everything = await allPages(council.token, 50);
    expect(everything.ids).toHaveLength(7);
    const paged = await allPages(council.token, 2);
    expect(paged.pages).toBe(4);
    expect(paged.ids).toEqual(everything.ids);

    for (const first of [0, 101]) {
      const response = await hub.request(Notifications, { first }, council.token);
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    }
    for (const after of ['not-a-cursor', Buffer.from('["x","y"]').toString('base64url')]) {
      const response = await hub.request(Notifications, { first: 2, after }, council.token);
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses an anonymous caller, and roles that read no case', async () => {
    const { police } = await setting();
    const anonymous = await hub.request(Notifications, { first: 5 });
    expect({ status: anonymous.status, codes: codes(anonymous) }).toEqual({
      status: 401,
      codes: ['UNAUTHENTICATED'],
    });
    for (const role of [Role.ADMINISTRATOR, Role.BI_SERVICE]) {
      const member = await makeMember(hub.em(), police.partner, role);
      const response = await hub.request(Notifications, { first: 5 }, member.token);
      expect(codes(response)).toEqual(['FORBIDDEN']);
      expect(response.data?.notifications ?? null).toBeNull();
    }
  });
});
