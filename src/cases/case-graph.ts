import type { EntityClass } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import { CaseReviewDecision } from '../case-reviews/case-review-decision.entity';
import { CaseReviewIncident } from '../case-reviews/case-review-incident.entity';
import { primeGroups } from '../common/batch-loader';
import { selects, type Selection } from '../common/selection';
import type { HubContext } from '../context';
import { EntityShapedRows, type JsonRow } from '../db/entity-shaped-rows';
import { runStatement } from '../db/prepared';
import { IncidentPerson } from '../incidents/incident-person.entity';
import { IncidentReport } from '../incidents/incident-report.entity';
import { Incident } from '../incidents/incident.entity';
import { InterventionBreach } from '../interventions/intervention-breach.entity';
import { InterventionPartner } from '../interventions/intervention-partner.entity';
import { Intervention } from '../interventions/intervention.entity';
import { JointVisitAttendee } from '../joint-visits/joint-visit-attendee.entity';
import { JointVisitPerson } from '../joint-visits/joint-visit-person.entity';
import { JointVisit } from '../joint-visits/joint-visit.entity';
import { Location } from '../locations/location.entity';
import { DrugAlcoholRecord } from '../partner-records/drug-alcohol-record.entity';
import { HousingRecord } from '../partner-records/housing-record.entity';
import { MentalHealthRecord } from '../partner-records/mental-health-record.entity';
import { PoliceRecord } from '../partner-records/police-record.entity';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { SharingBasis } from '../sharing/sharing-basis.entity';
import { SupportOffer } from '../support/support-offer.entity';
import { User } from '../users/user.entity';
import { CaseIncident } from './case-incident.entity';
import { CasePartner } from './case-partner.entity';
import { CasePerson } from './case-person.entity';
import { Case } from './case.entity';
import { caseGraphSql, type PartName, type Referenced } from './case-graph.sql';

/** The statement's one row: the case row, and the rows of each part it was asked for. */
type CaseGraphRows = { case: JsonRow | null } & Partial<Record<PartName | Referenced, JsonRow[]>>;

/** The parts of the graph that the fields asked for below `case` read. */
function partsAskedFor(selection: Selection): PartName[] {
  const asks = (...path: string[]) => selects(selection, ...path);
  const person = (field: string) => asks('people', 'person', field);
  const records = {
    police_records: person('policeRecords'),
    housing_records: person('housingRecords'),
    mental_health_records: person('mentalHealthRecords'),
    drug_alcohol_records: person('drugAlcoholRecords'),
  };
  const asked: Record<PartName, boolean> = {
    lead_partner: asks('leadPartner'),
    lead_officer: asks('leadOfficer'),
    case_location: asks('location'),
    case_partners: asks('partners'),
    case_people: asks('people'),
    person_cases: person('cases'),
    visible_cases: person('cases'),
    ...records,
    // Reading a record, or one of its fields, asks which bases are live.
    sharing_bases: person('sharingBases') || Object.values(records).some(Boolean),
    case_incidents: asks('incidents'),
    incident_reports: asks('incidents', 'reports'),
    incident_people: asks('incidents', 'people'),
    joint_visits: asks('jointVisits'),
    visit_attendees: asks('jointVisits', 'attendees'),
    visit_people: asks('jointVisits', 'peopleVisited'),
    support_offers: asks('supportOffers'),
    interventions: asks('interventions'),
    intervention_partners: asks('interventions', 'issuedBy'),
    intervention_breaches: asks('interventions', 'breaches'),
    decisions: asks('caseReviewDecisions'),
    decision_incidents: asks('caseReviewDecisions', 'countedIncidents'),
  };
  return (Object.keys(asked) as PartName[]).filter((part) => asked[part]);
}

/**
 * The shared case view in one SQL statement. Fetches the case, if the viewer's partner takes part
 * in it, with every row the fields asked for below it read, and primes the request's DataLoaders
 * with them: the field resolvers and the policy then find their rows without a query, exactly as
 * the loaders would have answered. Anything else still goes through the loaders.
 */
export async function loadCaseGraph(
  ctx: HubContext,
  caseId: string,
  selection: Selection,
): Promise<Case | undefined> {
  const { sql, params, name } = caseGraphSql(partsAskedFor(selection), {
    caseId,
    partnerId: ctx.viewer.partnerId,
  });
  const rows = await ctx.loaders.waves.run(() =>
    runStatement<CaseGraphRows>(ctx.em, sql, params, name),
  );
  return rows[0]?.case ? prime(ctx, rows[0]) : undefined;
}

function prime({ em, loaders }: HubContext, graph: CaseGraphRows): Case {
  const shaped = new EntityShapedRows(em.getMetadata());
  const add = <T extends object>(entity: EntityClass<T>, rows: JsonRow[] | undefined) =>
    rows && shaped.add(entity, rows);
  const [found] = shaped.add(Case, [graph.case!]);
  const visibleCases = add(Case, graph.visible_cases);
  const partners = add(Partner, graph.partners);
  const users = add(User, graph.users);
  const locations = add(Location, graph.locations);
  const persons = add(Person, graph.persons);
  add(Incident, graph.incidents);
  const casePartners = add(CasePartner, graph.case_partners);
  const casePeople = add(CasePerson, graph.case_people);
  const personCases = add(CasePerson, graph.person_cases);
  const policeRecords = add(PoliceRecord, graph.police_records);
  const housingRecords = add(HousingRecord, graph.housing_records);
  const mentalHealthRecords = add(MentalHealthRecord, graph.mental_health_records);
  const drugAlcoholRecords = add(DrugAlcoholRecord, graph.drug_alcohol_records);
  const sharingBases = add(SharingBasis, graph.sharing_bases);
  const caseIncidents = add(CaseIncident, graph.case_incidents);
  const reports = add(IncidentReport, graph.incident_reports);
  const incidentPeople = add(IncidentPerson, graph.incident_people);
  const visits = add(JointVisit, graph.joint_visits);
  const attendees = add(JointVisitAttendee, graph.visit_attendees);
  const visitPeople = add(JointVisitPerson, graph.visit_people);
  const offers = add(SupportOffer, graph.support_offers);
  const interventions = add(Intervention, graph.interventions);
  const issuers = add(InterventionPartner, graph.intervention_partners);
  const breaches = add(InterventionBreach, graph.intervention_breaches);
  const decisions = add(CaseReviewDecision, graph.decisions);
  const counted = add(CaseReviewIncident, graph.decision_incidents);
  shaped.link();

  const byId = <T extends { id: string }>(loader: DataLoader<string, T | undefined>, rows?: T[]) =>
    rows?.forEach((row) => loader.prime(row.id, row));
  byId(loaders.visibleCaseById, [found, ...(visibleCases ?? [])]);
  byId(loaders.partnerById, partners);
  byId(loaders.userById, users);
  byId(loaders.locationById, locations);
  byId(loaders.personById, persons);

  // A part is only fetched with the part it hangs off, so `keys` are known whenever `rows` are.
  const under =
    (keys: string[] = []) =>
    <T>(loader: DataLoader<string, T[]>, rows: T[] | undefined, keyOf: (row: T) => string) =>
      rows && primeGroups(loader, keys, rows, keyOf);
  const ofCase = under([found.id]);
  ofCase(loaders.partnersByCase, casePartners, (row) => row.case.id);
  ofCase(loaders.peopleByCase, casePeople, (row) => row.case.id);
  ofCase(loaders.incidentsByCase, caseIncidents, (row) => row.case.id);
  ofCase(loaders.visitsByCase, visits, (row) => row.case.id);
  ofCase(loaders.offersByCase, offers, (row) => row.case.id);
  ofCase(loaders.interventionsByCase, interventions, (row) => row.case.id);
  ofCase(loaders.decisionsByCase, decisions, (row) => row.case.id);

  const personIds = casePeople?.map((row) => row.person.id);
  // Someone in a case the viewer's partner takes part in is someone the viewer may see.
  personIds?.forEach((id) => loaders.personVisible.prime(id, true));
  const ofPeople = under(personIds);
  ofPeople(loaders.visibleCasesByPerson, personCases, (row) => row.person.id);
  ofPeople(loaders.policeRecordsByPerson, policeRecords, (row) => row.person.id);
  ofPeople(loaders.housingRecordsByPerson, housingRecords, (row) => row.person.id);
  ofPeople(loaders.mentalHealthRecordsByPerson, mentalHealthRecords, (row) => row.person.id);
  ofPeople(loaders.drugAlcoholRecordsByPerson, drugAlcoholRecords, (row) => row.person.id);
  ofPeople(loaders.basesByPerson, sharingBases, (row) => row.person.id);

  const ofIncidents = under(caseIncidents?.map((link) => link.incident.id));
  ofIncidents(loaders.reportsByIncident, reports, (row) => row.incident.id);
  ofIncidents(loaders.peopleByIncident, incidentPeople, (row) => row.incident.id);
  const ofVisits = under(visits?.map((visit) => visit.id));
  ofVisits(loaders.attendeesByVisit, attendees, (row) => row.visit.id);
  ofVisits(loaders.peopleByVisit, visitPeople, (row) => row.visit.id);
  const ofInterventions = under(interventions?.map((intervention) => intervention.id));
  ofInterventions(loaders.issuersByIntervention, issuers, (row) => row.intervention.id);
  ofInterventions(loaders.breachesByIntervention, breaches, (row) => row.intervention.id);
  const ofDecisions = under(decisions?.map((decision) => decision.id));
  ofDecisions(loaders.countedIncidentsByDecision, counted, (row) => row.decision.id);
  return found;
}
