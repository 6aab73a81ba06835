import type { EntityManager } from '@mikro-orm/postgresql';
import { JointVisit } from '../../src/joint-visits/joint-visit.entity';
import { Location } from '../../src/locations/location.entity';
import {
  ReadBackCaseDocument,
  RecordJointVisitDocument,
  type LocationKind,
  type RecordJointVisitInput,
} from '../generated/graphql';
import {
  makeCase,
  makeLocation,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  unique,
  type Member,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
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

/** Rows that hang off the case's joint visits: attendees and people seen. */
async function countOnCaseVisits(em: EntityManager, table: string, caseId: string) {
  const [row] = await em.execute<{ n: string }[]>(
    `select count(*) as n from ${table} t
       join joint_visit v on v.id = t.visit_id
      where v.case_id = ?`,
    [caseId],
  );
  return Number(row.n);
}

/**
 * A council-led case that the police and a housing provider take part in, with a perpetrator
 * at a known address. A drug and alcohol service works in the area but is not on the case.
 */
async function setting() {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const police = await makePartnerMember(em, PartnerKind.POLICE);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const drugAlcohol = await makePartnerMember(em, PartnerKind.DRUG_ALCOHOL);
  const perpetrator = await makePerson(em);
  const address = await makeLocation(em);
  const onCase = await makeCase(em, council, {
    others: [police.partner, housing.partner],
    people: [[perpetrator, PersonRole.PERPETRATOR]],
    location: address,
  });
  const purpose = unique('Explain the acceptable behaviour contract');
  const newPlace = unique('Flat 4, Elm Court');
  const input: RecordJointVisitInput = {
    caseId: onCase.id,
    visitedAt: daysAgo(1).toISOString(),
    locationId: address.id,
    purpose,
    outcome: 'Contract signed; referral to drug and alcohol service accepted',
    attendees: [
      { partnerId: council.partner.id, officerName: 'ASB Officer Khan' },
      { partnerId: police.partner.id, officerName: 'PC 1234 Morris' },
    ],
    personIds: [perpetrator.id],
  };
  const rows: RowCounts = async (check) => ({
    visits: await check.count(JointVisit, { case: onCase.id }),
    attendees: await countOnCaseVisits(check, 'joint_visit_attendee', onCase.id),
    peopleSeen: await countOnCaseVisits(check, 'joint_visit_person', onCase.id),
    newPlaces: await check.count(Location, { description: newPlace }),
  });
  return {
    council,
    police,
    housing,
    drugAlcohol,
    perpetrator,
    address,
    onCase,
    input,
    newPlace,
    rows,
  };
}

const record = (input: RecordJointVisitInput, member?: Member) =>
  hub.request(RecordJointVisitDocument, { input }, member?.token);

describe('recordJointVisit', () => {
  it('records a visit by officers of two partners on the case, with the person seen and the place', async () => {
    const { council, police, housing, perpetrator, address, onCase, input, rows } = await setting();
    const response = await record(input, council);
    expect(response.errors).toBeUndefined();
    const visit = response.data!.recordJointVisit!;
    expect(visit).toEqual({
      id: expect.any(String),
      visitedAt: input.visitedAt,
      purpose: input.purpose,
      outcome: input.outcome,
      attendees: expect.arrayContaining([
        { officerName: 'ASB Officer Khan', partner: { id: council.partner.id } },
        { officerName: 'PC 1234 Morris', partner: { id: police.partner.id } },
      ]),
      peopleVisited: [{ id: perpetrator.id }],
    });
    expect(await rows(hub.em())).toEqual({ visits: 1, attendees: 2, peopleSeen: 1, newPlaces: 0 });

    // The housing provider, on the case but not on the visit, reads it in the chronology.
    const readBack = await hub.request(ReadBackCaseDocument, { id: onCase.id }, housing.token);
    expect(readBack.errors).toBeUndefined();
    expect(readBack.data!.case!.jointVisits).toEqual([
      expect.objectContaining({
        id: visit.id,
        purpose: input.purpose,
        location: { id: address.id, description: address.description },
        peopleVisited: [{ id: perpetrator.id }],
      }),
    ]);
  });

  it('records a visit at a new place by officers of three partners, two from one of them', async () => {
    const { council, police, housing, input, newPlace, rows } = await setting();
    const response = await record(
      {
        ...input,
        locationId: undefined,
        newLocation: { kind: 'ADDRESS', description: newPlace },
        attendees: [
          ...input.attendees,
          { partnerId: police.partner.id, officerName: 'PCSO 5678 Patel' },
          { partnerId: housing.partner.id, officerName: 'Housing Officer Reid' },
        ],
        personIds: [],
      },
      council,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordJointVisit!.attendees).toHaveLength(4);
    expect(await rows(hub.em())).toEqual({ visits: 1, attendees: 4, peopleSeen: 0, newPlaces: 1 });
  });

  describe('refuses, writing nothing,', () => {
    it('refuses an anonymous caller', async () => {
      const { input, rows } = await setting();
      await expectRefused(hub, rows, () => record(input), 'UNAUTHENTICATED', 401);
    });

    it('refuses analysts, administrators and other roles that do not do casework', async () => {
      const { council, input, rows } = await setting();
      for (const role of NON_CASEWORK_ROLES) {
        const member = await makeMember(hub.em(), council.partner, role);
        await expectRefused(hub, rows, () => record(input, member), 'FORBIDDEN');
      }
    });

    it('does not let another partner write to a case it is not part of', async () => {
      const { drugAlcohol, input, rows } = await setting();
      await expectRefused(hub, rows, () => record(input, drugAlcohol), 'NOT_FOUND');
    });

    it('refuses an unknown case and a malformed case id as not found', async () => {
      const { council, input, rows } = await setting();
      for (const caseId of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(hub, rows, () => record({ ...input, caseId }, council), 'NOT_FOUND');
      }
    });

    it('a visit by officers of one partner alone is not a joint visit', async () => {
      const { council, input, rows } = await setting();
      for (const attendees of [
        [input.attendees[0]],
        [input.attendees[0], { partnerId: council.partner.id, officerName: 'ASB Officer Ng' }],
        [],
      ]) {
        const response = await expectRefused(
          hub,
          rows,
          () => record({ ...input, attendees }, council),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe('attendees');
      }
    });

    it('refuses an attendee from a partner that does not take part in the case, or from no known partner', async () => {
      const { council, drugAlcohol, input, rows } = await setting();
      for (const partnerId of [drugAlcohol.partner.id, UNKNOWN_ID]) {
        const response = await expectRefused(
          hub,
          rows,
          () =>
            record(
              {
                ...input,
                attendees: [...input.attendees, { partnerId, officerName: 'Key worker' }],
              },
              council,
            ),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe('attendees');
      }
    });

    it('refuses a malformed partner id as not found', async () => {
      const { council, input, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () =>
          record(
            {
              ...input,
              attendees: [...input.attendees, { partnerId: MALFORMED_ID, officerName: 'Someone' }],
            },
            council,
          ),
        'NOT_FOUND',
      );
    });

    it('refuses a person seen who is not in the case', async () => {
      const { council, input, rows } = await setting();
      const outsider = await makePerson(hub.em());
      // Known to the council through another of its cases, but not in this one.
      await makeCase(hub.em(), council, { people: [[outsider, PersonRole.WITNESS]] });
      const response = await expectRefused(
        hub,
        rows,
        () => record({ ...input, personIds: [outsider.id] }, council),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('people');
    });

    it('refuses a visit with no purpose, no outcome, or an attendee with no name', async () => {
      const { council, input, rows } = await setting();
      const changes: [Partial<RecordJointVisitInput>, string][] = [
        [{ purpose: ' ' }, 'purpose'],
        [{ outcome: '' }, 'outcome'],
        [
          { attendees: [input.attendees[0], { ...input.attendees[1], officerName: '  ' }] },
          'attendees[1].officerName',
        ],
      ];
      for (const [change, name] of changes) {
        const response = await expectRefused(
          hub,
          rows,
          () => record({ ...input, ...change }, council),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe(name);
      }
    });

    it('refuses a visit dated in the future', async () => {
      const { council, input, rows } = await setting();
      const response = await expectRefused(
        hub,
        rows,
        () => record({ ...input, visitedAt: daysFromNow(1).toISOString() }, council),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('visitedAt');
    });

    it('refuses both an existing place and a new one, and an unknown place', async () => {
      const { council, input, newPlace, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () =>
          record({ ...input, newLocation: { kind: 'ADDRESS', description: newPlace } }, council),
        'BAD_USER_INPUT',
      );
      await expectRefused(
        hub,
        rows,
        () => record({ ...input, locationId: UNKNOWN_ID }, council),
        'NOT_FOUND',
      );
    });

    it('refuses a kind of place the hub does not know, before anything runs', async () => {
      const { council, input, newPlace, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () =>
          record(
            {
              ...input,
              locationId: undefined,
              newLocation: { kind: 'SHED' as string as LocationKind, description: newPlace },
            },
            council,
          ),
        'BAD_USER_INPUT',
        400,
      );
    });
  });
});
