import { clock } from '../../src/common/clock';
import { MentalHealthRecord } from '../../src/partner-records/mental-health-record.entity';
import { SharingBasisKind } from '../../src/sharing/sharing-basis-kind.enum';
import { SharingBasis } from '../../src/sharing/sharing-basis.entity';
import {
  CaseReferencesOnlyDocument,
  CasesDocument,
  CaseViewDocument,
  MeDocument,
  PersonViewDocument,
} from '../generated/graphql';
import {
  makeCase,
  makeMember,
  makePartner,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
  type Member,
} from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';

/**
 * A partner sees a case only if it leads or takes part in it, and people and records only through
 * such cases. Hidden things must not show through any other door: lists, counts, filters, sort
 * orders, nested paths, or the wording of an error.
 */
describe('row scoping', () => {
  let hub: TestHub;
  let police: Member;
  let housing: Member;
  let mentalHealth: Member;
  let analyst: Member;
  let shared: Awaited<ReturnType<typeof makeCase>>;
  let hidden: Awaited<ReturnType<typeof makeCase>>;
  let victim: Awaited<ReturnType<typeof makePerson>>;
  let onlyInHidden: Awaited<ReturnType<typeof makePerson>>;

  beforeAll(async () => {
    hub = await startTestHub();
    const em = hub.em();
    police = await makeMember(em, await makePartner(em, PartnerKind.POLICE));
    analyst = await makeMember(em, police.partner, Role.ANALYST);
    housing = await makeMember(em, await makePartner(em, PartnerKind.HOUSING));
    mentalHealth = await makeMember(em, await makePartner(em, PartnerKind.MENTAL_HEALTH));
    victim = await makePerson(em);
    onlyInHidden = await makePerson(em);
    // The victim is in both cases; housing takes part only in the shared one.
    shared = await makeCase(em, police, {
      others: [housing.partner, mentalHealth.partner],
      people: [[victim, PersonRole.VICTIM]],
    });
    hidden = await makeCase(em, police, {
      others: [mentalHealth.partner],
      people: [
        [victim, PersonRole.VICTIM],
        [onlyInHidden, PersonRole.PERPETRATOR],
      ],
    });
    em.create(MentalHealthRecord, {
      ownerPartner: mentalHealth.partner,
      person: victim,
      careContact: 'CARE-CONTACT',
      clinicalNotes: 'CLINICAL',
    });
    await em.flush();
  });
  afterAll(() => hub.close());

  it('answers a case the partner is not part of exactly as it answers a case that does not exist', async () => {
    const hiddenAnswer = await hub.request(CaseViewDocument, { id: hidden.id }, housing.token);
    const missingId = '00000000-0000-4000-8000-00000000dead';
    const missingAnswer = await hub.request(CaseViewDocument, { id: missingId }, housing.token);
    expect(hiddenAnswer.data?.case).toBeNull();
    expect(codes(hiddenAnswer)).toEqual(['NOT_FOUND']);
    expect(hiddenAnswer.errors![0].message.replace(hidden.id, 'ID')).toBe(
      missingAnswer.errors![0].message.replace(missingId, 'ID'),
    );
    expect(hiddenAnswer.status).toBe(missingAnswer.status);
  });

  it('answers a malformed case id as not found, never with a database error', async () => {
    const answer = await hub.request(CaseViewDocument, { id: "1' or '1'='1" }, housing.token);
    expect(codes(answer)).toEqual(['NOT_FOUND']);
  });

  it('never lists, or counts, a case the partner is not part of', async () => {
    const list = await hub.request(CasesDocument, { first: 100 }, housing.token);
    const ids = list.data!.cases!.edges.map((edge) => edge.node.id);
    expect(ids).toContain(shared.id);
    expect(ids).not.toContain(hidden.id);
    expect(list.data!.cases!.totalCount).toBe(ids.length);
    const me = await hub.request(MeDocument, { first: 100 }, housing.token);
    expect(me.data!.me.cases!.edges.map((edge) => edge.node.id)).toEqual(ids);
    expect(me.data!.me.cases!.totalCount).toBe(ids.length);
  });

  it('does not reveal through a filter that a person is in a case the partner cannot see', async () => {
    const byPerson = await hub.request(
      CasesDocument,
      { first: 100, filter: { personId: onlyInHidden.id } },
      housing.token,
    );
    expect(byPerson.data!.cases!.totalCount).toBe(0);
    expect(byPerson.data!.cases!.edges).toEqual([]);
    const bySearch = await hub.request(
      CasesDocument,
      { first: 100, filter: { search: hidden.reference } },
      housing.token,
    );
    expect(bySearch.data!.cases!.totalCount).toBe(0);
  });

  it('shows a person only the cases the viewer takes part in, not their other cases', async () => {
    const answer = await hub.request(PersonViewDocument, { id: victim.id }, housing.token);
    expect(answer.data!.person!.cases.map((c) => c.id)).toEqual([shared.id]);
    const police_ = await hub.request(PersonViewDocument, { id: victim.id }, police.token);
    expect(police_.data!.person!.cases.map((c) => c.id).sort()).toEqual(
      [shared.id, hidden.id].sort(),
    );
  });

  it('answers a person seen only in a hidden case exactly as a person who does not exist', async () => {
    const hiddenPerson = await hub.request(
      PersonViewDocument,
      { id: onlyInHidden.id },
      housing.token,
    );
    const missingPerson = await hub.request(
      PersonViewDocument,
      { id: '00000000-0000-4000-8000-00000000beef' },
      housing.token,
    );
    expect(codes(hiddenPerson)).toEqual(['NOT_FOUND']);
    expect(codes(missingPerson)).toEqual(['NOT_FOUND']);
    expect(hiddenPerson.errors![0].message.replace(onlyInHidden.id, 'ID')).toBe(
      missingPerson.errors![0].message.replace('00000000-0000-4000-8000-00000000beef', 'ID'),
    );
  });

  it('does not let a partner learn that a mental health record exists until a sharing basis releases it', async () => {
    const before = await hub.request(PersonViewDocument, { id: victim.id }, housing.token);
    expect(before.data!.person!.mentalHealthRecords).toEqual([]);

    const em = hub.em();
    const basis = em.create(SharingBasis, {
      person: victim,
      ownerPartner: mentalHealth.partner,
      case: shared,
      recipientPartnerIds: [housing.partner.id],
      kind: SharingBasisKind.CONSENT,
      reason: 'consented to share with the housing provider',
      decidedBy: mentalHealth.user,
      recordedAt: new Date(clock.nowMs() - 1000),
    });
    await em.flush();
    const during = await hub.request(PersonViewDocument, { id: victim.id }, housing.token);
    expect(during.data!.person!.mentalHealthRecords).toEqual([
      expect.objectContaining({
        knownToServices: true,
        careContact: 'CARE-CONTACT',
        clinicalNotes: null,
        riskSummary: null,
      }),
    ]);
    expect(codes(during).sort()).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    // Consent to share with housing is not consent to share with the police.
    const policeView = await hub.request(PersonViewDocument, { id: victim.id }, police.token);
    expect(policeView.data!.person!.mentalHealthRecords).toEqual([]);

    basis.withdrawnAt = clock.now();
    await em.flush();
    const after = await hub.request(PersonViewDocument, { id: victim.id }, housing.token);
    expect(after.data!.person!.mentalHealthRecords).toEqual([]);
  });

  it('refuses a filter on a field the viewer may not read, rather than answering it', async () => {
    const answer = await hub.request(
      CasesDocument,
      { first: 10, filter: { personId: victim.id } },
      analyst.token,
    );
    expect(codes(answer)).toEqual(['FORBIDDEN']);
    expect(answer.data?.cases ?? null).toBeNull();
    expect(JSON.stringify(answer)).not.toContain(shared.id);
  });

  it('pages through exactly the visible cases, each once, in order', async () => {
    const em = hub.em();
    for (let i = 0; i < 5; i++) await makeCase(em, housing);
    const all = await hub.request(
      CasesDocument,
      { first: 100, orderBy: 'RISK_LEVEL_DESC' },
      housing.token,
    );
    const expected = all.data!.cases!.edges.map((edge) => edge.node.id);
    const seen: string[] = [];
    let after: string | null | undefined;
    do {
      const page = await hub.request(
        CasesDocument,
        { first: 2, after, orderBy: 'RISK_LEVEL_DESC' },
        housing.token,
      );
      seen.push(...page.data!.cases!.edges.map((edge) => edge.node.id));
      after = page.data!.cases!.pageInfo.hasNextPage ? page.data!.cases!.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
    expect(expected).not.toContain(hidden.id);
  });

  it('refuses a page larger than the cap, and a cursor it did not issue', async () => {
    const tooBig = await hub.request(
      CaseReferencesOnlyDocument,
      { first: hub.config.maxPageSize + 1 },
      housing.token,
    );
    expect(codes(tooBig)).toEqual(['BAD_USER_INPUT']);
    const forged = await hub.request(
      CasesDocument,
      { first: 2, after: 'not-a-cursor' },
      housing.token,
    );
    expect(codes(forged)).toEqual(['BAD_USER_INPUT']);
    const wrongTypes = Buffer.from(JSON.stringify(['yesterday', 'robert'])).toString('base64url');
    const typed = await hub.request(CasesDocument, { first: 2, after: wrongTypes }, housing.token);
    expect(codes(typed)).toEqual(['BAD_USER_INPUT']);
  });
});
