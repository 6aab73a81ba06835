import { clock, setClock } from '../../src/common/clock';
import { resumeTestClock } from '../support/clock';
import { signDemoToken } from '../../src/auth/demo-token';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseIncident } from '../../src/cases/case-incident.entity';
import { Incident } from '../../src/incidents/incident.entity';
import { Location } from '../../src/locations/location.entity';
import {
  ReadBackCaseDocument,
  RecordIncidentDocument,
  type IncidentCategory,
  type RecordIncidentInput,
} from '../generated/graphql';
import {
  makeCase,
  makeIncident,
  makeLocation,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  unique,
  type Member,
} from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import {
  daysAgo,
  daysFromNow,
  expectRefused,
  field,
  MALFORMED_ID,
  NON_CASEWORK_ROLES,
  UNKNOWN_ID,
  type RowCounts,
} from './refusals';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const MINUTE = 60 * 1000;
const later = (date: Date, minutes: number) => new Date(date.getTime() + minutes * MINUTE);

/** Rows that hang off the case's incidents: reports and people involved. */
async function countOnCaseIncidents(em: EntityManager, table: string, caseId: string) {
  const [row] = await em.execute<{ n: string }[]>(
    `select count(*) as n from ${table} t
       join case_incident ci on ci.incident_id = t.incident_id
      where ci.case_id = ?`,
    [caseId],
  );
  return Number(row.n);
}

/**
 * A police-led case on an estate that the council and housing provider take part in, with a
 * victim and a perpetrator in it, and a place (the stairwell) incidents happen at.
 */
async function setting() {
  const em = hub.em();
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const victim = await makePerson(em);
  const perpetrator = await makePerson(em);
  const witness = await makePerson(em);
  const stairwell = await makeLocation(em);
  const onCase = await makeCase(em, police, {
    others: [council.partner, housing.partner],
    people: [
      [victim, PersonRole.VICTIM],
      [perpetrator, PersonRole.PERPETRATOR],
      [witness, PersonRole.WITNESS],
    ],
    // A place is named by id only once one of the partner's cases knows it.
    location: stairwell,
  });
  const description = unique('Shouting and banging on the victim’s door');
  const newPlace = unique('Bus shelter, Mill Lane');
  const occurredAt = daysAgo(3);
  const input: RecordIncidentInput = {
    caseId: onCase.id,
    occurredAt: occurredAt.toISOString(),
    reportedAt: later(occurredAt, 20).toISOString(),
    category: 'PERSONAL',
    description,
    locationId: stairwell.id,
    sourceReference: unique('LOG'),
    people: [
      { personId: victim.id, role: 'VICTIM' },
      { personId: perpetrator.id, role: 'PERPETRATOR' },
    ],
  };
  const rows: RowCounts = async (check) => ({
    incidentsOnCase: await check.count(CaseIncident, { case: onCase.id }),
    reports: await countOnCaseIncidents(check, 'incident_report', onCase.id),
    peopleInvolved: await countOnCaseIncidents(check, 'incident_person', onCase.id),
    incidentsDescribed: await check.count(Incident, { description }),
    newPlaces: await check.count(Location, { description: newPlace }),
  });
  return {
    police,
    council,
    housing,
    victim,
    perpetrator,
    witness,
    stairwell,
    onCase,
    occurredAt,
    input,
    newPlace,
    rows,
  };
}

const record = (input: RecordIncidentInput, member?: Member) =>
  hub.request(RecordIncidentDocument, { input }, member?.token);

describe('recordIncident', () => {
  it('records an incident reported to the caller’s partner, with its place, people and source reference', async () => {
    const { police, council, victim, perpetrator, stairwell, onCase, input, rows } =
      await setting();
    const response = await record(input, police);
    expect(response.errors).toBeUndefined();
    const { attachedToExistingIncident, incident } = response.data!.recordIncident!;
    expect(attachedToExistingIncident).toBe(false);
    expect(incident).toEqual({
      id: expect.any(String),
      occurredAt: input.occurredAt,
      category: 'PERSONAL',
      description: input.description,
      location: { id: stairwell.id },
      reports: [
        {
          partner: { id: police.partner.id },
          reportedAt: input.reportedAt,
          sourceReference: input.sourceReference,
        },
      ],
      people: expect.arrayContaining([
        { role: 'VICTIM', person: { id: victim.id } },
        { role: 'PERPETRATOR', person: { id: perpetrator.id } },
      ]),
    });
    expect(await rows(hub.em())).toMatchObject({
      incidentsOnCase: 1,
      reports: 1,
      peopleInvolved: 2,
      incidentsDescribed: 1,
    });

    // Another partner on the case reads it in the case's chronology.
    const readBack = await hub.request(ReadBackCaseDocument, { id: onCase.id }, council.token);
    expect(readBack.errors).toBeUndefined();
    expect(readBack.data!.case!.incidents).toEqual([
      expect.objectContaining({ id: incident.id, description: input.description }),
    ]);
  });

  it('dates the report now when the partner does not say when it was told', async () => {
    const { police, input } = await setting();
    const before = clock.nowMs();
    const response = await record({ ...input, reportedAt: undefined }, police);
    expect(response.errors).toBeUndefined();
    const reportedAt = Date.parse(response.data!.recordIncident!.incident.reports[0].reportedAt);
    expect(reportedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(reportedAt).toBeLessThanOrEqual(clock.nowMs() + 1000);
  });

  it('reads "now" from the hub\u2019s clock: a report dated by the hub, and the future, follow it', async () => {
    const { police, input } = await setting();
    const moment = new Date('2031-03-14T09:30:00Z');
    setClock(moment, { frozen: true });
    try {
      // A token from before would have expired by then: tokens are checked by the same clock.
      const signedIn = {
        ...police,
        token: await signDemoToken({
          username: police.user.username,
          role: police.user.role,
          partnerId: police.partner.id,
        }),
      };
      // Four years past the suite's own time, which the hub would refuse as the future were it
      // reading the system's date instead.
      const response = await record(
        { ...input, occurredAt: '2031-03-14T08:00:00Z', reportedAt: undefined },
        signedIn,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.recordIncident!.incident.reports[0].reportedAt).toBe(
        moment.toISOString(),
      );
      const ahead = await record(
        { ...input, occurredAt: '2031-03-14T10:30:00Z', reportedAt: undefined },
        signedIn,
      );
      expect(codes(ahead)).toEqual(['BAD_USER_INPUT']);
      expect(ahead.errors![0].message).toBe('occurredAt is in the future');
    } finally {
      resumeTestClock();
    }
  });

  it('records an incident at a new place, which the hub then knows', async () => {
    const { police, input, newPlace, rows } = await setting();
    const response = await record(
      {
        ...input,
        locationId: undefined,
        newLocation: { kind: 'PUBLIC_PLACE', description: newPlace },
      },
      police,
    );
    expect(response.errors).toBeUndefined();
    expect((await rows(hub.em())).newPlaces).toBe(1);
  });

  describe('the same episode reported to several partners', () => {
    it('a report of the same episode to a second partner, at the same place within the matching window, is attached to the existing incident', async () => {
      const { police, council, victim, witness, onCase, occurredAt, input, rows } = await setting();
      const first = await record(input, police);
      expect(first.errors).toBeUndefined();
      const window = hub.config.episodeMatchMinutes;
      expect(window).toBeGreaterThan(10);

      // The council is told of it by the victim: the time given is a little later.
      const second = await record(
        {
          ...input,
          occurredAt: later(occurredAt, window - 5).toISOString(),
          reportedAt: later(occurredAt, window + 60).toISOString(),
          description: 'Victim phoned the ASB team about the shouting',
          sourceReference: 'COUNCIL-77',
          people: [
            { personId: victim.id, role: 'VICTIM' },
            { personId: witness.id, role: 'WITNESS' },
          ],
        },
        council,
      );
      expect(second.errors).toBeUndefined();
      const attached = second.data!.recordIncident!;
      expect(attached.attachedToExistingIncident).toBe(true);
      expect(attached.incident.id).toBe(first.data!.recordIncident!.incident.id);
      // One incident, as first described, now with two reports.
      expect(attached.incident.occurredAt).toBe(input.occurredAt);
      expect(attached.incident.description).toBe(input.description);
      expect(attached.incident.reports.map((r) => r.partner.id).sort()).toEqual(
        [police.partner.id, council.partner.id].sort(),
      );
      // The witness the council heard about joins the people involved; the victim is not doubled.
      expect(attached.incident.people).toHaveLength(3);
      expect(attached.incident.people).toContainEqual({
        role: 'WITNESS',
        person: { id: witness.id },
      });
      expect(await rows(hub.em())).toMatchObject({
        incidentsOnCase: 1,
        reports: 2,
        peopleInvolved: 3,
      });

      const readBack = await hub.request(ReadBackCaseDocument, { id: onCase.id }, police.token);
      expect(readBack.data!.case!.incidents).toHaveLength(1);
      expect(readBack.data!.case!.incidents[0].reports).toHaveLength(2);
    });

    it('a second partner naming the incident attaches its report even when its time and place differ', async () => {
      const { police, housing, occurredAt, input, rows } = await setting();
      const first = await record(input, police);
      const incidentId = first.data!.recordIncident!.incident.id;
      const second = await record(
        {
          ...input,
          occurredAt: later(occurredAt, -24 * 60).toISOString(),
          reportedAt: occurredAt.toISOString(),
          category: 'NUISANCE',
          locationId: undefined,
          people: [],
          sameEpisodeAsIncidentId: incidentId,
        },
        housing,
      );
      expect(second.errors).toBeUndefined();
      expect(second.data!.recordIncident!.attachedToExistingIncident).toBe(true);
      expect(second.data!.recordIncident!.incident.id).toBe(incidentId);
      expect(await rows(hub.em())).toMatchObject({ incidentsOnCase: 1, reports: 2 });
    });

    it('the same partner reporting an episode it already reported is refused as a conflict', async () => {
      const { police, input, rows } = await setting();
      const first = await record(input, police);
      const incidentId = first.data!.recordIncident!.incident.id;
      const response = await expectRefused(
        hub,
        rows,
        // Its own second report (another reference): a retry of the first would be answered as it was.
        () =>
          record(
            { ...input, sourceReference: 'LOG-2', sameEpisodeAsIncidentId: incidentId },
            police,
          ),
        'CONFLICT',
      );
      expect(response.errors![0].message).toMatch(/already reported/);
    });

    it('another member of the same partner reporting it again is refused as a conflict too', async () => {
      const { police, input, rows } = await setting();
      const first = await record(input, police);
      const colleague = await makeMember(hub.em(), police.partner);
      await expectRefused(
        hub,
        rows,
        () =>
          record(
            {
              ...input,
              sourceReference: 'LOG-2',
              sameEpisodeAsIncidentId: first.data!.recordIncident!.incident.id,
            },
            colleague,
          ),
        'CONFLICT',
      );
    });

    it('a second report by the partner that recorded the first, not naming it, is a separate incident', async () => {
      const { police, input, rows } = await setting();
      await record(input, police);
      const second = await record({ ...input, sourceReference: 'LOG-2' }, police);
      expect(second.errors).toBeUndefined();
      expect(second.data!.recordIncident!.attachedToExistingIncident).toBe(false);
      expect(await rows(hub.em())).toMatchObject({ incidentsOnCase: 2, reports: 2 });
    });

    it('reports outside the matching window, at another place, of another category or with no place are separate incidents', async () => {
      const { police, council, occurredAt, input, rows } = await setting();
      await record(input, police);
      const elsewhere = await makeLocation(hub.em());
      await makeCase(hub.em(), council, { location: elsewhere });
      const window = hub.config.episodeMatchMinutes;
      const variants: Partial<RecordIncidentInput>[] = [
        { occurredAt: later(occurredAt, window + 5).toISOString() },
        { occurredAt: later(occurredAt, -window - 5).toISOString() },
        { locationId: elsewhere.id },
        { category: 'ENVIRONMENTAL' },
        { locationId: undefined },
      ];
      for (const [i, variant] of variants.entries()) {
        const response = await record(
          {
            ...input,
            sourceReference: `COUNCIL-${i}`,
            reportedAt: later(occurredAt, window + 60).toISOString(),
            ...variant,
          },
          council,
        );
        expect(codes(response)).toEqual([]);
        expect(response.data!.recordIncident!.attachedToExistingIncident).toBe(false);
      }
      expect(await rows(hub.em())).toMatchObject({ incidentsOnCase: 6, reports: 6 });
    });

    it('does not attach a report to a matching incident on another case', async () => {
      const { police, council, input } = await setting();
      await record(input, police);
      const otherCase = await makeCase(hub.em(), council, { others: [police.partner] });
      const response = await record({ ...input, caseId: otherCase.id, people: [] }, council);
      expect(response.errors).toBeUndefined();
      expect(response.data!.recordIncident!.attachedToExistingIncident).toBe(false);
    });
  });

  describe('refuses, writing nothing,', () => {
    it('refuses an anonymous caller', async () => {
      const { input, rows } = await setting();
      await expectRefused(hub, rows, () => record(input), 'UNAUTHENTICATED', 401);
    });

    it('refuses analysts, administrators and other roles that do not do casework', async () => {
      const { police, input, rows } = await setting();
      for (const role of NON_CASEWORK_ROLES) {
        const member = await makeMember(hub.em(), police.partner, role);
        await expectRefused(hub, rows, () => record(input, member), 'FORBIDDEN');
      }
    });

    it('does not let another partner write to a case it is not part of', async () => {
      const { input, rows } = await setting();
      const mentalHealth = await makePartnerMember(hub.em(), PartnerKind.MENTAL_HEALTH);
      await expectRefused(
        hub,
        rows,
        () => record({ ...input, people: [] }, mentalHealth),
        'NOT_FOUND',
      );
    });

    it('refuses an unknown case and a malformed case id as not found', async () => {
      const { police, input, rows } = await setting();
      for (const caseId of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(hub, rows, () => record({ ...input, caseId }, police), 'NOT_FOUND');
      }
    });

    it('refuses an incident with no description', async () => {
      const { police, input, rows } = await setting();
      for (const description of ['', ' \t ']) {
        const response = await expectRefused(
          hub,
          rows,
          () => record({ ...input, description }, police),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe('description');
      }
    });

    it('refuses an incident that has not happened yet, or was reported before it happened or in the future', async () => {
      const { police, occurredAt, input, rows } = await setting();
      for (const [dates, name] of [
        [{ occurredAt: daysFromNow(1).toISOString(), reportedAt: undefined }, 'occurredAt'],
        [{ reportedAt: daysFromNow(1).toISOString() }, 'reportedAt'],
        [{ reportedAt: later(occurredAt, -5).toISOString() }, 'reportedAt'],
      ] as const) {
        const response = await expectRefused(
          hub,
          rows,
          () => record({ ...input, ...dates }, police),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe(name);
      }
    });

    it('refuses to name someone who is not in the case, or the same person twice', async () => {
      const { police, victim, input, rows } = await setting();
      const outsider = await makePerson(hub.em());
      // Known to the police through another of its cases, but not in this one.
      await makeCase(hub.em(), police, { people: [[outsider, PersonRole.WITNESS]] });
      for (const people of [
        [{ personId: outsider.id, role: 'WITNESS' as const }],
        [
          { personId: victim.id, role: 'VICTIM' as const },
          { personId: victim.id, role: 'WITNESS' as const },
        ],
      ]) {
        const response = await expectRefused(
          hub,
          rows,
          () => record({ ...input, people }, police),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe('people');
      }
    });

    it('refuses a malformed person id as not found', async () => {
      const { police, input, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => record({ ...input, people: [{ personId: MALFORMED_ID, role: 'WITNESS' }] }, police),
        'NOT_FOUND',
      );
    });

    it('refuses both an existing place and a new one', async () => {
      const { police, input, newPlace, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => record({ ...input, newLocation: { kind: 'ADDRESS', description: newPlace } }, police),
        'BAD_USER_INPUT',
      );
    });

    it('refuses an unknown place as not found', async () => {
      const { police, input, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => record({ ...input, locationId: UNKNOWN_ID }, police),
        'NOT_FOUND',
      );
    });

    it('refuses to attach a report to an incident that is not on this case, even one the caller can see', async () => {
      const { police, council, input, rows } = await setting();
      const otherCase = await makeCase(hub.em(), council, { others: [police.partner] });
      const elsewhere = await makeIncident(hub.em(), otherCase, council.partner, daysAgo(3));
      for (const id of [elsewhere.id, UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(
          hub,
          rows,
          () => record({ ...input, sameEpisodeAsIncidentId: id }, police),
          'NOT_FOUND',
        );
      }
    });

    it('refuses a source reference longer than any partner system uses', async () => {
      const { police, input, rows } = await setting();
      const response = await expectRefused(
        hub,
        rows,
        () => record({ ...input, sourceReference: 'X'.repeat(101) }, police),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('sourceReference');
    });

    it('refuses a category the hub does not know, before anything runs', async () => {
      const { police, input, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => record({ ...input, category: 'NOISE' as string as IncidentCategory }, police),
        'BAD_USER_INPUT',
        400,
      );
    });

    it('refuses a date that is not a date, before anything runs', async () => {
      const { police, input, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => record({ ...input, occurredAt: 'last Tuesday' }, police),
        'BAD_USER_INPUT',
        400,
      );
    });
  });
});
