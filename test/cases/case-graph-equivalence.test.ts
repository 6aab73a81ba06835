import { clock } from '../../src/common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  print,
  type FieldNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from 'graphql';
import { CaseReviewOutcome } from '../../src/case-reviews/case-review-decision.enum';
import { CaseReviewDecision } from '../../src/case-reviews/case-review-decision.entity';
import { CaseReviewIncident } from '../../src/case-reviews/case-review-incident.entity';
import { CasePerson } from '../../src/cases/case-person.entity';
import { IncidentPerson } from '../../src/incidents/incident-person.entity';
import { InterventionKind } from '../../src/interventions/intervention-enums';
import { InterventionBreach } from '../../src/interventions/intervention-breach.entity';
import { InterventionPartner } from '../../src/interventions/intervention-partner.entity';
import { Intervention } from '../../src/interventions/intervention.entity';
import { JointVisitAttendee } from '../../src/joint-visits/joint-visit-attendee.entity';
import { JointVisitPerson } from '../../src/joint-visits/joint-visit-person.entity';
import { JointVisit } from '../../src/joint-visits/joint-visit.entity';
import type { Location } from '../../src/locations/location.entity';
import type { Person } from '../../src/people/person.entity';
import { DrugAlcoholRecord } from '../../src/partner-records/drug-alcohol-record.entity';
import { HousingRecord } from '../../src/partner-records/housing-record.entity';
import { MentalHealthRecord } from '../../src/partner-records/mental-health-record.entity';
import { PoliceRecord } from '../../src/partner-records/police-record.entity';
import { Vulnerability } from '../../src/people/vulnerability.enum';
import { SharingBasisKind } from '../../src/sharing/sharing-basis-kind.enum';
import { SharingBasis } from '../../src/sharing/sharing-basis.entity';
import { SupportKind, SupportResponse } from '../../src/support/support-enums';
import { SupportOffer } from '../../src/support/support-offer.entity';
import { CaseViewDocument } from '../generated/graphql';
import {
  addIncidentReport,
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
 * `case(id)` answers from one statement whose rows prime the request's DataLoaders
 * (src/cases/case-graph.ts). The same case reached through the `cases` list is resolved by the
 * loaders alone. For each kind of viewer, both must give the same answer, field for field, in the
 * same order, with the same refusals.
 */

const caseView = CaseViewDocument.definitions[0] as OperationDefinitionNode;
const caseField = caseView.selectionSet.selections[0] as FieldNode;

/** The case view's selection, word for word, below `cases(search)` instead of `case(id)`. */
const THROUGH_LOADERS = `query CaseViewThroughLoaders($search: String!) {
  cases(first: 1, filter: { search: $search }) {
    edges { node ${print(caseField.selectionSet!)} }
  }
}`;

const hour = 3600_000;
const ago = (hours: number) => new Date(clock.nowMs() - hours * hour);

/** Refusals by path below the case, in a stable order. */
const refusals = (errors: readonly GraphQLFormattedError[] | undefined, prefix: number) =>
  (errors ?? [])
    .map((error) => ({
      path: (error.path ?? []).slice(prefix).join('.'),
      code: error.extensions?.code,
      message: error.message,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));

describe('the case view through the case graph', () => {
  let hub: TestHub;
  let police: Member;
  let housing: Member;
  let mentalHealth: Member;
  let drugAlcohol: Member;
  let shared: Awaited<ReturnType<typeof makeCase>>;
  let victim: Awaited<ReturnType<typeof makePerson>>;
  let perpetrator: Awaited<ReturnType<typeof makePerson>>;
  let hiddenFromHousing: Awaited<ReturnType<typeof makeCase>>;

  beforeAll(async () => {
    hub = await startTestHub();
    const em = hub.em();
    police = await makeMember(em, await makePartner(em, PartnerKind.POLICE));
    housing = await makeMember(em, await makePartner(em, PartnerKind.HOUSING));
    mentalHealth = await makeMember(em, await makePartner(em, PartnerKind.MENTAL_HEALTH));
    drugAlcohol = await makeMember(em, await makePartner(em, PartnerKind.DRUG_ALCOHOL));
    victim = await makePerson(em);
    perpetrator = await makePerson(em);
    const witness = await makePerson(em); // in an incident, not in the case
    const flat = await makeLocation(em);
    const park = await makeLocation(em);
    shared = await makeCase(em, police, {
      others: [housing.partner, mentalHealth.partner, drugAlcohol.partner],
      people: [
        [victim, PersonRole.VICTIM],
        [perpetrator, PersonRole.PERPETRATOR],
      ],
      location: flat,
    });
    // The perpetrator's other cases: one housing does not take part in, one nobody here does.
    hiddenFromHousing = await makeCase(em, police, {
      others: [mentalHealth.partner],
      people: [[perpetrator, PersonRole.PERPETRATOR]],
    });
    await makeCase(em, drugAlcohol, { people: [[perpetrator, PersonRole.VICTIM]] });
    await recordsAndBases(em, flat);
    await caseWork(em, witness, flat, park);
  });
  afterAll(() => hub.close());

  /** Records of every partner, released to some viewers and not to others. */
  async function recordsAndBases(em: EntityManager, flat: Location) {
    for (const person of [victim, perpetrator]) {
      em.create(PoliceRecord, {
        ownerPartner: police.partner,
        person,
        nominalReference: 'NOMINAL',
        warningsSummary: 'WARNINGS',
        intelligence: 'POLICE-INTEL',
      });
      em.create(HousingRecord, {
        ownerPartner: housing.partner,
        person,
        property: flat,
        tenancyReference: 'TENANCY',
        officerNotes: 'HOUSING-NOTE',
      });
      em.create(MentalHealthRecord, {
        ownerPartner: mentalHealth.partner,
        person,
        careContact: 'CARE-CONTACT',
        riskSummary: 'RISK',
        clinicalNotes: 'CLINICAL-NOTE',
      });
      em.create(DrugAlcoholRecord, {
        ownerPartner: drugAlcohol.partner,
        person,
        keyWorkerContact: 'KEY-WORKER',
        treatmentDetail: 'TREATMENT-DETAIL',
      });
    }
    // The victim consented to every partner on her cases; the drug and alcohol service released
    // her engagement to the police alone. The perpetrator's records are released to nobody: his
    // consent was withdrawn, and the safeguarding basis has expired.
    // A basis without consent is a documented override (check sharing_basis_override_documented).
    const override = {
      override: true,
      decisionMaker: 'Safeguarding lead',
      lawfulBasis: 'DPA 2018 sch.1 para 18',
    };
    const basis = (fields: Partial<SharingBasis>) =>
      em.create(SharingBasis, {
        reason: 'recorded for the test',
        recordedAt: ago(48),
        decidedBy: mentalHealth.user,
        ownerPartner: mentalHealth.partner,
        kind: SharingBasisKind.CONSENT,
        case: shared,
        recipientPartnerIds: [police, housing].map((m) => m.partner.id),
        ...fields,
      } as SharingBasis);
    basis({
      person: victim,
      recipientPartnerIds: [police, housing, drugAlcohol].map((m) => m.partner.id),
    });
    basis({
      person: victim,
      ownerPartner: drugAlcohol.partner,
      recipientPartnerIds: [police.partner.id],
      kind: SharingBasisKind.SAFEGUARDING,
      ...override,
      decidedBy: drugAlcohol.user,
      recordedAt: ago(24),
    });
    basis({ person: perpetrator, withdrawnAt: ago(2), withdrawnBy: mentalHealth.user });
    basis({
      person: perpetrator,
      kind: SharingBasisKind.SAFEGUARDING,
      ...override,
      expiresAt: ago(1),
    });
    await em.flush();
  }

  /** Incidents, a visit, support, interventions and a case review decision. */
  async function caseWork(em: EntityManager, witness: Person, flat: Location, park: Location) {
    const incidents = [];
    for (const [i, place] of [flat, park, flat].entries()) {
      const incident = await makeIncident(em, shared, police.partner, ago(10 - i), place);
      em.create(IncidentPerson, { incident, person: victim, role: PersonRole.VICTIM });
      em.create(IncidentPerson, { incident, person: witness, role: PersonRole.WITNESS });
      incidents.push(incident);
    }
    await addIncidentReport(em, incidents[0], housing.partner, ago(9));
    const visit = em.create(JointVisit, {
      case: shared,
      visitedAt: ago(5),
      location: flat,
      purpose: 'welfare check',
      outcome: 'seen',
    });
    em.create(JointVisitAttendee, { visit, partner: police.partner, officerName: 'PC A' });
    em.create(JointVisitAttendee, { visit, partner: housing.partner, officerName: 'HO B' });
    em.create(JointVisitPerson, { visit, person: victim });
    em.create(SupportOffer, {
      case: shared,
      offeredBy: mentalHealth.partner,
      person: victim,
      kind: SupportKind.MENTAL_HEALTH_REFERRAL,
      offeredAt: ago(4),
      response: SupportResponse.ACCEPTED,
    });
    for (const issuedAt of [ago(3), ago(2)]) {
      const intervention = em.create(Intervention, {
        case: shared,
        kind: InterventionKind.COMMUNITY_PROTECTION_WARNING,
        subject: perpetrator,
        premises: flat,
        issuedAt,
        terms: 'stop',
        complianceDate: '2026-01-01',
      });
      em.create(InterventionPartner, { intervention, partner: police.partner });
      em.create(InterventionPartner, { intervention, partner: housing.partner });
      em.create(InterventionBreach, { intervention, occurredAt: ago(1), details: 'again' });
    }
    const decision = em.create(CaseReviewDecision, {
      case: shared,
      victim,
      windowStart: ago(24 * 180),
      windowEnd: ago(0),
      threshold: 3,
      thresholdMet: true,
      outcome: CaseReviewOutcome.REVIEW_THRESHOLD_MET,
      reasons: 'three complaints',
      decidedBy: police.user,
      decidedAt: ago(0.5),
    });
    for (const incident of incidents) em.create(CaseReviewIncident, { decision, incident });
    const victimRow = await em.findOneOrFail(CasePerson, { person: victim, case: shared });
    victimRow.vulnerabilities = [Vulnerability.LEARNING_DISABILITY];
    await em.flush();
  }

  const viewers = () => ({ police, housing, mentalHealth });

  it.each(['police', 'housing', 'mentalHealth'] as const)(
    'gives a %s viewer the answer the loaders give, refusals included',
    async (name) => {
      const viewer = viewers()[name];
      const graph = await hub.request(CaseViewDocument, { id: shared.id }, viewer.token);
      const loaders = await hub.post(
        { query: THROUGH_LOADERS, variables: { search: shared.title } },
        { authorization: `Bearer ${viewer.token}` },
      );
      const throughList = loaders.body.data.cases.edges[0].node;
      expect(graph.data?.case).toEqual(throughList);
      expect(refusals(graph.errors, 1)).toEqual(refusals(loaders.body.errors, 4));
      expect(graph.data?.case?.incidents).toHaveLength(3);
    },
  );

  it('keeps rows the viewer may not see out of the graph\u2019s answer', async () => {
    const asHousing = await hub.request(CaseViewDocument, { id: shared.id }, housing.token);
    const people = asHousing.data!.case!.people!;
    const person = (id: string) => people.find((row) => row.person?.id === id)!.person!;
    // His other case with the police and the mental health service stays hidden from housing.
    expect(person(perpetrator.id).cases.map((c) => c.id)).toEqual([shared.id]);
    // His mental health and drug and alcohol records are released to nobody.
    expect(person(perpetrator.id).mentalHealthRecords).toEqual([]);
    expect(person(perpetrator.id).drugAlcoholRecords).toEqual([]);
    // Her care contact was released to every partner on the case; her engagement to the police only.
    expect(person(victim.id).mentalHealthRecords.map((r) => r.careContact)).toEqual([
      'CARE-CONTACT',
    ]);
    expect(person(victim.id).drugAlcoholRecords).toEqual([]);
    expect(JSON.stringify(asHousing)).not.toMatch(/CLINICAL-NOTE|POLICE-INTEL|TREATMENT-DETAIL/);

    const asPolice = await hub.request(CaseViewDocument, { id: shared.id }, police.token);
    const policePeople = asPolice.data!.case!.people!;
    const seen = (id: string) => policePeople.find((row) => row.person?.id === id)!.person!;
    expect(
      seen(perpetrator.id)
        .cases.map((c) => c.id)
        .sort(),
    ).toEqual([shared.id, hiddenFromHousing.id].sort());
    expect(seen(victim.id).drugAlcoholRecords).toHaveLength(1);
  });
});
