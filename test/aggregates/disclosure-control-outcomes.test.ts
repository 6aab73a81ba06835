import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Lsoa } from '../../src/areas/lsoa.entity';
import { CaseReviewDecision } from '../../src/case-reviews/case-review-decision.entity';
import { CaseReviewOutcome } from '../../src/case-reviews/case-review-decision.enum';
import type { Case } from '../../src/cases/case.entity';
import { IncidentPerson } from '../../src/incidents/incident-person.entity';
import { InterventionBreach } from '../../src/interventions/intervention-breach.entity';
import { InterventionKind } from '../../src/interventions/intervention-enums';
import { Intervention } from '../../src/interventions/intervention.entity';
import type { Location } from '../../src/locations/location.entity';
import type { Person } from '../../src/people/person.entity';
import {
  makeCase,
  makeLocation,
  makeMember,
  makePartnerMember,
  makePerson,
  PartnerKind,
  PersonRole,
  Role,
  type Member,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';
import {
  addIncidents,
  addLsoas,
  CASE_REVIEW_STATISTICS,
  INTERVENTION_IMPACT,
  INTERVENTION_STATISTICS,
  keyOf,
  LSOAS,
  REPEAT_DEMAND,
  type Table,
} from './aggregate-support';
import {
  CONTROL,
  EXACT,
  fixRecordKeys,
  pinned,
  recovered,
  setControl,
  type Attack,
} from './differencing-support';

const { CLOSURE_ORDER, COMMUNITY_PROTECTION_WARNING, COMMUNITY_PROTECTION_NOTICE } =
  InterventionKind;
const CPW = COMMUNITY_PROTECTION_WARNING;
const CPN = COMMUNITY_PROTECTION_NOTICE;
const YEAR = { from: '2019-01-01', to: '2020-01-01' };
const FEBRUARY = { from: '2019-02-01', to: '2019-03-01' };
const FEBRUARY_AND_MARCH = { from: '2019-02-01', to: '2019-04-01' };
const MARCH = { from: '2019-03-01', to: '2019-04-01' };
/** A fourth Testshire LSOA, with only the 3 repeat victims the attacker is after. */
const TINY = { code: 'E01900004', name: 'Testshire 001C', localAuthority: 'Testshire' };
const { testshireA: A } = LSOAS;
const small = 'small' as const;
const any = 'any' as const;

/*
 * The attacks of issue 15 on the aggregates that count people, places, interventions and case
 * review decisions rather than incidents (disclosure-control.test.ts runs them on incident
 * counts). Each target is 3, below the threshold of 5:
 *
 * - repeat demand: 3 repeat victims (2 incidents each) in Testshire 001C, beside 12 victims with
 *   3 incidents and 6 with 6 in Testshire 001A, March 2019;
 * - intervention statistics: 3 closure orders issued in March 2019, beside 12 warnings (7
 *   breached) and 9 notices issued in February;
 * - intervention impact: the 3 incidents at the closure orders' premises in the 30 days before,
 *   beside 1 incident before for each warning's and each notice's subject; and, in November
 *   2026, 3 notices issued 14 days before the test clock beside 12 warnings issued 23 days before,
 *   found from how many are left out for their after-window;
 * - case review statistics: 3 "no review" decisions in March 2019, beside 10 "threshold met" and
 *   8 "discretionary review" decisions in February.
 *
 * Record keys are set from a fixed sequence, so that every run publishes the same figures.
 */
describe('disclosure control against differencing, for repeat demand, interventions and case reviews', () => {
  let hub: TestHub;
  let analyst: Member;
  let lead: Member;
  let onCase: Case;
  const ids: Record<string, string[]> = {
    person: [],
    location: [],
    intervention: [],
    incident: [],
    case_review_decision: [],
  };

  const ask = async <R, V>(query: TypedDocumentNode<R, V>, variables: V): Promise<R> => {
    const response = await hub.request(query, variables, analyst.token);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const repeatVictimsIn = async (filter: { lsoaCodes?: string[]; localAuthority?: string }) =>
    (await ask(REPEAT_DEMAND, { filter: { ...YEAR, ...filter }, subject: 'VICTIM' })).repeatDemand!;
  const repeatVictims = (lsoaCodes: string[]) => repeatVictimsIn({ lsoaCodes });
  const statistics = async (
    filter: { from: string; to: string; kinds?: string[] },
    groupBy?: string[],
  ) => (await ask(INTERVENTION_STATISTICS, { filter, groupBy })).interventionStatistics!;
  const impact = async (filter: { from: string; to: string; kinds?: string[] }, windowDays = 30) =>
    (await ask(INTERVENTION_IMPACT, { filter, windowDays })).interventionImpact!;
  const caseReviews = async (filter: { from: string; to: string }) =>
    (await ask(CASE_REVIEW_STATISTICS, { filter })).caseReviewStatistics!;

  /** A cell of one measure; null when hidden (or not there). */
  const cell = (table: Table, measure: string, key = '') =>
    table.cells.find((c) => c.measure === measure && keyOf(c) === key)?.count ?? null;
  const total = (table: Table, measure: string) =>
    table.totals.find((t) => t.measure === measure)?.count ?? null;

  const person = async () => {
    const made = await makePerson(hub.em());
    ids.person.push(made.id);
    return made;
  };
  const place = async () => {
    const made = await makeLocation(hub.em());
    ids.location.push(made.id);
    return made;
  };
  const incidents = async (
    count: number,
    occurredAt: string,
    fields: { areaCode?: string; location?: Location } = {},
  ) => {
    const made = await addIncidents(hub.em(), count, { occurredAt, ...fields });
    ids.incident.push(...made.map((incident) => incident.id));
    return made;
  };
  const involve = async (who: Person, role: PersonRole, what: { id: string }[]) => {
    const em = hub.em();
    for (const incident of what) {
      em.create(IncidentPerson, { incident: incident.id, person: who.id, role } as never);
    }
    await em.flush();
  };
  const intervene = async (
    kind: InterventionKind,
    issuedAt: string,
    target: { premises?: Location; subject?: Person },
  ) => {
    const em = hub.em();
    const made = em.create(Intervention, {
      case: onCase.id,
      kind,
      issuedAt: new Date(issuedAt),
      terms: 'Differencing test terms',
      premises: target.premises?.id ?? null,
      subject: target.subject?.id ?? null,
    } as never);
    await em.flush();
    ids.intervention.push(made.id);
    return made;
  };

  beforeAll(async () => {
    hub = await startTestHub({}, { private: true });
    const em = hub.em();
    lead = await makePartnerMember(em, PartnerKind.POLICE, Role.PRACTITIONER);
    analyst = await makeMember(em, lead.partner, Role.ANALYST);
    onCase = await makeCase(em, lead);
    await addLsoas(em);
    em.create(Lsoa, TINY);
    await em.flush();

    // Repeat victims, each with all their incidents in one LSOA.
    for (const [people, each, areaCode] of [
      [12, 3, A.code],
      [6, 6, A.code],
      [3, 2, TINY.code],
    ] as const) {
      for (let i = 0; i < people; i += 1) {
        const victim = await person();
        await involve(
          victim,
          PersonRole.VICTIM,
          await incidents(each, '2019-03-04T12:00:00Z', { areaCode }),
        );
      }
    }

    // Interventions, and the incidents in the 30 days before each (no LSOA: not repeat demand's).
    for (const [kind, count, issuedAt, before] of [
      [CPW, 12, '2019-02-10T12:00:00Z', '2019-02-01T12:00:00Z'],
      [CPN, 9, '2019-02-12T12:00:00Z', '2019-02-05T12:00:00Z'],
    ] as const) {
      for (let i = 0; i < count; i += 1) {
        const subject = await person();
        const issued = await intervene(kind, issuedAt, { subject });
        await involve(subject, PersonRole.PERPETRATOR, await incidents(1, before));
        if (kind === CPW && i < 7) {
          em.create(InterventionBreach, {
            intervention: issued,
            occurredAt: new Date('2019-02-20T12:00:00Z'),
            details: 'Differencing test breach',
          });
          await em.flush();
        }
      }
    }
    for (let i = 0; i < 3; i += 1) {
      const premises = await place();
      await intervene(CLOSURE_ORDER, '2019-03-10T12:00:00Z', { premises });
      await incidents(1, '2019-03-01T12:00:00Z', { location: premises });
    }
    // November 2026 (the test clock starts on 24 November): whose after-window has ended
    // depends on windowDays.
    for (const [kind, count, issuedAt] of [
      [CPW, 12, '2026-11-01T12:00:00Z'],
      [CPN, 3, '2026-11-10T12:00:00Z'],
    ] as const) {
      for (let i = 0; i < count; i += 1)
        await intervene(kind, issuedAt, { subject: await person() });
    }

    // Case review decisions.
    const victim = await person();
    for (const [outcome, count, decidedAt] of [
      [CaseReviewOutcome.REVIEW_THRESHOLD_MET, 10, '2019-02-15T12:00:00Z'],
      [CaseReviewOutcome.DISCRETIONARY_REVIEW, 8, '2019-02-16T12:00:00Z'],
      [CaseReviewOutcome.NO_REVIEW, 3, '2019-03-15T12:00:00Z'],
    ] as const) {
      for (let i = 0; i < count; i += 1) {
        const decision = em.create(CaseReviewDecision, {
          case: onCase,
          victim,
          windowStart: new Date('2018-09-20T12:00:00Z'),
          windowEnd: new Date('2019-02-14T12:00:00Z'),
          threshold: 3,
          thresholdMet: outcome === CaseReviewOutcome.REVIEW_THRESHOLD_MET,
          outcome,
          reasons: 'Differencing test reasons',
          decidedBy: lead.user,
          decidedAt: new Date(decidedAt),
        });
        await em.flush();
        ids.case_review_decision.push(decision.id);
      }
    }

    let from = 0;
    for (const [table, rows] of Object.entries(ids)) {
      await fixRecordKeys(em, table, rows, from);
      from += rows.length;
    }
  });
  afterAll(async () => {
    await hub.close();
  });

  /** Repeat demand. Atoms: [A's victims with 3, A's victims with 5 to 9, the target]. */
  async function repeatDemandAttacks(): Promise<Attack[]> {
    const inA = await repeatVictims([A.code]);
    const withTarget = await repeatVictims([A.code, TINY.code]);
    const target = await repeatVictims([TINY.code]);
    const testshire = await repeatVictimsIn({ localAuthority: 'Testshire' });
    const subjects = (table: Table) => total(table, 'SUBJECTS');
    return [
      {
        name: 'two overlapping lists of areas',
        atoms: 3,
        readings: [
          { atoms: [0, 1], published: subjects(inA), withheld: small },
          { atoms: [0, 1, 2], published: subjects(withTarget), withheld: small },
          { atoms: [2], published: subjects(target), withheld: small },
          { atoms: [0, 1, 2], published: subjects(testshire), withheld: small },
        ],
      },
      {
        name: 'a total less its visible bands',
        atoms: 3,
        readings: [
          { atoms: [0], published: cell(inA, 'SUBJECTS', '3'), withheld: any },
          { atoms: [1], published: cell(inA, 'SUBJECTS', '5-9'), withheld: any },
          { atoms: [0], published: cell(withTarget, 'SUBJECTS', '3'), withheld: any },
          { atoms: [1], published: cell(withTarget, 'SUBJECTS', '5-9'), withheld: any },
          { atoms: [2], published: cell(withTarget, 'SUBJECTS', '2'), withheld: any },
          { atoms: [0, 1, 2], published: subjects(withTarget), withheld: small },
        ],
      },
    ];
  }

  /** Intervention statistics. Atoms: [warnings, notices, the closure orders] issued. */
  async function statisticsAttacks(): Promise<Attack[]> {
    const issued = async (filter: { from: string; to: string; kinds?: string[] }) =>
      total(await statistics(filter), 'ISSUED');
    const byKind = await statistics(FEBRUARY_AND_MARCH);
    const byMonth = await statistics(FEBRUARY_AND_MARCH, ['PERIOD_MONTH']);
    return [
      {
        name: 'two overlapping lists of kinds',
        atoms: 3,
        readings: [
          { atoms: [0], published: await issued({ ...YEAR, kinds: [CPW] }), withheld: small },
          {
            atoms: [0, 2],
            published: await issued({ ...YEAR, kinds: [CPW, CLOSURE_ORDER] }),
            withheld: small,
          },
          { atoms: [1], published: await issued({ ...YEAR, kinds: [CPN] }), withheld: small },
          {
            atoms: [1, 2],
            published: await issued({ ...YEAR, kinds: [CPN, CLOSURE_ORDER] }),
            withheld: small,
          },
        ],
      },
      {
        name: 'two overlapping periods',
        atoms: 3,
        readings: [
          { atoms: [0, 1], published: await issued(FEBRUARY), withheld: small },
          { atoms: [0, 1, 2], published: await issued(FEBRUARY_AND_MARCH), withheld: small },
          { atoms: [2], published: await issued(MARCH), withheld: small },
        ],
      },
      {
        name: 'a total less its visible kinds and months',
        atoms: 3,
        readings: [
          { atoms: [0], published: cell(byKind, 'ISSUED', CPW), withheld: any },
          { atoms: [1], published: cell(byKind, 'ISSUED', CPN), withheld: any },
          { atoms: [2], published: cell(byKind, 'ISSUED', CLOSURE_ORDER), withheld: any },
          { atoms: [0, 1, 2], published: total(byKind, 'ISSUED'), withheld: small },
          { atoms: [0], published: cell(byMonth, 'ISSUED', `${CPW}/2019-02`), withheld: any },
          { atoms: [1], published: cell(byMonth, 'ISSUED', `${CPN}/2019-02`), withheld: any },
          {
            atoms: [2],
            published: cell(byMonth, 'ISSUED', `${CLOSURE_ORDER}/2019-03`),
            withheld: any,
          },
          { atoms: [0, 1, 2], published: total(byMonth, 'ISSUED'), withheld: small },
        ],
      },
    ];
  }

  /**
   * Intervention impact. Atoms: [incidents before warnings, before notices, before the closure
   * orders]; for the left-out count, [warnings of November 2026, notices of November 2026].
   */
  async function impactAttacks(): Promise<Attack[]> {
    const before = async (kinds?: string[]) =>
      total(await impact({ ...YEAR, kinds }), 'INCIDENTS_BEFORE');
    const byKind = await impact(YEAR);
    const november = { from: '2026-11-01', to: '2026-12-01' };
    const [week, twentyDays, month] = await Promise.all(
      [7, 20, 30].map((days) => impact(november, days)),
    );
    return [
      {
        name: 'two overlapping lists of kinds',
        atoms: 3,
        readings: [
          { atoms: [0], published: await before([CPW]), withheld: small },
          { atoms: [0, 2], published: await before([CPW, CLOSURE_ORDER]), withheld: small },
          { atoms: [1], published: await before([CPN]), withheld: small },
          { atoms: [1, 2], published: await before([CPN, CLOSURE_ORDER]), withheld: small },
        ],
      },
      {
        name: 'a total less its visible kinds',
        atoms: 3,
        readings: [
          { atoms: [0], published: cell(byKind, 'INCIDENTS_BEFORE', CPW), withheld: any },
          { atoms: [1], published: cell(byKind, 'INCIDENTS_BEFORE', CPN), withheld: any },
          {
            atoms: [2],
            published: cell(byKind, 'INCIDENTS_BEFORE', CLOSURE_ORDER),
            withheld: any,
          },
          { atoms: [0, 1, 2], published: total(byKind, 'INCIDENTS_BEFORE'), withheld: small },
        ],
      },
      {
        name: 'two windows, and the interventions left out of one',
        atoms: 2,
        readings: [
          { atoms: [0, 1], published: total(week, 'INTERVENTIONS'), withheld: small },
          { atoms: [0], published: total(twentyDays, 'INTERVENTIONS'), withheld: small },
          { atoms: [1], published: twentyDays.excludedWindowNotEnded, withheld: small },
          { atoms: [0, 1], published: month.excludedWindowNotEnded, withheld: small },
        ],
      },
    ];
  }

  /** Case review statistics. Atoms: [threshold met, discretionary review, no review]. */
  async function caseReviewAttacks(): Promise<Attack[]> {
    const both = await caseReviews(FEBRUARY_AND_MARCH);
    const february = await caseReviews(FEBRUARY);
    const march = await caseReviews(MARCH);
    const of = (table: Table, measure: string) => cell(table, measure);
    return [
      {
        name: 'two overlapping periods',
        atoms: 3,
        readings: [
          { atoms: [0, 1, 2], published: of(both, 'DECISIONS'), withheld: small },
          { atoms: [0, 1], published: of(february, 'DECISIONS'), withheld: small },
          { atoms: [2], published: of(march, 'DECISIONS'), withheld: small },
        ],
      },
      {
        name: 'the measures that add up, in two periods',
        atoms: 3,
        readings: [
          { atoms: [0], published: of(both, 'DECISIONS_THRESHOLD_MET'), withheld: any },
          { atoms: [1, 2], published: of(both, 'DECISIONS_THRESHOLD_NOT_MET'), withheld: any },
          { atoms: [1], published: of(both, 'DECISIONS_DISCRETIONARY_REVIEW'), withheld: any },
          { atoms: [2], published: of(both, 'DECISIONS_NO_REVIEW'), withheld: any },
          { atoms: [1], published: of(february, 'DECISIONS_THRESHOLD_NOT_MET'), withheld: any },
          {
            atoms: [1],
            published: of(february, 'DECISIONS_DISCRETIONARY_REVIEW'),
            withheld: any,
          },
        ],
      },
    ];
  }

  const AGGREGATES: [string, () => Promise<Attack[]>][] = [
    ['repeat demand', repeatDemandAttacks],
    ['intervention statistics', statisticsAttacks],
    ['intervention impact', impactAttacks],
    ['case review statistics', caseReviewAttacks],
  ];

  it.each(AGGREGATES)(
    'leaves the small count unrecovered in %s by every differencing attack, one by one and all together',
    async (_name, attacks) => {
      const report = await recovered(hub.em(), CONTROL, attacks);
      expect(pinned(report)).toEqual({});
      // The truth is among what is left, and so is at least one other count below the threshold.
      for (const entry of report) {
        expect(entry.values).toContain(3);
        expect(entry.values.filter((value) => value >= 1 && value < 5).length).toBeGreaterThan(1);
      }
    },
  );

  it.each([
    [
      'repeat demand',
      repeatDemandAttacks,
      ['two overlapping lists of areas', 'a total less its visible bands'],
    ],
    [
      'intervention statistics',
      statisticsAttacks,
      ['two overlapping lists of kinds', 'two overlapping periods'],
    ],
    [
      'intervention impact',
      impactAttacks,
      ['two overlapping lists of kinds', 'two windows, and the interventions left out of one'],
    ],
    [
      'case review statistics',
      caseReviewAttacks,
      ['two overlapping periods', 'the measures that add up, in two periods'],
    ],
  ] as [string, () => Promise<Attack[]>, string[]][])(
    'is what stops them: with exact counts the attacks on %s find the 3',
    async (_name, attacks, finding) => {
      try {
        const report = await recovered(hub.em(), EXACT, attacks);
        // The "total less its visible kinds" attacks alone do not: complementary suppression holds.
        expect(pinned(report)).toEqual(
          Object.fromEntries([...finding, 'all of them together'].map((name) => [name, 3])),
        );
      } finally {
        await setControl(hub.em(), CONTROL);
      }
    },
  );

  it('gives every repeat of a request the same answer, and the same records the same figure in every aggregate', async () => {
    await setControl(hub.em(), CONTROL);
    const requests = [
      () => repeatVictims([A.code, TINY.code]),
      () => statistics(FEBRUARY_AND_MARCH, ['PERIOD_MONTH']),
      () => impact(YEAR),
      () => caseReviews(FEBRUARY_AND_MARCH),
    ];
    for (const request of requests) {
      const first = await request();
      for (let repeat = 0; repeat < 3; repeat += 1) expect(await request()).toEqual(first);
    }
    // The 12 warnings of February 2019: issued (statistics), interventions (impact), the
    // cell and the total of each, all one figure.
    const warnings = await statistics({ ...YEAR, kinds: [CPW] });
    const figure = total(warnings, 'ISSUED');
    expect(figure).not.toBeNull();
    expect(cell(warnings, 'ISSUED', CPW)).toBe(figure);
    expect(cell(await statistics(YEAR), 'ISSUED', CPW)).toBe(figure);
    expect(total(await impact({ ...YEAR, kinds: [CPW] }), 'INTERVENTIONS')).toBe(figure);
    expect(cell(await impact(YEAR), 'INTERVENTIONS', CPW)).toBe(figure);
  });

  it('publishes no count below the threshold, and none further from the truth than the area allows', async () => {
    await setControl(hub.em(), CONTROL);
    const truths: [Table, string, string, number][] = [
      [await repeatVictims([A.code]), 'SUBJECTS', '3', 12],
      [await statistics({ ...YEAR, kinds: [CPW] }), 'ISSUED', CPW, 12],
      [await statistics({ ...YEAR, kinds: [CPW] }), 'BREACHED', CPW, 7],
      [await impact({ ...YEAR, kinds: [CPW] }), 'INCIDENTS_BEFORE', CPW, 12],
      [await caseReviews(FEBRUARY_AND_MARCH), 'DECISIONS_THRESHOLD_MET', '', 10],
    ];
    for (const [table, measure, key, truth] of truths) {
      for (const { count } of [...table.cells, ...table.totals]) {
        if (count !== null && count !== 0) {
          expect(count).toBeGreaterThanOrEqual(CONTROL.threshold);
        }
      }
      const published = cell(table, measure, key);
      expect(published).not.toBeNull();
      expect(Math.abs(published! - truth)).toBeLessThanOrEqual(CONTROL.maxNoise);
    }
  });
});
