import { AreaConfiguration } from '../../src/area-configuration/area-configuration.entity';
import { IncidentCategory } from '../../src/incidents/incident-category.enum';
import { OccurredPrecision } from '../../src/incidents/occurred-precision.enum';
import type { Partner } from '../../src/partners/partner.entity';
import {
  makePartner,
  makePartnerMember,
  PartnerKind,
  Role,
  type Member,
} from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import {
  addIncidents,
  addLsoas,
  countsOf,
  INCIDENT_COUNTS,
  keyOf,
  LSOAS,
  type Table,
} from './aggregate-support';

const { NUISANCE, ENVIRONMENTAL, PERSONAL, UNCLASSIFIED } = IncidentCategory;
const YEAR = { from: '2019-01-01', to: '2020-01-01' };
const K = 5;

/*
 * Incident counts over a private database, so that every count is exact. The incidents are in
 * 2019, before anything in the demo story:
 *
 *   12 nuisance       Mon 4 March 2019 14:00   police   Testshire 001A
 *   20 environmental  Tue 5 March 2019 10:00   council  Testshire 001B
 *    3 personal       Wed 6 March 2019 19:00   police   Otherton 001A
 *    7 unclassified   Wed 10 April 2019 12:00  council  Otherton 001A
 *    6 nuisance       May 2019, month only     police   Testshire 001A
 *    2 nuisance       Thu 2 May 2019, day only police   Testshire 001A
 *    5 personal       1 July 2019 23:30 UTC, which is Tue 2 July 00:30 in the UK; council; Testshire 001B
 */
describe('incident counts', () => {
  let hub: TestHub;
  let analyst: Member;
  let bi: Member;
  let police: Partner;
  let council: Partner;

  const ask = async (filter: Record<string, unknown>, groupBy: string[], token = analyst.token) => {
    const response = await hub.request(
      INCIDENT_COUNTS,
      { filter: { ...YEAR, ...filter } as never, groupBy },
      token,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.incidentCounts!;
  };

  beforeAll(async () => {
    hub = await startTestHub({}, { private: true });
    const em = hub.em();
    // These tests pin the suppression rule on exact counts: the cell key method off (0), as an
    // area may configure it. disclosure-control.test.ts tests the two together.
    await em.nativeUpdate(AreaConfiguration, { id: 1 }, { perturbationMaxNoise: 0 });
    police = await makePartner(em, PartnerKind.POLICE, 'Aggregate Test Police');
    council = await makePartner(em, PartnerKind.COUNCIL, 'Aggregate Test Council');
    // Neither takes part in any case: aggregates count the whole area.
    analyst = await makePartnerMember(em, PartnerKind.POLICE, Role.ANALYST);
    bi = await makePartnerMember(em, PartnerKind.COUNCIL, Role.BI_SERVICE);
    await addLsoas(em);
    const { testshireA, testshireB, otherton } = LSOAS;
    await addIncidents(em, 12, {
      occurredAt: '2019-03-04T14:00:00Z',
      category: NUISANCE,
      partner: police,
      areaCode: testshireA.code,
    });
    await addIncidents(em, 20, {
      occurredAt: '2019-03-05T10:00:00Z',
      category: ENVIRONMENTAL,
      partner: council,
      areaCode: testshireB.code,
    });
    await addIncidents(em, 3, {
      occurredAt: '2019-03-06T19:00:00Z',
      category: PERSONAL,
      partner: police,
      areaCode: otherton.code,
    });
    await addIncidents(em, 7, {
      occurredAt: '2019-04-10T11:00:00Z',
      category: UNCLASSIFIED,
      partner: council,
      areaCode: otherton.code,
    });
    await addIncidents(em, 6, {
      occurredAt: '2019-05-01T00:00:00Z',
      category: NUISANCE,
      partner: police,
      areaCode: testshireA.code,
      precision: OccurredPrecision.MONTH,
    });
    await addIncidents(em, 2, {
      occurredAt: '2019-05-02T00:00:00Z',
      category: NUISANCE,
      partner: police,
      areaCode: testshireA.code,
      precision: OccurredPrecision.DAY,
    });
    await addIncidents(em, 5, {
      occurredAt: '2019-07-01T23:30:00Z',
      category: PERSONAL,
      partner: council,
      areaCode: testshireB.code,
    });
  });
  afterAll(async () => {
    await hub.close();
  });

  it('refuses an anonymous caller', async () => {
    const response = await hub.request(INCIDENT_COUNTS, { filter: YEAR, groupBy: ['CATEGORY'] });
    expect(response.status).toBe(401);
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('counts every incident in the area by category, for an analyst whose partner takes part in no case', async () => {
    const table = await ask({}, ['CATEGORY']);
    expect(countsOf(table)).toEqual({
      NUISANCE: 20,
      ENVIRONMENTAL: 20,
      PERSONAL: 8,
      UNCLASSIFIED: 7,
    });
    expect(table.total).toBe(55);
    expect(table.suppressedCells).toBe(0);
    expect(table.threshold).toBe(K);
    expect(table.cells.find((cell) => keyOf(cell) === 'PERSONAL')!.keys[0].label).toBe('Personal');
  });

  it('suppresses a cell below the threshold and the smallest other cell, and says which; the total stays true', async () => {
    const table = await ask({ from: '2019-03-01', to: '2019-05-01' }, ['CATEGORY']);
    expect(countsOf(table)).toEqual({
      ENVIRONMENTAL: 20,
      NUISANCE: 12,
      PERSONAL: null,
      UNCLASSIFIED: null,
    });
    expect(
      table.cells
        .filter((cell) => cell.suppressed)
        .map(keyOf)
        .sort(),
    ).toEqual(['PERSONAL', 'UNCLASSIFIED']);
    expect(table.suppressedCells).toBe(2);
    expect(table.total).toBe(42);
    expect(table.total! - 20 - 12).toBeGreaterThanOrEqual(K);
  });

  it('hides everything, the total too, when the total is below the threshold', async () => {
    const table = await ask({ lsoaCodes: [LSOAS.otherton.code], categories: ['PERSONAL'] }, [
      'CATEGORY',
    ]);
    expect(table.cells).toEqual([
      {
        keys: [{ dimension: 'CATEGORY', value: 'PERSONAL', label: 'Personal' }],
        measure: 'INCIDENTS',
        count: null,
        suppressed: true,
      },
    ]);
    expect(table.total).toBeNull();
    expect(table.totals).toEqual([{ measure: 'INCIDENTS', count: null, suppressed: true }]);
  });

  it('keeps every row and column of a month by category table that the one-way answers show safe from subtraction', async () => {
    const table = await ask({}, ['PERIOD_MONTH', 'CATEGORY']);
    const byMonth = await ask({}, ['PERIOD_MONTH']);
    const byCategory = await ask({}, ['CATEGORY']);
    // The true counts, from the list above.
    const truth: Record<string, number> = {
      '2019-03/NUISANCE': 12,
      '2019-03/ENVIRONMENTAL': 20,
      '2019-03/PERSONAL': 3,
      '2019-04/UNCLASSIFIED': 7,
      '2019-05/NUISANCE': 8,
      '2019-07/PERSONAL': 5,
    };
    expect(table.cells.map(keyOf).sort()).toEqual(Object.keys(truth).sort());
    for (const cell of table.cells) {
      if (!cell.suppressed) expect(cell.count).toBe(truth[keyOf(cell)]);
      if (truth[keyOf(cell)] < K) expect(cell.suppressed).toBe(true);
    }
    expect([table.total, byMonth.total, byCategory.total]).toEqual([55, 55, 55]);
    const lines = [
      ...byMonth.cells.map((margin) => ({ margin, at: 0 })),
      ...byCategory.cells.map((margin) => ({ margin, at: 1 })),
    ];
    for (const { margin, at } of lines) {
      const line = table.cells.filter((cell) => cell.keys[at].value === margin.keys[0].value);
      // A line of one cell shows that cell as its margin (at least k): nothing to protect.
      if (margin.suppressed || line.length < 2) continue;
      const hidden = line.filter((cell) => cell.suppressed);
      if (hidden.length === 0) continue;
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      expect(hidden.reduce((sum, cell) => sum + truth[keyOf(cell)], 0)).toBeGreaterThanOrEqual(K);
    }
    expect(table.suppressedCells).toBeGreaterThanOrEqual(2);
  });

  it('leaves out incidents known only to the month from days of week, and those known only to the day from hours, saying how many', async () => {
    const byMonth = await ask({}, ['PERIOD_MONTH']);
    expect(countsOf(byMonth)).toEqual({ '2019-03': 35, '2019-04': 7, '2019-05': 8, '2019-07': 5 });
    expect(byMonth.excludedForPrecision).toBe(0);

    const byDay = await ask({}, ['DAY_OF_WEEK']);
    expect(byDay.excludedForPrecision).toBe(6);
    expect(byDay.total).toBe(49);
    expect(byDay.cells.map((cell) => [keyOf(cell), cell.keys[0].label, cell.count])).toEqual([
      ['1', 'Monday', 12],
      ['2', 'Tuesday', 25],
      // The 2 on Thursday are below the threshold; the smallest other day goes with them.
      ['3', 'Wednesday', null],
      ['4', 'Thursday', null],
    ]);

    const byHour = await ask({}, ['HOUR']);
    expect(byHour.excludedForPrecision).toBe(8);
    expect(byHour.total).toBe(47);
    // 11:00 UTC on 10 April is 12:00 in the UK (summer time).
    expect(countsOf(byHour)).toEqual({ '0': null, '10': 20, '12': 7, '14': 12, '19': null });
  });

  it('buckets days, weeks and hours in UK time: 23:30 UTC on 1 July is 00:30 on Tuesday 2 July', async () => {
    const july = { from: '2019-07-01', to: '2019-08-01' };
    expect(countsOf(await ask(july, ['PERIOD_DAY']))).toEqual({ '2019-07-02': 5 });
    expect(countsOf(await ask(july, ['HOUR']))).toEqual({ '0': 5 });
    const week = await ask(july, ['PERIOD_WEEK']);
    expect(week.cells.map((cell) => [keyOf(cell), cell.keys[0].label])).toEqual([
      ['2019-07-01', '2019-W27'],
    ]);
    // The period is whole UK days too: from 2 July takes in the 23:30 UTC incidents of 1 July.
    expect((await ask({ from: '2019-07-02', to: '2019-07-03' }, ['CATEGORY'])).total).toBe(5);
  });

  it('counts by recording partner, LSOA and local authority, with their names, and filters by area and category', async () => {
    const byPartner = await ask({}, ['PARTNER']);
    expect(
      Object.fromEntries(byPartner.cells.map((cell) => [cell.keys[0].label, cell.count])),
    ).toEqual({ 'Aggregate Test Police': 23, 'Aggregate Test Council': 32 });
    expect(byPartner.cells.map(keyOf).sort()).toEqual([police.id, council.id].sort());

    const byAuthority = await ask({}, ['LOCAL_AUTHORITY']);
    expect(countsOf(byAuthority)).toEqual({ Testshire: 45, Otherton: 10 });

    const testshire = await ask({ localAuthority: 'Testshire' }, ['LSOA']);
    expect(testshire.cells.map((cell) => [keyOf(cell), cell.keys[0].label, cell.count])).toEqual([
      ['E01900001', 'Testshire 001A', 20],
      ['E01900002', 'Testshire 001B', 25],
    ]);

    const filtered = await ask(
      { lsoaCodes: [LSOAS.testshireA.code, LSOAS.otherton.code], categories: ['NUISANCE'] },
      ['LSOA'],
    );
    expect(countsOf(filtered)).toEqual({ E01900001: 20 });
  });

  it('answers a BI service account the same counts', async () => {
    const table = await ask({}, ['CATEGORY'], bi.token);
    expect(table.total).toBe(55);
  });

  it('refuses periods the wrong way round or over ten years, unknown LSOA codes, and three dimensions', async () => {
    const refused = async (filter: Record<string, unknown>, groupBy: string[], field: string) => {
      const response = await hub.request(
        INCIDENT_COUNTS,
        { filter: { ...YEAR, ...filter } as never, groupBy },
        analyst.token,
      );
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.field).toBe(field);
      expect(response.data?.incidentCounts).toBeNull();
    };
    await refused({ from: '2019-05-01', to: '2019-05-01' }, ['CATEGORY'], 'to');
    await refused({ from: '2010-01-01', to: '2020-01-02' }, ['CATEGORY'], 'to');
    await refused({ lsoaCodes: ['Testshire'] }, ['CATEGORY'], 'lsoaCodes');
    // Well-formed, but no LSOA the hub knows: an empty answer would read as "no incidents".
    await refused({ lsoaCodes: [LSOAS.testshireA.code, 'E01999999'] }, ['CATEGORY'], 'lsoaCodes');
    await refused({ categories: [] }, ['CATEGORY'], 'categories');
    await refused({}, ['CATEGORY', 'HOUR', 'LSOA'], 'groupBy');
    await refused({}, ['CATEGORY', 'CATEGORY'], 'groupBy');
    await refused({}, ['INTERVENTION_KIND'], 'groupBy');
    // Exactly ten years is allowed.
    const ten = await ask({ from: '2010-01-01', to: '2020-01-01' }, ['CATEGORY']);
    expect(ten.total).toBe(55);
  });

  it('takes the threshold from the area configuration', async () => {
    await hub.em().nativeUpdate(AreaConfiguration, { id: 1 }, { smallNumberThreshold: 10 });
    try {
      const table: Table = await ask({}, ['CATEGORY']);
      expect(table.threshold).toBe(10);
      expect(countsOf(table)).toEqual({
        NUISANCE: 20,
        ENVIRONMENTAL: 20,
        PERSONAL: null,
        UNCLASSIFIED: null,
      });
    } finally {
      await hub.em().nativeUpdate(AreaConfiguration, { id: 1 }, { smallNumberThreshold: 5 });
    }
  });
});
