import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditTrail } from '../audit/audit-trail';
import type { Viewer } from '../auth/viewer';
import { labelOf } from '../common/labels';
import { PARTICIPATES } from '../permissions/row-access';
import { CaseIncident } from '../cases/case-incident.entity';
import { Case } from '../cases/case.entity';
import { requireId } from '../common/validate';
import { notFound } from '../errors';
import { IncidentReport } from '../incidents/incident-report.entity';
import { InterventionBreach } from '../interventions/intervention-breach.entity';
import { InterventionPartner } from '../interventions/intervention-partner.entity';
import { Intervention } from '../interventions/intervention.entity';
import { JointVisitAttendee } from '../joint-visits/joint-visit-attendee.entity';
import { JointVisitPerson } from '../joint-visits/joint-visit-person.entity';
import { JointVisit } from '../joint-visits/joint-visit.entity';
import { mayEverRead } from '../permissions/decide';
import { policy } from '../permissions/policy';
import { SupportOffer } from '../support/support-offer.entity';
import { User } from '../users/user.entity';
import { amendStatement } from '../corrections/statement-amendments';
import { ukDate } from './html';
import { StatementReview } from './statement-review.entity';
import { statementDemand } from './statement-demand';
import type { InterventionDemand } from '../cases/case-demand.service';

/** What a chronology entry records. */
export enum StatementEntryKind {
  INCIDENT = 'INCIDENT',
  SUPPORT_OFFER = 'SUPPORT_OFFER',
  JOINT_VISIT = 'JOINT_VISIT',
  INTERVENTION = 'INTERVENTION',
  BREACH = 'BREACH',
}

export interface StatementEntry {
  /** The record the entry is drawn from (incident, offer, visit, intervention, breach). */
  recordId: string;
  kind: StatementEntryKind;
  occurredAt: Date;
  /** The partners the entry comes from: who received the reports, offered, attended or issued. */
  sourcePartners: string[];
  summary: string;
  details: string[];
}

export interface LeadOfficerStatement {
  caseId: string;
  caseReference: string;
  caseTitle: string;
  leadPartner: string;
  leadOfficer: string | null;
  generatedAt: Date;
  /** Who the statement was prepared for: its content is what their partner and role may read. */
  preparedFor: string;
  /** The case's OSARA record, which the statement is built around (objective, analysis, ...). */
  osara: StatementOsara;
  entries: StatementEntry[];
  /** Corrections of the case and its people, as amended (src/corrections/statement-amendments.ts). */
  amendments: string[];
  /** `Type.field` coordinates the viewer's partner and role may not read, left out of the entries. */
  withheld: string[];
  reviews: StatementReview[];
  /** The case's call demand around each intervention (statement-demand.ts). */
  demand: InterventionDemand[];
}

/** The OSARA record's text, each part only when the viewer may read it. */
export interface StatementOsara {
  objective: string | null;
  scanning: string | null;
  analysis: string | null;
  response: string | null;
  assessment: string | null;
}

const KIND_ORDER = Object.values(StatementEntryKind);

/**
 * The lead officer statement: the case's chronology of every partner's involvement, in date
 * order, drawn only from what the viewer may read. Each part is decided by the same policy
 * entries as the GraphQL fields it mirrors (an analyst gets dates, categories and partners, not
 * descriptions, names or terms; partner records never appear). Reads of personal data are noted
 * on `audit` (written by the caller before the document leaves the hub).
 */
export async function buildLeadOfficerStatement(
  em: EntityManager,
  viewer: Viewer,
  caseId: string,
  audit?: AuditTrail,
): Promise<LeadOfficerStatement> {
  const id = requireId(caseId, 'case');
  const found = await em
    .createQueryBuilder(Case, 'c')
    .select('*')
    .where({ id })
    .andWhere(PARTICIPATES('c'), [viewer.partnerId])
    .getSingleResult();
  if (!found) throw notFound('case', caseId);

  const withheld = new Set<string>();
  const may = (type: string, field: string) => {
    const allowed = mayEverRead(policy[type]?.fields[field] ?? [], viewer);
    if (!allowed) withheld.add(`${type}.${field}`);
    return allowed;
  };
  const read = (type: string, fields: string[], recordId: string, personId?: string | null) => {
    for (const field of fields) audit?.read(type, field, { id: recordId, personId, caseId: id });
  };
  const nameOf = (person: { givenName: string; familyName: string } | null | undefined) =>
    person ? `${person.givenName} ${person.familyName}` : null;
  const mayNamePeople = may('Person', 'givenName') && may('Person', 'familyName');

  const entries: StatementEntry[] = [];

  // Incidents, with each partner's report of them.
  const links = await em.find(CaseIncident, { case: id }, { populate: ['incident'] });
  const incidentIds = links.map((link) => link.incident.id);
  const reports = incidentIds.length
    ? await em.find(
        IncidentReport,
        { incident: { $in: incidentIds } },
        { populate: ['partner'], orderBy: { reportedAt: 'asc', id: 'asc' } },
      )
    : [];
  const showDescription = may('Incident', 'description');
  const showSourceReference = may('IncidentReport', 'sourceReference');
  for (const { incident } of links) {
    const own = reports.filter((report) => report.incident.id === incident.id);
    const details = own.map(
      (report) =>
        `Reported to ${report.partner.name} on ${ukDate(report.reportedAt)}` +
        (showSourceReference && report.sourceReference ? ` (ref. ${report.sourceReference})` : ''),
    );
    if (showDescription) {
      details.unshift(incident.description);
      read('Incident', ['description'], incident.id);
    }
    entries.push({
      recordId: incident.id,
      kind: StatementEntryKind.INCIDENT,
      occurredAt: incident.occurredAt,
      sourcePartners: [...new Set(own.map((report) => report.partner.name))],
      summary: `Incident: ${labelOf(incident.category)}${incident.hateIncident ? ' (hate incident)' : ''}`,
      details,
    });
  }

  // Support offered and the answer: case readers only, like Case.supportOffers.
  if (may('Case', 'supportOffers') && may('SupportOffer', 'details')) {
    const offers = await em.find(SupportOffer, { case: id }, { populate: ['offeredBy', 'person'] });
    for (const offer of offers) {
      const to = mayNamePeople ? ` to ${nameOf(offer.person)}` : '';
      entries.push({
        recordId: offer.id,
        kind: StatementEntryKind.SUPPORT_OFFER,
        occurredAt: offer.offeredAt,
        sourcePartners: [offer.offeredBy.name],
        summary: `Support offered${to}: ${labelOf(offer.kind)}. Response: ${labelOf(offer.response)}`,
        details: offer.details ? [offer.details] : [],
      });
      read(
        'SupportOffer',
        ['person', 'kind', 'details', 'offeredAt', 'response'],
        offer.id,
        offer.person.id,
      );
    }
  }

  // Joint visits: case readers only, like Case.jointVisits.
  if (may('Case', 'jointVisits') && may('JointVisit', 'outcome')) {
    const visits = await em.find(JointVisit, { case: id }, { populate: ['location'] });
    const visitIds = visits.map((visit) => visit.id);
    const attendees = visitIds.length
      ? await em.find(JointVisitAttendee, { visit: { $in: visitIds } }, { populate: ['partner'] })
      : [];
    const seen = visitIds.length
      ? await em.find(JointVisitPerson, { visit: { $in: visitIds } }, { populate: ['person'] })
      : [];
    for (const visit of visits) {
      const present = attendees.filter((attendee) => attendee.visit.id === visit.id);
      const people = seen
        .filter((row) => row.visit.id === visit.id)
        .map((row) => nameOf(row.person));
      const details = [
        `Purpose: ${visit.purpose}`,
        `Outcome: ${visit.outcome}`,
        `Attended: ${present.map((a) => `${a.officerName} (${a.partner.name})`).join('; ')}`,
      ];
      if (mayNamePeople && people.length) details.push(`Seen: ${people.join('; ')}`);
      if (visit.location && may('Location', 'description'))
        details.push(`At: ${visit.location.description}`);
      entries.push({
        recordId: visit.id,
        kind: StatementEntryKind.JOINT_VISIT,
        occurredAt: visit.visitedAt,
        sourcePartners: [...new Set(present.map((attendee) => attendee.partner.name))],
        summary: 'Joint visit',
        details,
      });
      read(
        'JointVisit',
        ['visitedAt', 'purpose', 'outcome', 'attendees', 'peopleVisited'],
        visit.id,
      );
    }
  }

  // Steps on the escalation ladder, and their breaches.
  const interventions = await em.find(
    Intervention,
    { case: id },
    { populate: ['subject', 'premises'] },
  );
  const interventionIds = interventions.map((intervention) => intervention.id);
  const issuers = interventionIds.length
    ? await em.find(
        InterventionPartner,
        { intervention: { $in: interventionIds } },
        { populate: ['partner'] },
      )
    : [];
  const breaches = interventionIds.length
    ? await em.find(InterventionBreach, { intervention: { $in: interventionIds } })
    : [];
  const showSubject = may('Intervention', 'subject') && mayNamePeople;
  const showTerms = may('Intervention', 'terms');
  const showPremises = may('Intervention', 'premises') && may('Location', 'description');
  const showBreachDetails = may('InterventionBreach', 'details');
  for (const intervention of interventions) {
    const by = issuers
      .filter((row) => row.intervention.id === intervention.id)
      .map((row) => row.partner.name);
    const whom = showSubject && intervention.subject ? ` to ${nameOf(intervention.subject)}` : '';
    const details: string[] = [];
    if (showTerms) details.push(`Terms: ${intervention.terms}`);
    if (intervention.complianceDate)
      details.push(`Comply by: ${ukDate(intervention.complianceDate)}`);
    if (intervention.servedAt) details.push(`Served: ${ukDate(intervention.servedAt)}`);
    if (intervention.endsAt) details.push(`Ends: ${ukDate(intervention.endsAt)}`);
    if (showPremises && intervention.premises)
      details.push(`Premises: ${intervention.premises.description}`);
    details.push(`Status: ${labelOf(intervention.status)}`);
    entries.push({
      recordId: intervention.id,
      kind: StatementEntryKind.INTERVENTION,
      occurredAt: intervention.issuedAt,
      sourcePartners: by,
      summary: `${labelOf(intervention.kind)} issued${whom}`,
      details,
    });
    const fields = [...(showSubject ? ['subject'] : []), ...(showTerms ? ['terms'] : [])];
    if (fields.length) read('Intervention', fields, intervention.id, intervention.subject?.id);
    for (const breach of breaches.filter((row) => row.intervention.id === intervention.id)) {
      entries.push({
        recordId: breach.id,
        kind: StatementEntryKind.BREACH,
        occurredAt: breach.occurredAt,
        sourcePartners: by,
        summary: `Breach of the ${labelOf(intervention.kind).toLowerCase()}${whom}`,
        details: showBreachDetails ? [breach.details] : [],
      });
      if (showBreachDetails)
        read('InterventionBreach', ['details'], breach.id, intervention.subject?.id);
    }
  }

  // Corrected items "as amended": the corrections part, in its own module.
  const amendments = await amendStatement(em, { caseId: id, entries, may, read });

  entries.sort(
    (a, b) =>
      a.occurredAt.getTime() - b.occurredAt.getTime() ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.recordId.localeCompare(b.recordId),
  );

  const [leadPartner, leadOfficer, reviews] = await Promise.all([
    em.findOneOrFail(Case, id, { populate: ['leadPartner'] }).then((c) => c.leadPartner.name),
    found.leadOfficer ? em.findOne(User, found.leadOfficer.id) : Promise.resolve(null),
    em.find(StatementReview, { case: id }, { orderBy: { reviewedAt: 'asc', id: 'asc' } }),
  ]);
  const me = await em.findOne(User, viewer.userId, { populate: ['partner'] });

  // The same policy entries as Osara's own fields: free text, so withheld from analysts.
  const osaraPart = (field: keyof StatementOsara) => {
    if (!may('Osara', field)) return null;
    const text = found.osara?.[field] ?? null;
    if (text !== null) read('Osara', [field], id);
    return text;
  };
  const osara: StatementOsara = {
    objective: osaraPart('objective'),
    scanning: osaraPart('scanning'),
    analysis: osaraPart('analysis'),
    response: osaraPart('response'),
    assessment: osaraPart('assessment'),
  };

  const demand = await statementDemand(em, id, may);

  return {
    caseId: id,
    caseReference: found.reference,
    caseTitle: found.title,
    leadPartner,
    leadOfficer: leadOfficer?.displayName ?? null,
    generatedAt: clock.now(),
    preparedFor: me
      ? `${me.displayName}, ${me.partner.name} (${labelOf(viewer.role)})`
      : viewer.displayName,
    osara,
    entries,
    amendments,
    withheld: [...withheld].sort(),
    reviews,
    demand,
  };
}
