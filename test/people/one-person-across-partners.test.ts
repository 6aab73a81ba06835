import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { PossibleBreach } from '../../src/interventions/possible-breach.entity';
import { Partner } from '../../src/partners/partner.entity';
import { PersonLink } from '../../src/people/person-link.entity';
import { Person } from '../../src/people/person.entity';
import {
  makeCase,
  makeLocation,
  makeMember,
  makePartnerMember,
  PartnerKind,
  Role,
  type Member,
} from '../support/factories';
import { gql } from '../support/gql';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { ladderCase, noon, ok, warnedPerson } from '../interventions/ladder-support';
import {
  addNewPerson,
  CONFIRM,
  familyName,
  MATCHES,
  nhsNumber,
  pncId,
  RECORD_INCIDENT,
  REJECT,
  UNLINK,
} from './matching-support';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

/** A police-led case and a housing-led case about the same street, sharing no partner. */
async function twoPartners() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const policeLead = await makeMember(em, police.partner, Role.SUPERVISOR);
  const housingLead = await makeMember(em, housing.partner, Role.SUPERVISOR);
  const outsider = await makePartnerMember(em, PartnerKind.COUNCIL, Role.SUPERVISOR);
  const policeCase = await makeCase(em, police, { location: await makeLocation(em) });
  const housingCase = await makeCase(em, housing, { location: await makeLocation(em) });
  const man = { givenName: 'Darren', familyName: familyName(), dateOfBirth: '1988-03-14' };
  /** Records him on each partner's case, police first; returns both new person ids. */
  const recordTwice = async (first: Record<string, unknown>, second: Record<string, unknown>) => {
    const a = await ok(addNewPerson(hub, police, policeCase.id, first));
    const b = await ok(addNewPerson(hub, housing, housingCase.id, second));
    return [a.addPersonToCase!.person!.id, b.addPersonToCase!.person!.id] as const;
  };
  return {
    police,
    housing,
    policeLead,
    housingLead,
    outsider,
    policeCase,
    housingCase,
    man,
    recordTwice,
  };
}

const PERSON = gql<
  {
    person: { nhsNumber: string | null; pncId: string | null; yourReference: string | null } | null;
  },
  { id: string }
>(`query ($id: ID!) { person(id: $id) { nhsNumber pncId yourReference } }`);

const ACTIVE = gql<{ person: { activeInterventions: { id: string }[] } | null }, { id: string }>(
  `query ($id: ID!) { person(id: $id) { activeInterventions { id } } }`,
);
const CASE = gql<{ case: { id: string } | null }, { id: string }>(
  `query ($id: ID!) { case(id: $id) { id } }`,
);

const FLAGS = gql<
  {
    case: {
      interventions: { id: string; possibleBreaches: { throughLink: string | null }[] | null }[];
    } | null;
  },
  { id: string }
>(`query ($id: ID!) { case(id: $id) { interventions { id possibleBreaches { throughLink } } } }`);

const linksOf = (personId: string) => hub.em().find(PersonLink, { person: personId });

describe('one person across partners', () => {
  it('refuses an NHS number whose check digit is wrong, or a malformed PNC id, and records no one', async () => {
    const s = await twoPartners();
    const valid = nhsNumber();
    const wrong = valid.slice(0, 9) + String((Number(valid[9]) + 1) % 10);

    const bad = await addNewPerson(hub, s.police, s.policeCase.id, { ...s.man, nhsNumber: wrong });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const pnc = pncId();
    const badLetter = pnc.slice(0, -1) + (pnc.endsWith('A') ? 'B' : 'A');
    for (const pncValue of ['12345', badLetter]) {
      const answer = await addNewPerson(hub, s.police, s.policeCase.id, {
        ...s.man,
        pncId: pncValue,
      });
      expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    }
    expect(await hub.em().count(Person, { familyName: s.man.familyName })).toBe(0);
  });

  it('links two records with the same NHS number at once, whatever the names say', async () => {
    const s = await twoPartners();
    const nhs = nhsNumber();
    const [first, second] = await s.recordTwice(
      { ...s.man, nhsNumber: nhs },
      {
        givenName: 'Daz',
        familyName: s.man.familyName + 'e',
        nhsNumber: nhs.replace(/^(\d{3})(\d{3})/, '$1 $2 '),
      },
    );
    const [link] = await linksOf(second);
    expect(link).toMatchObject({ status: 'LINKED', method: 'IDENTIFIER', evidence: 'NHS_NUMBER' });
    expect(link.matchedPerson.id).toBe(first);
  });

  it('links on the same PNC id in either spelling, and on the same partner reference given again', async () => {
    const s = await twoPartners();
    const pnc = pncId();
    const [first, second] = await s.recordTwice(
      { ...s.man, pncId: pnc },
      { givenName: 'D', familyName: 'Unrelated', pncId: `20${pnc}` },
    );
    expect((await linksOf(second))[0]).toMatchObject({ evidence: 'PNC_ID', status: 'LINKED' });
    expect((await linksOf(second))[0].matchedPerson.id).toBe(first);

    const again = await makeCase(hub.em(), s.police);
    const ref = `CMS-${familyName()}`;
    const a = await ok(
      addNewPerson(hub, s.police, s.policeCase.id, {
        givenName: 'Kim',
        familyName: familyName(),
        partnerReference: ref,
      }),
    );
    const b = await ok(
      addNewPerson(hub, s.police, again.id, {
        givenName: 'Kimberley',
        familyName: familyName(),
        partnerReference: ref,
      }),
    );
    const [link] = await linksOf(b.addPersonToCase!.person!.id);
    expect(link).toMatchObject({ evidence: 'PARTNER_REFERENCE', status: 'LINKED' });
    expect(link.matchedPerson.id).toBe(a.addPersonToCase!.person!.id);
  });

  it('identifiers are shown to partners on a shared case, a partner reference only to its partner, neither to an analyst', async () => {
    const s = await twoPartners();
    const shared = await makeCase(hub.em(), s.police, { others: [s.housing.partner] });
    const nhs = nhsNumber();
    const added = await ok(
      addNewPerson(hub, s.police, shared.id, { ...s.man, nhsNumber: nhs, partnerReference: 'P-1' }),
    );
    const id = added.addPersonToCase!.person!.id;
    expect(added.addPersonToCase!.person).toMatchObject({ nhsNumber: nhs, yourReference: 'P-1' });
    const seen = await ok(hub.request(PERSON, { id }, s.housing.token));
    expect(seen.person).toEqual({ nhsNumber: nhs, pncId: null, yourReference: null });
    const analyst = await makeMember(hub.em(), s.police.partner, Role.ANALYST);
    expect(codes(await hub.request(PERSON, { id }, analyst.token))).toContain('FORBIDDEN');
    expect(codes(await hub.request(PERSON, { id }, s.outsider.token))).toEqual(['NOT_FOUND']);
  });

  it('links the same name and date of birth (strong evidence) without an identifier', async () => {
    const s = await twoPartners();
    const [first, second] = await s.recordTwice(s.man, { ...s.man, givenName: 'darren' });
    const [link] = await linksOf(second);
    expect(link).toMatchObject({
      status: 'LINKED',
      method: 'PROBABILISTIC',
      evidence: 'NAME_AND_BIRTH_DATE',
    });
    expect(link.matchedPerson.id).toBe(first);
    expect(link.score).toBeGreaterThanOrEqual(25);
  });

  it('puts the same name with no date of birth to review: the earlier record’s supervisors see only their own record; the recording partner and an outsider see nothing', async () => {
    const s = await twoPartners();
    const [first, second] = await s.recordTwice(s.man, { ...s.man, dateOfBirth: null });
    const [link] = await linksOf(second);
    expect(link).toMatchObject({ status: 'REVIEW', method: 'PROBABILISTIC' });
    expect(link.matchedPerson.id).toBe(first);

    const listed = async (member: Member) =>
      (await ok(hub.request(MATCHES, {}, member.token))).personMatches!.filter(
        (m) => m.id === link.id,
      );
    const [item] = await listed(s.policeLead);
    expect(item.people).toEqual([{ id: first }]);
    expect(item.knownToAnotherPartner).toBeNull();
    // The police do not allow being named: the housing provider is not told he is known.
    expect(await listed(s.housingLead)).toEqual([]);
    expect(await listed(s.outsider)).toEqual([]);
    expect(codes(await hub.request(MATCHES, {}, s.police.token))).toEqual(['FORBIDDEN']);

    // Hidden answers like missing: neither the outsider nor the recording partner can decide it.
    for (const member of [s.outsider, s.housingLead]) {
      expect(codes(await hub.request(CONFIRM, { id: link.id }, member.token))).toEqual([
        'NOT_FOUND',
      ]);
    }
    expect(codes(await hub.request(CONFIRM, { id: link.id }, s.police.token))).toEqual([
      'FORBIDDEN',
    ]);
    const confirmed = await ok(hub.request(CONFIRM, { id: link.id }, s.policeLead.token));
    expect(confirmed.confirmPersonMatch!.status).toBe('LINKED');
    // Decided once: a second decision is a conflict.
    expect(codes(await hub.request(REJECT, { id: link.id }, s.policeLead.token))).toEqual([
      'CONFLICT',
    ]);
  });

  it('tells the recording partner "ask the lead of case X" only when the other partner allows it', async () => {
    const s = await twoPartners();
    const em = hub.em();
    const police = await em.findOneOrFail(Partner, s.police.partner.id);
    police.revealsPersonMatches = true;
    await em.flush();
    const [, second] = await s.recordTwice(s.man, { ...s.man, dateOfBirth: null });
    const [link] = await linksOf(second);
    const listed = (await ok(hub.request(MATCHES, {}, s.housingLead.token))).personMatches!;
    const item = listed.find((m) => m.id === link.id)!;
    expect(item.knownToAnotherPartner).toBe(
      `Known to another partner: ask the lead of case ${s.policeCase.reference}`,
    );
    expect(item.people).toEqual([{ id: second }]);
  });

  it('a rejected review item links nothing, and is audited', async () => {
    const s = await twoPartners();
    const [, second] = await s.recordTwice(s.man, { ...s.man, dateOfBirth: null });
    const [link] = await linksOf(second);
    const rejected = await ok(hub.request(REJECT, { id: link.id }, s.policeLead.token));
    expect(rejected.rejectPersonMatch!.status).toBe('REJECTED');
    const audit = await hub
      .em()
      .find(
        AuditEntry,
        { subjectType: 'PersonLink', subjectId: link.id },
        { orderBy: { occurredAt: 'asc' } },
      );
    expect(audit.map((row) => row.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1].userId).toBe(s.policeLead.user.id);
  });

  it('two processes recording the same NHS number at once make one individual, not two', async () => {
    const s = await twoPartners();
    // Several pairs at once, so that an unlocked decision would show its race.
    const pairs = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const nhs = nhsNumber();
        const [a, b] = await Promise.all([
          ok(addNewPerson(hub, s.police, s.policeCase.id, { ...s.man, nhsNumber: nhs })),
          ok(
            addNewPerson(hub, s.housing, s.housingCase.id, {
              givenName: 'X',
              familyName: familyName(),
              nhsNumber: nhs,
            }),
          ),
        ]);
        return [a.addPersonToCase!.person!.id, b.addPersonToCase!.person!.id];
      }),
    );
    for (const ids of pairs) {
      const links = await hub.em().find(PersonLink, {
        person: { $in: ids },
        matchedPerson: { $in: ids },
      });
      expect(links.map((link) => link.evidence)).toEqual(['NHS_NUMBER']);
    }
  });
});

describe('a linked man is one individual for the ladder', () => {
  /**
   * His CPW is on a council-led case the police take part in; the housing provider, on neither,
   * records him afresh on its own case, then an incident against him there.
   */
  async function warnedThenRecordedAgain() {
    const setting = await ladderCase(hub);
    const cpw = await warnedPerson(hub, setting, { cpw: 20, complianceDate: 10 });
    const housing = setting.outsider;
    const housingLead = await makeMember(hub.em(), housing.partner, Role.SUPERVISOR);
    const councilLead = await makeMember(hub.em(), setting.council.partner, Role.SUPERVISOR);
    const housingCase = await makeCase(hub.em(), housing, {
      location: await makeLocation(hub.em()),
    });
    const added = await ok(
      addNewPerson(hub, housing, housingCase.id, {
        givenName: setting.perpetrator.givenName,
        familyName: setting.perpetrator.familyName,
        dateOfBirth: setting.perpetrator.dateOfBirth,
      }),
    );
    const secondRecord = added.addPersonToCase!.person!.id;
    const record = (days = 3) =>
      hub.request(
        RECORD_INCIDENT,
        {
          input: {
            caseId: housingCase.id,
            occurredAt: noon(days).toISOString(),
            category: 'PERSONAL',
            description: 'Kicked the door of the flat below',
            newLocation: { kind: 'ADDRESS', description: 'Flat 2, 8 Other Road' },
            people: [{ personId: secondRecord, role: 'PERPETRATOR' }],
          },
        },
        housing.token,
      );
    return {
      ...setting,
      cpw,
      housing,
      housingLead,
      councilLead,
      housingCase,
      added,
      secondRecord,
      record,
    };
  }

  it('his CPW from the first case flags a possible breach when the second partner records an incident against him, showing that partner nothing of the first case', async () => {
    const s = await warnedThenRecordedAgain();
    expect(JSON.stringify(s.added)).not.toContain(s.onCase.reference);
    expect(JSON.stringify(s.added)).not.toContain(s.perpetrator.id);
    const [link] = await linksOf(s.secondRecord);
    expect(link).toMatchObject({
      status: 'LINKED',
      matchedPerson: expect.objectContaining({ id: s.perpetrator.id }),
    });

    const recorded = await ok(s.record());
    expect(JSON.stringify(recorded)).not.toContain(s.onCase.reference);
    expect(JSON.stringify(recorded)).not.toContain(s.perpetrator.id);
    const flags = await hub.em().find(PossibleBreach, { intervention: s.cpw.id });
    expect(flags).toHaveLength(1);
    expect(flags[0].recordedOnCase.id).toBe(s.housingCase.id);
    expect(flags[0].viaPersonLink?.id).toBe(link.id);

    // The recording partner: no CPW on his record, the issuing case answers as missing.
    const active = await ok(hub.request(ACTIVE, { id: s.secondRecord }, s.housing.token));
    expect(active.person!.activeInterventions).toEqual([]);
    expect(codes(await hub.request(CASE, { id: s.onCase.id }, s.housing.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await hub.request(PERSON, { id: s.perpetrator.id }, s.housing.token))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('undoing the link makes two individuals again: later incidents are not flagged, the earlier flag stays with the undone link, all audited', async () => {
    const s = await warnedThenRecordedAgain();
    await ok(s.record(3));
    const [link] = await linksOf(s.secondRecord);
    const linked = (await ok(hub.request(MATCHES, { status: 'LINKED' }, s.councilLead.token)))
      .personMatches!;
    expect(linked.find((m) => m.id === link.id)!.people).toEqual([{ id: s.perpetrator.id }]);

    const undone = await ok(hub.request(UNLINK, { id: link.id }, s.councilLead.token));
    expect(undone.unlinkPersonMatch!.status).toBe('UNLINKED');
    await ok(s.record(2));
    const flags = await hub
      .em()
      .find(PossibleBreach, { intervention: s.cpw.id }, { populate: ['viaPersonLink'] });
    expect(flags).toHaveLength(1);
    expect(flags[0].viaPersonLink!.status).toBe('UNLINKED');
    // The issuing case's partners see that the flag came through a link since undone.
    const seen = await ok(hub.request(FLAGS, { id: s.onCase.id }, s.police.token));
    const cpw = seen.case!.interventions.find((i) => i.id === s.cpw.id)!;
    expect(cpw.possibleBreaches).toEqual([{ throughLink: 'UNLINKED' }]);

    const audit = await hub
      .em()
      .find(
        AuditEntry,
        { subjectType: 'PersonLink', subjectId: link.id },
        { orderBy: { occurredAt: 'asc' } },
      );
    expect(audit.map((row) => [row.action, row.partnerId])).toEqual([
      ['CREATE', s.housing.partner.id],
      ['UPDATE', s.council.partner.id],
    ]);
  });
});
