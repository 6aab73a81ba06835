import { randomUUID } from 'node:crypto';
import { Action } from '../../src/actions/action.entity';
import { AreaConfiguration } from '../../src/area-configuration/area-configuration.entity';
import { ActionSource } from '../../src/actions/action-enums';
import {
  CaseReviewApplication,
  CaseReviewRecommendation,
} from '../../src/case-reviews/case-review-application.entity';
import { CaseReviewDecision } from '../../src/case-reviews/case-review-decision.entity';
import { CaseReviewOutcome } from '../../src/case-reviews/case-review-decision.enum';
import { CaseReviewApplicationChannel } from '../../src/case-reviews/case-review-workflow.enum';
import type { Case } from '../../src/cases/case.entity';
import { IncidentPerson } from '../../src/incidents/incident-person.entity';
import { OccurredPrecision } from '../../src/incidents/occurred-precision.enum';
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
import { codes, startTestHub, type TestHub } from '../support/hub';
import {
  addIncidents,
  CASE_REVIEW_STATISTICS,
  countsOf,
  INTERVENTION_IMPACT,
  INTERVENTION_STATISTICS,
  keyOf,
  REPEAT_DEMAND,
} from './aggregate-support';

const { CLOSURE_ORDER, COMMUNITY_PROTECTION_WARNING, COMMUNITY_PROTECTION_NOTICE } =
  InterventionKind;

/*
 * Repeat demand (2018), demand around interventions and intervention statistics (2017), and
 * case review statistics (2016), each in its own year of a private database, with the cell key
 * method off (perturbationMaxNoise 0) so that counts are exact: disclosure-control.test.ts runs
 * the same aggregates with it on.
 */
describe('repeat demand, intervention impact and outcome statistics', () => {
  let hub: TestHub;
  let lead: Member;
  let analyst: Member;
  let outsider: Member;
  let bi: Member;
  let onCase: Case;
  let firstClosureOrder: Intervention;

  /** Links each incident to the person in the role. */
  const involve = async (person: Person, role: PersonRole, incidents: { id: string }[]) => {
    const em = hub.em();
    for (const incident of incidents) {
      em.create(IncidentPerson, {
        incident: incident.id,
        person: person.id,
        role,
      } as never);
    }
    await em.flush();
  };
  const incidentsAt = (count: number, occurredAt: string, location?: Location) =>
    addIncidents(hub.em(), count, { occurredAt, location: location ?? null });

  const intervene = async (
    kind: InterventionKind,
    issuedAt: string,
    target: { premises?: Location; subject?: Person },
  ) => {
    const em = hub.em();
    const intervention = em.create(Intervention, {
      case: onCase.id,
      kind,
      issuedAt: new Date(issuedAt),
      terms: 'Aggregate test terms',
      premises: target.premises?.id ?? null,
      subject: target.subject?.id ?? null,
    } as never);
    await em.flush();
    return intervention;
  };

  beforeAll(async () => {
    hub = await startTestHub({}, { private: true });
    const em = hub.em();
    await em.nativeUpdate(AreaConfiguration, { id: 1 }, { perturbationMaxNoise: 0 });
    lead = await makePartnerMember(em, PartnerKind.POLICE, Role.PRACTITIONER);
    analyst = await makeMember(em, lead.partner, Role.ANALYST);
    outsider = await makePartnerMember(em, PartnerKind.COUNCIL, Role.ANALYST);
    bi = await makePartnerMember(em, PartnerKind.COUNCIL, Role.BI_SERVICE);
    onCase = await makeCase(em, lead);

    // Repeat victims in 2018: 3 with exactly 2 incidents, 6 with 3, 5 with 6, 1 with 12.
    for (const [people, each] of [
      [3, 2],
      [6, 3],
      [5, 6],
      [1, 12],
    ]) {
      for (let i = 0; i < people; i += 1) {
        const victim = await makePerson(em);
        await involve(victim, PersonRole.VICTIM, await incidentsAt(each, '2018-03-01T12:00:00Z'));
        // An incident the year before is outside the period.
        await involve(victim, PersonRole.VICTIM, await incidentsAt(1, '2017-12-01T12:00:00Z'));
      }
    }
    // Repeat perpetrators: 5 with 2 incidents each. Repeat places: 6 with 2 incidents, 5 with 4.
    for (let i = 0; i < 5; i += 1) {
      await involve(
        await makePerson(em),
        PersonRole.PERPETRATOR,
        await incidentsAt(2, '2018-05-01T12:00:00Z'),
      );
    }
    for (const [places, each] of [
      [6, 2],
      [5, 4],
    ]) {
      for (let i = 0; i < places; i += 1) {
        await incidentsAt(each, '2018-06-01T12:00:00Z', await makeLocation(em));
      }
    }

    // Interventions issued at noon on 1 June 2017, and demand in the 90 days either side.
    for (let i = 0; i < 5; i += 1) {
      const premises = await makeLocation(em);
      const order = await intervene(CLOSURE_ORDER, '2017-06-01T12:00:00Z', { premises });
      if (i === 0) {
        firstClosureOrder = order;
        await incidentsAt(6, '2017-05-01T12:00:00Z', premises);
      } else {
        await incidentsAt(3, '2017-04-15T12:00:00Z', premises);
        // 151 days before: outside the window.
        await incidentsAt(2, '2017-01-01T12:00:00Z', premises);
      }
      await incidentsAt(1, '2017-07-01T12:00:00Z', premises);
    }
    const warned: Person[] = [];
    for (let i = 0; i < 6; i += 1) {
      const subject = await makePerson(em);
      warned.push(subject);
      await intervene(COMMUNITY_PROTECTION_WARNING, '2017-06-01T12:00:00Z', { subject });
      await involve(subject, PersonRole.PERPETRATOR, await incidentsAt(2, '2017-05-15T12:00:00Z'));
      // Any role counts: five of them are witnesses to an incident afterwards.
      if (i > 0) {
        await involve(subject, PersonRole.WITNESS, await incidentsAt(1, '2017-07-10T12:00:00Z'));
      }
    }
    // Known only to the month: left out of the windows and counted as such.
    await involve(
      warned[0],
      PersonRole.PERPETRATOR,
      await addIncidents(em, 1, {
        occurredAt: '2017-05-01T00:00:00Z',
        precision: OccurredPrecision.MONTH,
      }),
    );
    const noticed = await makePerson(em);
    await intervene(COMMUNITY_PROTECTION_NOTICE, '2017-06-01T12:00:00Z', { subject: noticed });
    await involve(noticed, PersonRole.PERPETRATOR, await incidentsAt(2, '2017-05-20T12:00:00Z'));
    await involve(noticed, PersonRole.PERPETRATOR, await incidentsAt(1, '2017-06-20T12:00:00Z'));
    // Issued this month: their after-windows have not ended.
    for (let i = 0; i < 5; i += 1) {
      await intervene(CLOSURE_ORDER, '2026-11-01T12:00:00Z', { premises: await makeLocation(em) });
    }
    // Four of the six warnings were breached.
    const warnings = await em.find(Intervention, {
      kind: COMMUNITY_PROTECTION_WARNING,
      case: onCase.id,
    });
    for (const warning of warnings.slice(0, 4)) {
      em.create(InterventionBreach, {
        intervention: warning,
        occurredAt: new Date('2017-07-02T12:00:00Z'),
        details: 'Aggregate test breach',
      });
    }
    await em.flush();

    // ASB case reviews in 2016: 12 applications, 9 reviews held, 6 of them with
    // recommendations, 2 appeals; 21 decisions: 10 threshold met, 6 discretionary, 5 no review.
    const victim = await makePerson(em);
    for (let i = 0; i < 12; i += 1) {
      const application = em.create(CaseReviewApplication, {
        case: onCase,
        victim,
        madeByVictim: true,
        channel: CaseReviewApplicationChannel.PHONE,
        receivedBy: lead.partner,
        recordedBy: lead.user,
        appliedAt: new Date('2016-03-01T12:00:00Z'),
        meetingHeldAt: i < 9 ? new Date('2016-04-01T12:00:00Z') : null,
        appealedAt: i < 2 ? new Date('2016-05-01T12:00:00Z') : null,
      });
      if (i < 6) {
        const action = em.create(Action, {
          case: onCase,
          assignedPartner: lead.partner,
          title: `Recommendation ${randomUUID()}`,
          dueDate: '2016-05-01',
          source: ActionSource.CASE_REVIEW_RECOMMENDATION,
        });
        em.create(CaseReviewRecommendation, {
          application,
          action,
          recordedAt: new Date('2016-04-01T13:00:00Z'),
        });
      }
    }
    for (const [outcome, count] of [
      [CaseReviewOutcome.REVIEW_THRESHOLD_MET, 10],
      [CaseReviewOutcome.DISCRETIONARY_REVIEW, 6],
      [CaseReviewOutcome.NO_REVIEW, 5],
    ] as const) {
      for (let i = 0; i < count; i += 1) {
        em.create(CaseReviewDecision, {
          case: onCase,
          victim,
          windowStart: new Date('2015-09-20T12:00:00Z'),
          windowEnd: new Date('2016-03-20T12:00:00Z'),
          threshold: 3,
          thresholdMet: outcome === CaseReviewOutcome.REVIEW_THRESHOLD_MET,
          outcome,
          reasons: 'Aggregate test reasons',
          decidedBy: lead.user,
          decidedAt: new Date('2016-03-20T12:00:00Z'),
        });
      }
    }
    await em.flush();
  });
  afterAll(async () => {
    await hub.close();
  });

  const YEAR_2018 = { from: '2018-01-01', to: '2019-01-01' };
  const YEAR_2017 = { from: '2017-01-01', to: '2018-01-01' };

  it('refuses an anonymous caller', async () => {
    const response = await hub.request(REPEAT_DEMAND, { filter: YEAR_2018, subject: 'VICTIM' });
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('gives repeat victims as a distribution, hiding small bands with the next smallest and the incidents total', async () => {
    const response = await hub.request(
      REPEAT_DEMAND,
      { filter: YEAR_2018, subject: 'VICTIM' },
      bi.token,
    );
    const table = response.data!.repeatDemand!;
    expect(table.measures).toEqual(['SUBJECTS', 'INCIDENTS']);
    expect(countsOf(table, 'SUBJECTS')).toEqual({ '2': null, '3': 6, '5-9': null, '10+': null });
    expect(countsOf(table, 'INCIDENTS')).toEqual({ '2': null, '3': 18, '5-9': null, '10+': null });
    expect(table.cells.find((cell) => keyOf(cell) === '10+')!.keys[0].label).toBe(
      '10 or more incidents',
    );
    expect(table.totals).toEqual([
      { measure: 'SUBJECTS', count: 15, suppressed: false },
      { measure: 'INCIDENTS', count: null, suppressed: true },
    ]);
    expect(table.suppressedCells).toBe(6);
    // Counts, never a person: nothing in the answer is a person's id.
    expect(JSON.stringify(table)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('gives repeat perpetrators and repeat places by the same rule', async () => {
    const perpetrators = (
      await hub.request(REPEAT_DEMAND, { filter: YEAR_2018, subject: 'PERPETRATOR' }, bi.token)
    ).data!.repeatDemand!;
    expect(countsOf(perpetrators, 'SUBJECTS')).toEqual({ '2': 5 });
    expect(perpetrators.total).toBe(5);
    const places = (
      await hub.request(REPEAT_DEMAND, { filter: YEAR_2018, subject: 'LOCATION' }, bi.token)
    ).data!.repeatDemand!;
    expect(countsOf(places, 'SUBJECTS')).toEqual({ '2': 6, '4': 5 });
    expect(places.totals.map((total) => total.count)).toEqual([11, 32]);
  });

  it('compares demand in the 90 days before and after interventions, per kind, hiding a kind with few with the next smallest', async () => {
    const response = await hub.request(INTERVENTION_IMPACT, { filter: YEAR_2017 }, bi.token);
    expect(response.errors).toBeUndefined();
    const table = response.data!.interventionImpact!;
    const kind = (measure: string) => countsOf(table, measure);
    expect(kind('INTERVENTIONS')).toEqual({
      CLOSURE_ORDER: null,
      COMMUNITY_PROTECTION_NOTICE: null,
      COMMUNITY_PROTECTION_WARNING: 6,
    });
    expect(kind('INCIDENTS_BEFORE').COMMUNITY_PROTECTION_WARNING).toBe(12);
    expect(kind('INCIDENTS_AFTER').COMMUNITY_PROTECTION_WARNING).toBe(5);
    expect(table.cells.filter((cell) => cell.suppressed)).toHaveLength(6);
    expect(table.totals.map((total) => [total.measure, total.count])).toEqual([
      ['INTERVENTIONS', 12],
      ['INCIDENTS_BEFORE', 32],
      ['INCIDENTS_AFTER', 11],
    ]);
    // One incident known only to the month is left out: a count below the threshold, withheld.
    expect(table.excludedForPrecision).toBeNull();
    expect(table.excludedWindowNotEnded).toBe(0);
  });

  it('leaves out interventions whose after-window has not ended, and says how many', async () => {
    const response = await hub.request(
      INTERVENTION_IMPACT,
      {
        filter: { from: '2017-01-01', to: '2027-01-01', kinds: ['CLOSURE_ORDER'] },
        windowDays: 30,
      },
      analyst.token,
    );
    const table = response.data!.interventionImpact!;
    expect(table.excludedWindowNotEnded).toBe(5);
    // Within 30 days either side: the closure orders' incidents before were 31 and 47 days
    // before, and those after at noon on 1 July, the end of the after-window, which is left out.
    expect(table.totals.map((total) => total.count)).toEqual([5, 0, 0]);
  });

  it('gives one intervention\u2019s demand to an analyst who may read its case, and answers NOT_FOUND to anyone else', async () => {
    const one = await hub.request(
      INTERVENTION_IMPACT,
      { filter: YEAR_2017, interventionId: firstClosureOrder.id },
      analyst.token,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data!.interventionImpact!.cells.map((cell) => cell.count)).toEqual([1, 6, null]);
    for (const viewer of [bi, outsider]) {
      const refused = await hub.request(
        INTERVENTION_IMPACT,
        { filter: YEAR_2017, interventionId: firstClosureOrder.id },
        viewer.token,
      );
      expect(codes(refused)).toEqual(['NOT_FOUND']);
      expect(refused.data?.interventionImpact).toBeNull();
    }
    const missing = await hub.request(
      INTERVENTION_IMPACT,
      { filter: YEAR_2017, interventionId: 'not-an-id' },
      analyst.token,
    );
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    const tooLong = await hub.request(
      INTERVENTION_IMPACT,
      { filter: YEAR_2017, windowDays: 366 },
      analyst.token,
    );
    expect(codes(tooLong)).toEqual(['BAD_USER_INPUT']);
  });

  it('counts interventions issued and breached per kind, protecting "issued but not breached" as a cell', async () => {
    const table = (await hub.request(INTERVENTION_STATISTICS, { filter: YEAR_2017 }, bi.token))
      .data!.interventionStatistics!;
    expect(countsOf(table, 'ISSUED')).toEqual({
      CLOSURE_ORDER: null,
      COMMUNITY_PROTECTION_NOTICE: null,
      COMMUNITY_PROTECTION_WARNING: 6,
    });
    // Four of six warnings breached: the two that were not are below the threshold.
    expect(countsOf(table, 'BREACHED')).toEqual({
      CLOSURE_ORDER: 0,
      COMMUNITY_PROTECTION_NOTICE: 0,
      COMMUNITY_PROTECTION_WARNING: null,
    });
    expect(table.totals).toEqual([
      { measure: 'ISSUED', count: 12, suppressed: false },
      { measure: 'BREACHED', count: null, suppressed: true },
    ]);
    const byMonth = (
      await hub.request(
        INTERVENTION_STATISTICS,
        { filter: YEAR_2017, groupBy: ['PERIOD_MONTH'] },
        bi.token,
      )
    ).data!.interventionStatistics!;
    expect(byMonth.dimensions).toEqual(['INTERVENTION_KIND', 'PERIOD_MONTH']);
    expect(countsOf(byMonth, 'ISSUED')).toEqual({
      'CLOSURE_ORDER/2017-06': null,
      'COMMUNITY_PROTECTION_NOTICE/2017-06': null,
      'COMMUNITY_PROTECTION_WARNING/2017-06': 6,
    });
    const refused = await hub.request(
      INTERVENTION_STATISTICS,
      { filter: YEAR_2017, groupBy: ['CATEGORY'] },
      bi.token,
    );
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
  });

  it('publishes ASB case review statistics as s.104(10) asks, suppressing small counts and those their sums would give away', async () => {
    const table = (
      await hub.request(
        CASE_REVIEW_STATISTICS,
        { filter: { from: '2016-01-01', to: '2017-01-01' } },
        bi.token,
      )
    ).data!.caseReviewStatistics!;
    expect(Object.fromEntries(table.cells.map((cell) => [cell.measure, cell.count]))).toEqual({
      APPLICATIONS: 12,
      DECISIONS: 21,
      DECISIONS_THRESHOLD_MET: 10,
      DECISIONS_THRESHOLD_NOT_MET: 11,
      DECISIONS_DISCRETIONARY_REVIEW: 6,
      DECISIONS_NO_REVIEW: 5,
      REVIEWS_HELD: 9,
      // 9 held, 6 with recommendations: the 3 without would follow by subtraction.
      REVIEWS_WITH_RECOMMENDATIONS: null,
      APPEALS: null,
    });
    expect(table.suppressedCells).toBe(2);
    expect(table.threshold).toBe(5);
  });
});
