import { clock } from '../../src/common/clock';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseReviewOutcome } from '../../src/case-reviews/case-review-decision.enum';
import { CaseReviewDecision } from '../../src/case-reviews/case-review-decision.entity';
import { CaseReviewIncident } from '../../src/case-reviews/case-review-incident.entity';
import { IncidentPerson } from '../../src/incidents/incident-person.entity';
import { InterventionKind } from '../../src/interventions/intervention-enums';
import { InterventionBreach } from '../../src/interventions/intervention-breach.entity';
import { InterventionPartner } from '../../src/interventions/intervention-partner.entity';
import { Intervention } from '../../src/interventions/intervention.entity';
import { JointVisitAttendee } from '../../src/joint-visits/joint-visit-attendee.entity';
import { JointVisitPerson } from '../../src/joint-visits/joint-visit-person.entity';
import { JointVisit } from '../../src/joint-visits/joint-visit.entity';
import { DrugAlcoholRecord } from '../../src/partner-records/drug-alcohol-record.entity';
import { HousingRecord } from '../../src/partner-records/housing-record.entity';
import { MentalHealthRecord } from '../../src/partner-records/mental-health-record.entity';
import { PoliceRecord } from '../../src/partner-records/police-record.entity';
import { SharingBasisKind } from '../../src/sharing/sharing-basis-kind.enum';
import { SharingBasis } from '../../src/sharing/sharing-basis.entity';
import { SupportKind, SupportResponse } from '../../src/support/support-enums';
import { SupportOffer } from '../../src/support/support-offer.entity';
import { CaseIncidentsOnlyDocument, CaseViewDocument } from '../generated/graphql';
import { gql } from '../support/gql';
import {
  makeCase,
  makeIncident,
  makeLocation,
  makeMember,
  makePartner,
  makePerson,
  PartnerKind,
  PersonRole,
  type Member,
} from '../support/factories';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * A case of a given size, every list in the case view filled: people with a record from each
 * partner, incidents with reports and people, visits, support, interventions with breaches, and
 * a case review decision.
 */
async function caseOfSize(
  em: EntityManager,
  police: Member,
  others: Member[],
  size: { incidents: number; people: number },
) {
  const [housing, mentalHealth, drugAlcohol] = others;
  const people = await Promise.all(Array.from({ length: size.people }, () => makePerson(em)));
  const location = await makeLocation(em);
  const created = await makeCase(em, police, {
    others: others.map((member) => member.partner),
    people: people.map((person, i) => [
      person,
      i === 0 ? PersonRole.VICTIM : PersonRole.PERPETRATOR,
    ]),
    location,
  });
  for (const person of people) {
    em.create(PoliceRecord, {
      ownerPartner: police.partner,
      person,
      warningsSummary: 'w',
      intelligence: 'i',
    });
    em.create(HousingRecord, {
      ownerPartner: housing.partner,
      person,
      property: location,
      tenancyReference: 't',
    });
    em.create(MentalHealthRecord, {
      ownerPartner: mentalHealth.partner,
      person,
      careContact: 'c',
      clinicalNotes: 'n',
    });
    em.create(DrugAlcoholRecord, {
      ownerPartner: drugAlcohol.partner,
      person,
      keyWorkerContact: 'k',
    });
    em.create(SharingBasis, {
      person,
      ownerPartner: mentalHealth.partner,
      case: created,
      recipientPartnerIds: [police.partner.id],
      kind: SharingBasisKind.CONSENT,
      reason: 'consented',
      decidedBy: mentalHealth.user,
      recordedAt: new Date(clock.nowMs() - 1000),
    });
  }
  const incidents = [];
  for (let i = 0; i < size.incidents; i++) {
    const incident = await makeIncident(
      em,
      created,
      police.partner,
      new Date(clock.nowMs() - (i + 1) * 3600_000),
      location,
    );
    em.create(IncidentPerson, {
      incident,
      person: people[i % people.length],
      role: PersonRole.VICTIM,
    });
    incidents.push(incident);
  }
  for (let i = 0; i < Math.ceil(size.incidents / 8); i++) {
    const visit = em.create(JointVisit, {
      case: created,
      visitedAt: clock.now(),
      location,
      purpose: 'p',
      outcome: 'o',
    });
    em.create(JointVisitAttendee, { visit, partner: police.partner, officerName: 'a' });
    em.create(JointVisitAttendee, { visit, partner: housing.partner, officerName: 'b' });
    em.create(JointVisitPerson, { visit, person: people[i % people.length] });
    em.create(SupportOffer, {
      case: created,
      offeredBy: mentalHealth.partner,
      person: people[i % people.length],
      kind: SupportKind.MENTAL_HEALTH_REFERRAL,
      offeredAt: clock.now(),
      response: SupportResponse.ACCEPTED,
    });
    const intervention = em.create(Intervention, {
      case: created,
      kind: InterventionKind.COMMUNITY_PROTECTION_WARNING,
      subject: people[i % people.length],
      issuedAt: clock.now(),
      terms: 't',
      complianceDate: '2026-01-01',
    });
    em.create(InterventionPartner, { intervention, partner: police.partner });
    em.create(InterventionBreach, { intervention, occurredAt: clock.now(), details: 'd' });
  }
  const decision = em.create(CaseReviewDecision, {
    case: created,
    victim: people[0],
    windowStart: new Date(clock.nowMs() - 180 * 86400_000),
    windowEnd: clock.now(),
    threshold: 3,
    thresholdMet: true,
    outcome: CaseReviewOutcome.REVIEW_THRESHOLD_MET,
    reasons: 'r',
    decidedBy: police.user,
    decidedAt: clock.now(),
  });
  for (const incident of incidents.slice(0, 3))
    em.create(CaseReviewIncident, { decision, incident });
  await em.flush();
  return created;
}

describe('the case view\u2019s SQL', () => {
  let hub: TestHub;
  let police: Member;
  let others: Member[];

  beforeAll(async () => {
    hub = await startTestHub();
    const em = hub.em();
    police = await makeMember(em, await makePartner(em, PartnerKind.POLICE));
    others = [
      await makeMember(em, await makePartner(em, PartnerKind.HOUSING)),
      await makeMember(em, await makePartner(em, PartnerKind.MENTAL_HEALTH)),
      await makeMember(em, await makePartner(em, PartnerKind.DRUG_ALCOHOL)),
    ];
  });
  afterAll(() => hub.close());

  it('is a fixed number of statements, the same for 5 incidents and 2 people as for 50 incidents and 8 people', async () => {
    const small = await caseOfSize(hub.em(), police, others, { incidents: 5, people: 2 });
    const large = await caseOfSize(hub.em(), police, others, { incidents: 50, people: 8 });
    const counts: Record<string, number> = {};
    for (const [name, created] of [
      ['small', small],
      ['large', large],
    ] as const) {
      let answer: Awaited<ReturnType<TestHub['request']>> | undefined;
      const statements = await hub.recordStatements(async () => {
        answer = await hub.request(CaseViewDocument, { id: created.id }, police.token);
      });
      if (process.env.SHOW_SQL) console.log(statements.join('\n'));
      counts[name] = statements.length;
      const view = (answer!.data as { case: { incidents: unknown[]; people: unknown[] } }).case;
      expect(view.incidents).toHaveLength(name === 'small' ? 5 : 50);
      expect(view.people).toHaveLength(name === 'small' ? 2 : 8);
    }
    // Printed for the benchmark notes: the whole case view, token check included.
    console.log(
      `case view SQL statements: ${counts.small} (5 incidents), ${counts.large} (50 incidents)`,
    );
    expect(counts.large).toBe(counts.small);
    expect(counts.small).toBeLessThanOrEqual(8);
  });

  it('reads only the tables a smaller selection asks for', async () => {
    const created = await caseOfSize(hub.em(), police, others, { incidents: 2, people: 1 });
    const caseStatement = async (document: TypedDocumentNode<unknown, { id: string }>) => {
      const statements = await hub.recordStatements(() =>
        hub.request(document, { id: created.id }, police.token),
      );
      return statements.filter((sql) => sql.includes('asb_case'));
    };
    const [titleOnly, ...titleRest] = await caseStatement(
      gql<unknown, { id: string }>('query ($id: ID!) { case(id: $id) { id title } }'),
    );
    expect(titleRest).toEqual([]);
    expect(titleOnly).not.toMatch(/case_person|incident|partner t|person t/);
    const [incidentsOnly, ...incidentsRest] = await caseStatement(CaseIncidentsOnlyDocument);
    expect(incidentsRest).toEqual([]);
    expect(incidentsOnly).toMatch(/incident_report/);
    expect(incidentsOnly).not.toMatch(/case_person|police_record|sharing_basis|joint_visit/);
  });
});
