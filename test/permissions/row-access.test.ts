import { clock } from '../../src/common/clock';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../src/auth/viewer';
import {
  reachableIds,
  requireRows,
  ROW_KINDS,
  type RowKind,
} from '../../src/permissions/row-access';
import { IncidentCategory } from '../../src/incidents/incident-category.enum';
import { Incident } from '../../src/incidents/incident.entity';
import { Partner } from '../../src/partners/partner.entity';
import { makeLocation, makePartnerMember, PartnerKind, type Member } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import { makeWorld, type World } from './row-access-support';

/*
 * Who reaches which rows, kind by kind: the lead partner of a case, a partner it added, and an
 * outsider, each asked about one row of their own corner and one of another partner's.
 */

const viewerOf = (member: Member): Viewer => ({
  userId: member.user.id,
  username: member.user.username,
  displayName: member.user.displayName,
  partnerId: member.partner.id,
  partnerKind: member.partner.kind,
  role: member.user.role,
});

type Who = 'lead' | 'partnerOnCase' | 'outsider';

/** For each kind: which of (own corner's row, other corner's row) each viewer reaches. */
const TABLE: Record<RowKind, Record<Who, [boolean, boolean]>> = {
  case: { lead: [true, false], partnerOnCase: [true, false], outsider: [false, false] },
  person: { lead: [true, false], partnerOnCase: [true, false], outsider: [false, false] },
  location: { lead: [true, false], partnerOnCase: [true, false], outsider: [false, false] },
  incident: { lead: [true, false], partnerOnCase: [true, false], outsider: [false, false] },
  intervention: { lead: [true, false], partnerOnCase: [true, false], outsider: [false, false] },
  caseReviewApplication: {
    lead: [true, false],
    partnerOnCase: [true, false],
    outsider: [false, false],
  },
  caseReviewAlert: { lead: [true, false], partnerOnCase: [true, false], outsider: [false, false] },
  action: { lead: [true, false], partnerOnCase: [true, false], outsider: [false, false] },
  partnerDataRequest: {
    lead: [true, false],
    partnerOnCase: [true, false],
    outsider: [false, false],
  },
  jointVisit: { lead: [true, false], partnerOnCase: [true, false], outsider: [false, false] },
  supportOffer: { lead: [true, false], partnerOnCase: [true, false], outsider: [false, false] },
  // Partners with a case holding either record of the pair.
  personMatch: { lead: [true, false], partnerOnCase: [true, false], outsider: [false, false] },
  // Both partners of the corner attend its meeting.
  meeting: { lead: [true, false], partnerOnCase: [true, false], outsider: [false, false] },
  // The corner's basis is the lead's own and released to the partner on the case.
  sharingBasis: { lead: [true, false], partnerOnCase: [true, false], outsider: [false, false] },
  // A partner names only its own records (OSARA answers), not those of a partner on its case.
  ownPartnerRecord: {
    lead: [true, false],
    partnerOnCase: [false, false],
    outsider: [false, false],
  },
  // An import run is its partner's alone.
  importRun: { lead: [true, false], partnerOnCase: [false, false], outsider: [false, false] },
  // The directory and the area's configuration: everyone names every row.
  partner: { lead: [true, true], partnerOnCase: [true, true], outsider: [true, true] },
  user: { lead: [true, true], partnerOnCase: [true, true], outsider: [true, true] },
  letterTemplate: { lead: [true, true], partnerOnCase: [true, true], outsider: [true, true] },
  subjectAccessRequest: {
    lead: [true, true],
    partnerOnCase: [true, true],
    outsider: [true, true],
  },
};

describe('row access', () => {
  let hub: TestHub;
  let own: World;
  let other: World;
  let outsider: Member;
  let rows: Record<RowKind, [string, string]>;

  beforeAll(async () => {
    hub = await startTestHub();
    const em = hub.em();
    own = await makeWorld(em, PartnerKind.HOUSING, PartnerKind.POLICE);
    other = await makeWorld(em, PartnerKind.POLICE, PartnerKind.DRUG_ALCOHOL);
    outsider = await makePartnerMember(em, PartnerKind.MENTAL_HEALTH);
    const [ownTemplate, otherTemplate] = (
      await em.execute<{ id: string }[]>('select id from letter_template order by id limit 2')
    ).map((row) => row.id);
    const [ownRequest, otherRequest] = [randomUUID(), randomUUID()];
    const today = clock.now().toISOString().slice(0, 10);
    await em.execute(
      `insert into subject_access_request (id, received_on, deadline, recorded_by_id)
         values (?, ?::date, ?::date + 30, ?), (?, ?::date, ?::date + 30, ?)`,
      [ownRequest, today, today, own.lead.user.id, otherRequest, today, today, other.lead.user.id],
    );
    const pair = (pick: (world: World) => string): [string, string] => [pick(own), pick(other)];
    rows = {
      ...(Object.fromEntries(
        Object.keys(own.ids).map((kind) => [kind, pair((world) => (world.ids as any)[kind])]),
      ) as Record<RowKind, [string, string]>),
      partner: pair((world) => world.other.partner.id),
      user: pair((world) => world.lead.user.id),
      letterTemplate: [ownTemplate, otherTemplate],
      subjectAccessRequest: [ownRequest, otherRequest],
    };
  });

  afterAll(() => hub?.close());

  const who = (name: Who) =>
    viewerOf(name === 'lead' ? own.lead : name === 'partnerOnCase' ? own.other : outsider);

  it('has a row of the table for every kind', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(ROW_KINDS).sort());
  });

  it.each(
    Object.entries(TABLE).flatMap(([kind, byWho]) =>
      (Object.keys(byWho) as Who[]).map((name) => [kind as RowKind, name] as const),
    ),
  )('%s: what the %s reaches', async (kind, name) => {
    const [ownRow, otherRow] = rows[kind];
    const reached = await reachableIds({ em: hub.em(), viewer: who(name) }, kind, [
      ownRow,
      otherRow,
      randomUUID(),
      'not-an-id',
    ]);
    expect([reached.has(ownRow), reached.has(otherRow), reached.size]).toEqual([
      ...TABLE[kind][name],
      TABLE[kind][name].filter(Boolean).length,
    ]);
  });

  it('reaches a place through each thing that happened there on a case the partner is on', async () => {
    const places = Object.values(own.places).map((place) => place.id);
    const reached = await reachableIds(
      { em: hub.em(), viewer: who('partnerOnCase') },
      'location',
      places,
    );
    expect([...reached].sort()).toEqual([...places].sort());
  });

  it('reaches the place of an incident the partner recorded itself, on no case (an import)', async () => {
    const em = hub.em();
    const place = await makeLocation(em);
    em.create(Incident, {
      occurredAt: new Date(clock.nowMs() - 24 * 3600 * 1000),
      category: IncidentCategory.NUISANCE,
      description: 'Imported report',
      location: place,
      recordedByPartner: em.getReference(Partner, outsider.partner.id),
    });
    await em.flush();
    const reached = async (name: Who) =>
      (await reachableIds({ em: hub.em(), viewer: who(name) }, 'location', [place.id])).size;
    expect([await reached('outsider'), await reached('lead')]).toEqual([1, 0]);
  });

  it('answers a batch of ids of one kind with one statement', async () => {
    const em = hub.em();
    for (const kind of Object.keys(ROW_KINDS) as RowKind[]) {
      const statements = await hub.recordStatements(() =>
        reachableIds({ em, viewer: who('lead') }, kind, rows[kind]),
      );
      expect([kind, statements.length]).toEqual([kind, 1]);
    }
  });

  it('refuses a hidden, a missing and a malformed id with the same NOT_FOUND', async () => {
    const asker = { em: hub.em(), viewer: who('lead') };
    const messages = await Promise.all(
      [other.ids.location, randomUUID(), 'not-an-id'].map((id) =>
        requireRows(asker, 'location', [own.ids.location, id]).then(
          () => 'reached',
          (error) => [error.extensions.code, error.message.replace(id, '<id>')].join(' '),
        ),
      ),
    );
    expect(new Set(messages)).toEqual(
      new Set(['NOT_FOUND No location with id <id> that you can see']),
    );
  });
});
