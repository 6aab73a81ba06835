import { Lsoa } from '../../src/areas/lsoa.entity';
import { IncidentCategory } from '../../src/incidents/incident-category.enum';
import { OccurredPrecision } from '../../src/incidents/occurred-precision.enum';
import { makePartnerMember, PartnerKind, Role, type Member } from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import {
  addIncidents,
  addLsoas,
  INCIDENT_COUNTS,
  keyOf,
  LSOAS,
  type IncidentFilterInput,
  type Table,
} from './aggregate-support';
import {
  CONTROL,
  EXACT,
  pinned,
  recovered,
  setControl,
  type Attack,
  type Reading,
} from './differencing-support';

const { NUISANCE, ENVIRONMENTAL, PERSONAL } = IncidentCategory;
const MARCH = { from: '2019-03-01', to: '2019-04-01' };
const YEAR = { from: '2019-01-01', to: '2020-01-01' };
/** A fourth Testshire LSOA, with only the 3 incidents the attacker is after. */
const TINY = { code: 'E01900004', name: 'Testshire 001C', localAuthority: 'Testshire' };
const { testshireA: A, testshireB: B } = LSOAS;

/*
 * An analyst attacks the aggregates for the count of one small LSOA, Testshire 001C: 3 personal
 * incidents in March 2019 known only to the month (as data.police.uk publishes them), below the
 * threshold of 5. Around it, in Testshire:
 *
 *   Testshire 001A  14 nuisance (4 March)   9 environmental (10 April)
 *   Testshire 001B  11 nuisance (5 March)   8 personal (6 March)
 *   Testshire 001C   3 personal (March, month only)   <- the target
 *
 * Record keys are set from a fixed sequence so that every run publishes the same figures.
 */
describe('disclosure control against differencing', () => {
  let hub: TestHub;
  let analyst: Member;

  const ask = async (filter: Partial<IncidentFilterInput>, groupBy: string[]): Promise<Table> => {
    const response = await hub.request(
      INCIDENT_COUNTS,
      { filter: { ...YEAR, ...filter }, groupBy },
      analyst.token,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.incidentCounts!;
  };
  const cell = (table: Table, key: string) =>
    table.cells.find((c) => keyOf(c) === key)?.count ?? null;
  const total = (table: Table): Reading['published'] => table.total;

  beforeAll(async () => {
    hub = await startTestHub({}, { private: true });
    const em = hub.em();
    analyst = await makePartnerMember(em, PartnerKind.POLICE, Role.ANALYST);
    await addLsoas(em);
    em.create(Lsoa, TINY);
    await em.flush();
    const add = (count: number, at: string, category: IncidentCategory, areaCode: string) =>
      addIncidents(em, count, { occurredAt: at, category, areaCode });
    await add(14, '2019-03-04T12:00:00Z', NUISANCE, A.code);
    await add(9, '2019-04-10T12:00:00Z', ENVIRONMENTAL, A.code);
    await add(11, '2019-03-05T12:00:00Z', NUISANCE, B.code);
    await add(8, '2019-03-06T12:00:00Z', PERSONAL, B.code);
    await addIncidents(em, 3, {
      occurredAt: '2019-03-01T00:00:00Z',
      category: PERSONAL,
      areaCode: TINY.code,
      precision: OccurredPrecision.MONTH,
    });
    // Incidents alike are in or out of every answer together, so ordering them by what they
    // are fixes every cell's key sum.
    await em.getConnection().execute(`UPDATE incident i SET record_key = (s.n * 89 + 7) % 256
FROM (SELECT id, row_number() OVER (ORDER BY occurred_at, category, area_code) AS n FROM incident) s
WHERE s.id = i.id`);
  });
  afterAll(async () => {
    await hub.close();
  });

  /**
   * The attacks of issue 15, each as the requests an analyst sends and the readings taken from
   * them, over atoms of which the last is the target.
   */
  async function attacks(): Promise<Attack[]> {
    const small = 'small' as const;
    const any = 'any' as const;
    // 1. A figure that comes with a table: the incidents left out for precision by day, which
    //    for the target LSOA alone are all of its incidents. Atoms: [target].
    const byDay = await ask({ lsoaCodes: [TINY.code] }, ['PERIOD_DAY']);
    const byMonth = await ask({ lsoaCodes: [TINY.code] }, ['PERIOD_MONTH']);
    const withA = await ask({ lsoaCodes: [A.code, TINY.code] }, ['PERIOD_DAY']);
    const auxiliary = [
      { atoms: [0], published: byDay.excludedForPrecision, withheld: small },
      { atoms: [0], published: total(byMonth), withheld: small },
      { atoms: [0], published: withA.excludedForPrecision, withheld: small },
    ];

    // 2. Two lists of areas, one the other with the target added. Atoms: [A, B, target].
    const areaReadings: Reading[] = [];
    for (const [codes, atoms] of [
      [[A.code], [0]],
      [
        [A.code, TINY.code],
        [0, 2],
      ],
      [[B.code], [1]],
      [
        [B.code, TINY.code],
        [1, 2],
      ],
      [
        [A.code, B.code],
        [0, 1],
      ],
      [
        [A.code, B.code, TINY.code],
        [0, 1, 2],
      ],
    ] as [string[], number[]][]) {
      const table = await ask({ lsoaCodes: codes }, ['CATEGORY']);
      areaReadings.push({ atoms, published: total(table), withheld: small });
    }

    // 3. Two lists of categories over the same areas. Atoms: [A nuisance, target].
    const areas = [A.code, TINY.code];
    const nuisance = await ask({ lsoaCodes: areas, categories: [NUISANCE] }, ['CATEGORY']);
    const both = await ask({ lsoaCodes: areas, categories: [NUISANCE, PERSONAL] }, ['CATEGORY']);
    const categoryReadings: Reading[] = [
      { atoms: [0], published: total(nuisance), withheld: small },
      { atoms: [0, 1], published: total(both), withheld: small },
      { atoms: [0], published: cell(both, NUISANCE), withheld: any },
      { atoms: [1], published: cell(both, PERSONAL), withheld: any },
    ];

    // 4. Two periods: March, and March from the 2nd (a month-only incident counts when its month
    //    starts in the period). Atoms: [A in March, target].
    const march = await ask({ ...MARCH, lsoaCodes: [A.code, TINY.code] }, ['CATEGORY']);
    const fromSecond = await ask(
      { from: '2019-03-02', to: MARCH.to, lsoaCodes: [A.code, TINY.code] },
      ['CATEGORY'],
    );
    const periodReadings: Reading[] = [
      { atoms: [0, 1], published: total(march), withheld: small },
      { atoms: [0], published: total(fromSecond), withheld: small },
      { atoms: [1], published: cell(march, PERSONAL), withheld: any },
    ];

    // 5. A nested area less its visible parts: Testshire, by LSOA and as a local authority.
    //    Atoms: [A, B, target].
    const byLsoa = await ask({ localAuthority: 'Testshire' }, ['LSOA']);
    const byAuthority = await ask({}, ['LOCAL_AUTHORITY']);
    const nestedReadings: Reading[] = [
      { atoms: [0], published: cell(byLsoa, A.code), withheld: any },
      { atoms: [1], published: cell(byLsoa, B.code), withheld: any },
      { atoms: [2], published: cell(byLsoa, TINY.code), withheld: any },
      { atoms: [0, 1, 2], published: total(byLsoa), withheld: small },
      { atoms: [0, 1, 2], published: cell(byAuthority, 'Testshire'), withheld: any },
    ];

    return [
      { name: 'a figure that comes with a table', atoms: 1, readings: auxiliary },
      { name: 'two overlapping lists of areas', atoms: 3, readings: areaReadings },
      { name: 'two overlapping lists of categories', atoms: 2, readings: categoryReadings },
      { name: 'two overlapping periods', atoms: 2, readings: periodReadings },
      { name: 'a local authority less its visible LSOAs', atoms: 3, readings: nestedReadings },
    ];
  }

  it('leaves the count of a small LSOA unrecovered by every differencing attack, one by one and all together', async () => {
    const report = await recovered(hub.em(), CONTROL, attacks);
    expect(pinned(report)).toEqual({});
    // The truth is among what is left, and so is at least one other count below the threshold.
    for (const entry of report) {
      expect(entry.values).toContain(3);
      expect(entry.values.filter((value) => value >= 1 && value < 5).length).toBeGreaterThan(1);
    }
  });

  it('is what stops them: with exact counts the same attacks find the 3 incidents', async () => {
    try {
      const report = await recovered(hub.em(), EXACT, attacks);
      expect(pinned(report)).toEqual({
        'two overlapping lists of areas': 3,
        'two overlapping lists of categories': 3,
        'two overlapping periods': 3,
        'all of them together': 3,
      });
    } finally {
      await setControl(hub.em(), CONTROL);
    }
  });

  it('gives the same incidents the same figure whatever the request, and every repeat the same answer', async () => {
    await setControl(hub.em(), CONTROL);
    const first = await ask({}, ['LSOA']);
    for (let repeat = 0; repeat < 5; repeat += 1) {
      expect(await ask({}, ['LSOA'])).toEqual(first);
    }
    const published = cell(first, A.code);
    expect(published).not.toBeNull();
    // Testshire 001A as a cell of three other answers and as a total of its own.
    expect(cell(await ask({ localAuthority: 'Testshire' }, ['LSOA']), A.code)).toBe(published);
    expect(cell(await ask({ lsoaCodes: [A.code, B.code] }, ['LSOA']), A.code)).toBe(published);
    expect(total(await ask({ lsoaCodes: [A.code] }, ['CATEGORY']))).toBe(published);
    expect(total(await ask({ lsoaCodes: [A.code] }, ['PERIOD_MONTH']))).toBe(published);
    // The year's total is one cell too, however the table is grouped.
    const totals = await Promise.all(
      [['CATEGORY'], ['LSOA'], ['PERIOD_MONTH'], ['LOCAL_AUTHORITY', 'CATEGORY']].map(
        async (groupBy) => total(await ask({}, groupBy)),
      ),
    );
    expect(new Set(totals).size).toBe(1);
  });

  it('publishes no count below the threshold, and none further from the truth than the area allows', async () => {
    await setControl(hub.em(), CONTROL);
    const truth: Record<string, number> = { [A.code]: 23, [B.code]: 19 };
    for (const groupBy of [['LSOA'], ['LSOA', 'CATEGORY'], ['CATEGORY'], ['PERIOD_MONTH']]) {
      const table = await ask({}, groupBy);
      for (const { count } of [...table.cells, ...table.totals]) {
        if (count !== null) expect(count).toBeGreaterThanOrEqual(CONTROL.threshold);
      }
      expect(Math.abs(table.total! - 45)).toBeLessThanOrEqual(CONTROL.maxNoise);
      if (groupBy.length === 1 && groupBy[0] === 'LSOA') {
        // Testshire 001B is hidden beside 001C: the visible cell is within D of its truth.
        for (const [code, count] of Object.entries(truth)) {
          const published = cell(table, code);
          if (published !== null) {
            expect(Math.abs(published - count)).toBeLessThanOrEqual(CONTROL.maxNoise);
          }
        }
      }
    }
  });
});
