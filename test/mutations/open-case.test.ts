import { CasePartner } from '../../src/cases/case-partner.entity';
import { Case } from '../../src/cases/case.entity';
import { Location } from '../../src/locations/location.entity';
import {
  OpenCaseDocument,
  ReadBackCaseDocument,
  type OpenCaseInput,
  type RiskLevel,
} from '../generated/graphql';
import {
  makeCase,
  makeLocation,
  makeMember,
  makePartnerMember,
  PartnerKind,
  Role,
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

/** A council ASB coordinator and a housing provider, neither of which has a case yet. */
async function setting() {
  const em = hub.em();
  const council = await makePartnerMember(em, PartnerKind.COUNCIL);
  const housing = await makePartnerMember(em, PartnerKind.HOUSING);
  const place = unique('Rear car park, Elm Court');
  const input: OpenCaseInput = {
    title: 'Noise and intimidation at Elm Court',
    centredOn: 'VICTIM',
    riskLevel: 'HIGH',
    partnerIds: [housing.partner.id],
  };
  /** The rows opening a case could write for this council. */
  const rows: RowCounts = async (check) => ({
    casesLed: await check.count(Case, { leadPartner: council.partner.id }),
    housingTakesPart: await check.count(CasePartner, { partner: housing.partner.id }),
    place: await check.count(Location, { description: place }),
  });
  return { council, housing, input, place, rows };
}

const open = (input: OpenCaseInput, member?: Member) =>
  hub.request(OpenCaseDocument, { input }, member?.token);

describe('openCase', () => {
  it('opens a case led by the caller’s partner, with the caller as lead officer and the partners named taking part', async () => {
    const { council, housing, input, rows } = await setting();
    const before = await rows(hub.em());
    const openedAt = daysAgo(2);
    const response = await open(
      {
        ...input,
        summary: 'Repeated shouting at night; victim afraid to leave the flat.',
        openedAt: openedAt.toISOString(),
        objective: 'Victim reports feeling safe at home',
        objectiveTargetDate: '2030-01-31',
      },
      council,
    );
    expect(response.errors).toBeUndefined();
    const opened = response.data!.openCase!;
    expect(opened.reference).toMatch(/^ASB-\d{4}-\d{4,}$/);
    expect(opened.leadPartner.id).toBe(council.partner.id);
    expect(opened.leadOfficer?.id).toBe(council.user.id);
    expect(opened.partners.map((p) => p.id)).toEqual([council.partner.id, housing.partner.id]);
    expect(opened.osara).toEqual({
      stage: 'OBJECTIVE',
      objective: 'Victim reports feeling safe at home',
      objectiveTargetDate: '2030-01-31',
    });
    expect(await rows(hub.em())).toEqual({ ...before, casesLed: 1, housingTakesPart: 1 });

    // The housing provider, taking part from the start, reads the same case back.
    const readBack = await hub.request(ReadBackCaseDocument, { id: opened.id }, housing.token);
    expect(readBack.errors).toBeUndefined();
    expect(readBack.data!.case).toMatchObject({
      id: opened.id,
      reference: opened.reference,
      title: 'Noise and intimidation at Elm Court',
      summary: 'Repeated shouting at night; victim afraid to leave the flat.',
      centredOn: 'VICTIM',
      riskLevel: 'HIGH',
      openedAt: openedAt.toISOString(),
      partners: [{ id: council.partner.id }, { id: housing.partner.id }],
    });
  });

  it('opens a case centred on a new place, which the hub then knows', async () => {
    const { council, input, place, rows } = await setting();
    const response = await open(
      {
        ...input,
        centredOn: 'LOCATION',
        newLocation: { kind: 'PUBLIC_PLACE', description: place, latitude: 53.4, longitude: -2.2 },
      },
      council,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.openCase!.location?.description).toBe(place);
    expect((await rows(hub.em())).place).toBe(1);
    const readBack = await hub.request(
      ReadBackCaseDocument,
      { id: response.data!.openCase!.id },
      council.token,
    );
    expect(readBack.data!.case!.location).toMatchObject({
      id: response.data!.openCase!.location!.id,
      kind: 'PUBLIC_PLACE',
      description: place,
      latitude: 53.4,
      longitude: -2.2,
    });
  });

  it('opens a case centred on a place one of its other cases already knows', async () => {
    const { council, input } = await setting();
    const known = await makeLocation(hub.em());
    await makeCase(hub.em(), council, { location: known });
    const response = await open({ ...input, centredOn: 'LOCATION', locationId: known.id }, council);
    expect(response.errors).toBeUndefined();
    expect(response.data!.openCase!.location).toEqual({
      id: known.id,
      description: known.description,
    });
  });

  it('names another member of the caller’s partner as lead officer when asked', async () => {
    const { council, input } = await setting();
    const colleague = await makeMember(hub.em(), council.partner, Role.SUPERVISOR);
    const response = await open({ ...input, leadOfficerId: colleague.user.id }, council);
    expect(response.errors).toBeUndefined();
    expect(response.data!.openCase!.leadOfficer?.id).toBe(colleague.user.id);
  });

  it('does not list the lead partner twice when the caller names its own partner among the others', async () => {
    const { council, housing, input } = await setting();
    const response = await open(
      { ...input, partnerIds: [council.partner.id, housing.partner.id] },
      council,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.openCase!.partners.map((p) => p.id)).toEqual([
      council.partner.id,
      housing.partner.id,
    ]);
  });

  it('gives cases opened at the same moment distinct references', async () => {
    const { council, input } = await setting();
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => open({ ...input, title: `Case ${i}` }, council)),
    );
    expect(responses.flatMap(codes)).toEqual([]);
    const references = responses.map((r) => r.data!.openCase!.reference);
    expect(new Set(references).size).toBe(8);
  });

  describe('refuses, writing nothing,', () => {
    it('refuses an anonymous caller', async () => {
      const { input, rows } = await setting();
      await expectRefused(hub, rows, () => open(input), 'UNAUTHENTICATED', 401);
    });

    it('refuses analysts, administrators and other roles that do not do casework', async () => {
      const { council, input, rows } = await setting();
      for (const role of NON_CASEWORK_ROLES) {
        const member = await makeMember(hub.em(), council.partner, role);
        await expectRefused(hub, rows, () => open(input, member), 'FORBIDDEN');
      }
    });

    it('does not let the caller make another partner’s officer the lead officer', async () => {
      const { council, housing, input, rows } = await setting();
      const response = await expectRefused(
        hub,
        rows,
        () => open({ ...input, leadOfficerId: housing.user.id }, council),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('leadOfficerId');
    });

    it('refuses a lead officer who is no longer active', async () => {
      const { council, input, rows } = await setting();
      const em = hub.em();
      const leaver = await makeMember(em, council.partner);
      leaver.user.active = false;
      await em.flush();
      await expectRefused(
        hub,
        rows,
        () => open({ ...input, leadOfficerId: leaver.user.id }, council),
        'BAD_USER_INPUT',
      );
    });

    it('refuses an unknown or malformed lead officer id', async () => {
      const { council, input, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => open({ ...input, leadOfficerId: UNKNOWN_ID }, council),
        'BAD_USER_INPUT',
      );
      await expectRefused(
        hub,
        rows,
        () => open({ ...input, leadOfficerId: MALFORMED_ID }, council),
        'NOT_FOUND',
      );
    });

    it('refuses an unknown partner, and a malformed partner id, as not found', async () => {
      const { council, housing, input, rows } = await setting();
      for (const id of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(
          hub,
          rows,
          () => open({ ...input, partnerIds: [housing.partner.id, id] }, council),
          'NOT_FOUND',
        );
      }
    });

    it('refuses a partner named twice', async () => {
      const { council, housing, input, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => open({ ...input, partnerIds: [housing.partner.id, housing.partner.id] }, council),
        'BAD_USER_INPUT',
      );
    });

    it('refuses an unknown place, and a malformed place id, as not found', async () => {
      const { council, input, rows } = await setting();
      for (const id of [UNKNOWN_ID, MALFORMED_ID]) {
        await expectRefused(
          hub,
          rows,
          () => open({ ...input, locationId: id }, council),
          'NOT_FOUND',
        );
      }
    });

    it('refuses a case with no title, or a title of spaces', async () => {
      const { council, input, rows } = await setting();
      for (const title of ['', '   \n ']) {
        const response = await expectRefused(
          hub,
          rows,
          () => open({ ...input, title }, council),
          'BAD_USER_INPUT',
        );
        expect(field(response)).toBe('title');
      }
    });

    it('refuses a case opened in the future', async () => {
      const { council, input, rows } = await setting();
      const response = await expectRefused(
        hub,
        rows,
        () => open({ ...input, openedAt: daysFromNow(1).toISOString() }, council),
        'BAD_USER_INPUT',
      );
      expect(field(response)).toBe('openedAt');
    });

    it('refuses both an existing place and a new one', async () => {
      const { council, input, place, rows } = await setting();
      const known = await makeLocation(hub.em());
      await expectRefused(
        hub,
        rows,
        () =>
          open(
            {
              ...input,
              locationId: known.id,
              newLocation: { kind: 'ADDRESS', description: place },
            },
            council,
          ),
        'BAD_USER_INPUT',
      );
    });

    it('refuses a new place with a latitude but no longitude, or with no description', async () => {
      const { council, input, place, rows } = await setting();
      for (const newLocation of [
        { kind: 'ADDRESS' as const, description: place, latitude: 53.4 },
        { kind: 'ADDRESS' as const, description: ' ' },
      ]) {
        await expectRefused(
          hub,
          rows,
          () => open({ ...input, newLocation }, council),
          'BAD_USER_INPUT',
        );
      }
    });

    it('refuses a risk level the hub does not know, before anything runs', async () => {
      const { council, input, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => open({ ...input, riskLevel: 'EXTREME' as string as RiskLevel }, council),
        'BAD_USER_INPUT',
        400,
      );
    });

    it('refuses an objective target date that does not exist', async () => {
      const { council, input, rows } = await setting();
      await expectRefused(
        hub,
        rows,
        () => open({ ...input, objectiveTargetDate: '2030-02-30' }, council),
        'BAD_USER_INPUT',
        400,
      );
    });
  });
});
