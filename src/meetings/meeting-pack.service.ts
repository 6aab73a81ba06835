import { clock } from '../common/clock';
import { labelOf } from '../common/labels';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActionStatus } from '../actions/action-enums';
import { Action } from '../actions/action.entity';
import { isOverdue } from '../actions/action.rules';
import { londonDay } from '../area-configuration/working-days';
import type { Viewer } from '../auth/viewer';
import { CaseReviewApplication } from '../case-reviews/case-review-application.entity';
import { CaseReviewDecision } from '../case-reviews/case-review-decision.entity';
import { CaseIncident } from '../cases/case-incident.entity';
import { CasePartner } from '../cases/case-partner.entity';
import { CasePerson } from '../cases/case-person.entity';
import type { Case } from '../cases/case.entity';
import { CaseCentre } from '../cases/case-enums';
import { requireId } from '../common/validate';
import { ukDate } from '../documents/html';
import { placeMapSvg, type MapMarker } from '../documents/svg-map';
import { badInput, HubError } from '../errors';
import { IncidentReport } from '../incidents/incident-report.entity';
import { InterventionBreach } from '../interventions/intervention-breach.entity';
import { Intervention } from '../interventions/intervention.entity';
import { JointVisitAttendee } from '../joint-visits/joint-visit-attendee.entity';
import { JointVisit } from '../joint-visits/joint-visit.entity';
import { Location } from '../locations/location.entity';
import { DrugAlcoholRecord } from '../partner-records/drug-alcohol-record.entity';
import { HousingRecord } from '../partner-records/housing-record.entity';
import { MentalHealthRecord } from '../partner-records/mental-health-record.entity';
import type { PartnerRecordBase } from '../partner-records/partner-record.base';
import { PoliceRecord } from '../partner-records/police-record.entity';
import { Partner } from '../partners/partner.entity';
import type { LiveBasis } from '../permissions/decide';
import { SupportOffer } from '../support/support-offer.entity';
import { Meeting, MeetingAgendaItem, MeetingPartner } from './meeting.entity';
import {
  type MeetingPack,
  MeetingPackAudience,
  type MeetingPackChart,
  type MeetingPackEntry,
  MeetingPackEntryKind,
  type MeetingPackItem,
  type MeetingPackPartnerActions,
  type MeetingPackPerson,
  type MeetingPackRecord,
  type WithheldSection,
} from './meeting-pack.type';
import { visibleMeeting } from './meeting.service';
import { PackAudience } from './pack-audience';

const DAY = 24 * 60 * 60 * 1000;
/** The charts cover the 26 weeks (about six months) before the pack is made. */
export const CHART_WEEKS = 26;

/**
 * The partner records a pack shows for each person, and the fields of each in the order the pack
 * lists them. Whether each one appears is the sharing policy's answer for the audience.
 */
const RECORD_FIELDS = [
  {
    type: 'PoliceRecord',
    entity: PoliceRecord,
    list: 'Person.policeRecords',
    fields: [
      'warningsSummary',
      'warningMarkers',
      'nominalReference',
      'pncReference',
      'intelligence',
    ],
  },
  {
    type: 'HousingRecord',
    entity: HousingRecord,
    list: 'Person.housingRecords',
    fields: [
      'tenancyReference',
      'tenancyType',
      'tenancyStartDate',
      'tenancyConditions',
      'tenancyBreaches',
      'officerNotes',
    ],
  },
  {
    type: 'MentalHealthRecord',
    entity: MentalHealthRecord,
    list: 'Person.mentalHealthRecords',
    fields: ['knownToServices', 'careContact', 'riskSummary', 'clinicalNotes'],
  },
  {
    type: 'DrugAlcoholRecord',
    entity: DrugAlcoholRecord,
    list: 'Person.drugAlcoholRecords',
    fields: ['engagedInTreatment', 'keyWorkerContact', 'treatmentDetail'],
  },
] as const;

export interface PackRequest {
  meetingId: string;
  audience: MeetingPackAudience;
  partnerId?: string | null;
}

/**
 * A meeting's pack for one audience. Only members of an attending partner may ask (anyone else
 * gets NOT_FOUND, as for a missing meeting); a partner pack only for their own partner.
 */
export async function meetingPack(
  em: EntityManager,
  viewer: Viewer,
  request: PackRequest,
  liveBases: (personId: string) => Promise<LiveBasis[]>,
  now = clock.now(),
): Promise<MeetingPack> {
  const meeting = await visibleMeeting(em, viewer, request.meetingId);
  const attending = (
    await em.find(MeetingPartner, { meeting }, { populate: ['partner'], orderBy: { id: 'asc' } })
  ).map((row) => row.partner);
  let partners: Partner[];
  if (request.audience === MeetingPackAudience.PARTNER) {
    if (!request.partnerId) {
      throw badInput('A partner pack names the partner (partnerId)', 'partnerId');
    }
    if (requireId(request.partnerId, 'partner') !== viewer.partnerId) {
      throw new HubError(
        'PACK_FOR_OWN_PARTNER_ONLY',
        'A partner pack is only for your own partner; ask for the whole-meeting pack instead',
        { field: 'partnerId' },
      );
    }
    partners = attending.filter((partner) => partner.id === viewer.partnerId);
  } else {
    if (request.partnerId) {
      throw badInput('partnerId is only for a PARTNER pack', 'partnerId');
    }
    partners = attending.sort((a, b) => a.name.localeCompare(b.name));
  }
  const audience = new PackAudience(partners, viewer, liveBases);
  const agenda = await em.find(
    MeetingAgendaItem,
    { meeting },
    { populate: ['case'], orderBy: { position: 'asc' } },
  );
  const data = await loadPackData(
    em,
    meeting,
    agenda.map((item) => item.case),
  );
  const items: MeetingPackItem[] = [];
  for (const item of agenda) {
    items.push(await packItem(item.position, item.case, audience, data, now));
  }
  return {
    meetingId: meeting.id,
    heldAt: meeting.heldAt,
    audience: request.audience,
    audiencePartners: partners,
    generatedAt: now,
    items,
    withheld: items.flatMap((item) => item.withheld),
  };
}

type PackData = Awaited<ReturnType<typeof loadPackData>>;

const groupBy = <T>(rows: T[], key: (row: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return (id: string) => groups.get(id) ?? [];
};

/** Everything the agenda's cases need, a batch of queries for all of them at once. */
async function loadPackData(em: EntityManager, meeting: Meeting, cases: Case[]) {
  const caseIds = cases.map((c) => c.id);
  const [casePartners, caseIncidents, visits, offers, interventions, applications, decisions] =
    await Promise.all([
      em.find(CasePartner, { case: { $in: caseIds } }),
      em.find(CaseIncident, { case: { $in: caseIds } }, { populate: ['incident'] }),
      em.find(JointVisit, { case: { $in: caseIds } }, { orderBy: { visitedAt: 'asc' } }),
      em.find(SupportOffer, { case: { $in: caseIds } }, { populate: ['offeredBy'] }),
      em.find(Intervention, { case: { $in: caseIds } }),
      em.find(
        CaseReviewApplication,
        { case: { $in: caseIds } },
        { orderBy: { appliedAt: 'desc', id: 'asc' } },
      ),
      em.find(
        CaseReviewDecision,
        { case: { $in: caseIds } },
        { orderBy: { decidedAt: 'desc', id: 'asc' } },
      ),
    ]);
  // The case's place and its incidents' locations, for the map of a place-centred case.
  const locationIds = [
    ...cases.map((c) => c.location?.id),
    ...caseIncidents.map((row) => row.incident.location?.id),
  ].filter((id): id is string => !!id);
  const [actions, people, reports, attendees, breaches, earlier, locations] = await Promise.all([
    em.find(
      Action,
      { case: { $in: caseIds }, status: ActionStatus.OPEN },
      { populate: ['assignedPartner'], orderBy: { dueDate: 'asc', createdAt: 'asc', id: 'asc' } },
    ),
    em.find(
      CasePerson,
      { case: { $in: caseIds } },
      { populate: ['person'], orderBy: { addedAt: 'asc', id: 'asc' } },
    ),
    em.find(
      IncidentReport,
      { incident: { $in: caseIncidents.map((row) => row.incident.id) } },
      { populate: ['partner'], orderBy: { reportedAt: 'asc', id: 'asc' } },
    ),
    em.find(
      JointVisitAttendee,
      { visit: { $in: visits.map((visit) => visit.id) } },
      { populate: ['partner'] },
    ),
    em.find(
      InterventionBreach,
      { intervention: { $in: interventions.map((row) => row.id) } },
      { orderBy: { occurredAt: 'asc' } },
    ),
    // The last earlier meeting at which each case was discussed.
    em.getConnection().execute<{ case_id: string; held_at: Date }[]>(
      `select ai.case_id, max(m.held_at) as held_at
         from meeting_agenda_item ai join meeting m on m.id = ai.meeting_id
        where ai.case_id in (?) and m.held_at < ? and m.id <> ?
        group by ai.case_id`,
      [caseIds.length ? caseIds : [''], meeting.heldAt, meeting.id],
    ),
    em.find(Location, { id: { $in: [...new Set(locationIds)] } }),
  ]);
  const personIds = [...new Set(people.map((row) => row.person.id))];
  const records = await Promise.all(
    RECORD_FIELDS.map((spec) =>
      em.find(
        spec.entity as typeof PoliceRecord,
        { person: { $in: personIds } },
        { populate: ['ownerPartner'], orderBy: { updatedAt: 'desc', id: 'asc' } },
      ),
    ),
  );
  return {
    partnersOf: groupBy(casePartners, (row) => row.case.id),
    incidentsOf: groupBy(caseIncidents, (row) => row.case.id),
    visitsOf: groupBy(visits, (row) => row.case.id),
    offersOf: groupBy(offers, (row) => row.case.id),
    interventionsOf: groupBy(interventions, (row) => row.case.id),
    applicationsOf: groupBy(applications, (row) => row.case.id),
    decisionsOf: groupBy(decisions, (row) => row.case.id),
    actionsOf: groupBy(actions, (row) => row.case.id),
    peopleOf: groupBy(people, (row) => row.case.id),
    reportsOf: groupBy(reports, (row) => row.incident.id),
    attendeesOf: groupBy(attendees, (row) => row.visit.id),
    breachesOf: groupBy(breaches, (row) => row.intervention.id),
    locationOf: (id: string | undefined) => locations.find((location) => location.id === id),
    sinceOf: (caseId: string) => {
      const row = earlier.find((e) => e.case_id === caseId);
      return row ? new Date(row.held_at) : null;
    },
    recordsOf: RECORD_FIELDS.map((spec, i) => ({
      spec,
      of: groupBy(records[i] as PartnerRecordBase[], (row) => row.person.id),
    })),
  };
}

/** One agenda item: what the audience may all see of the case, and where the rest was. */
async function packItem(
  position: number,
  onCase: Case,
  audience: PackAudience,
  data: PackData,
  now: Date,
): Promise<MeetingPackItem> {
  const withheld: WithheldSection[] = [];
  const where = `item ${position}`;
  const on = new Set(data.partnersOf(onCase.id).map((row) => row.partner.id));
  const empty = {
    position,
    chronology: [],
    actionsByPartner: [],
    people: [],
    withheld,
  };
  // Row scoping first: a case is in the pack only if every partner in the audience takes part.
  if (!audience.viewers.every((viewer) => on.has(viewer.partnerId))) {
    withheld.push({
      section: where,
      reason:
        audience.partners.length === 1
          ? `${audience.partners[0].name} does not take part in this case`
          : 'Not every attending partner takes part in this case',
    });
    return empty;
  }
  /** The value if the audience may read `coordinate`, else null and a note of where it was. */
  const shown = async <T>(
    coordinate: string,
    value: T,
    section: string,
    ownership?: Parameters<PackAudience['may']>[1],
  ): Promise<T | null> => {
    if (await audience.may(coordinate, ownership)) return value;
    withheld.push({ section: `${where} ${section}`, reason: audience.reason(coordinate) });
    return null;
  };
  const since = data.sinceOf(onCase.id);
  const item: MeetingPackItem = {
    ...empty,
    caseId: await shown('Case.id', onCase.id, 'caseId'),
    reference: await shown('Case.reference', onCase.reference, 'reference'),
    title: await shown('Case.title', onCase.title, 'title'),
    summary: await shown('Case.summary', onCase.summary ?? null, 'summary'),
    status: await shown('Case.status', onCase.status, 'status'),
    riskLevel: await shown('Case.riskLevel', onCase.riskLevel, 'riskLevel'),
    osaraStage: await shown('Osara.stage', onCase.osara.stage, 'osaraStage'),
    chronologySince: since,
  };
  item.chronology = await chronology(onCase, since, data, shown);
  item.caseReview = await caseReview(onCase, data, shown);
  item.actionsByPartner = await actionsByPartner(onCase, data, shown);
  item.people = await people(onCase, data, audience, shown);
  item.chart = await shown('Incident.occurredAt', chart(onCase, data, now), 'chart');
  item.map = await placeMap(onCase, data, shown);
  return item;
}

type Shown = <T>(
  coordinate: string,
  value: T,
  section: string,
  ownership?: Parameters<PackAudience['may']>[1],
) => Promise<T | null>;

/** Incidents, joint visits, support and its answers, interventions and breaches since `since`. */
async function chronology(
  onCase: Case,
  since: Date | null,
  data: PackData,
  shown: Shown,
): Promise<MeetingPackEntry[]> {
  const after = (date: Date) => !since || date.getTime() > since.getTime();
  const entries: MeetingPackEntry[] = [];
  const base = { caseId: onCase.id, partner: null, deadline: null, answer: null, detail: null };
  if (await shown('Case.incidents', true, 'chronology incidents')) {
    const mayDescribe = await shown(
      'Incident.description',
      true,
      'chronology incident descriptions',
    );
    for (const { incident } of data.incidentsOf(onCase.id)) {
      if (!after(incident.occurredAt)) continue;
      entries.push({
        ...base,
        id: incident.id,
        occurredAt: incident.occurredAt,
        kind: MeetingPackEntryKind.INCIDENT,
        label: `${labelOf(incident.category)} incident${incident.hateIncident ? ' (hate incident)' : ''}`,
        partner: data.reportsOf(incident.id)[0]?.partner ?? null,
        detail: mayDescribe ? incident.description : null,
      });
    }
  }
  if (await shown('Case.jointVisits', true, 'chronology joint visits')) {
    const mayDescribe =
      (await shown('JointVisit.purpose', true, 'chronology joint visit purposes')) &&
      (await shown('JointVisit.outcome', true, 'chronology joint visit outcomes'));
    for (const visit of data.visitsOf(onCase.id)) {
      if (!after(visit.visitedAt)) continue;
      const partners = [...new Set(data.attendeesOf(visit.id).map((a) => a.partner.name))];
      entries.push({
        ...base,
        id: visit.id,
        occurredAt: visit.visitedAt,
        kind: MeetingPackEntryKind.JOINT_VISIT,
        label: `Joint visit${partners.length ? ` by ${partners.sort().join(', ')}` : ''}`,
        detail: mayDescribe ? `${visit.purpose}: ${visit.outcome}` : null,
      });
    }
  }
  if (await shown('Case.supportOffers', true, 'chronology support offered')) {
    const mayDescribe = await shown('SupportOffer.details', true, 'chronology support details');
    for (const offer of data.offersOf(onCase.id)) {
      if (!after(offer.offeredAt)) continue;
      entries.push({
        ...base,
        id: offer.id,
        occurredAt: offer.offeredAt,
        kind: MeetingPackEntryKind.SUPPORT_OFFER,
        label: `Support offered: ${labelOf(offer.kind)}`,
        partner: offer.offeredBy,
        answer: offer.response,
        detail: mayDescribe ? (offer.details ?? null) : null,
      });
    }
  }
  if (await shown('Case.interventions', true, 'chronology interventions')) {
    const mayDescribe = await shown('Intervention.terms', true, 'chronology intervention terms');
    const mayBreaches = await shown('Intervention.breaches', true, 'chronology breaches');
    const mayBreachDetail =
      mayBreaches && (await shown('InterventionBreach.details', true, 'chronology breach details'));
    for (const intervention of data.interventionsOf(onCase.id)) {
      if (after(intervention.issuedAt)) {
        entries.push({
          ...base,
          id: intervention.id,
          occurredAt: intervention.issuedAt,
          kind: MeetingPackEntryKind.INTERVENTION,
          label: `${labelOf(intervention.kind)} issued (${labelOf(intervention.status).toLowerCase()})`,
          deadline: intervention.complianceDate ?? null,
          detail: mayDescribe ? intervention.terms : null,
        });
      }
      if (!mayBreaches) continue;
      for (const breach of data.breachesOf(intervention.id)) {
        if (!after(breach.occurredAt)) continue;
        entries.push({
          ...base,
          id: breach.id,
          occurredAt: breach.occurredAt,
          kind: MeetingPackEntryKind.BREACH,
          label: `Breach of the ${labelOf(intervention.kind).toLowerCase()}`,
          detail: mayBreachDetail ? breach.details : null,
        });
      }
    }
  }
  return entries.sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id.localeCompare(b.id),
  );
}

async function caseReview(onCase: Case, data: PackData, shown: Shown) {
  const application = data.applicationsOf(onCase.id)[0];
  const decision = data.decisionsOf(onCase.id)[0];
  if (!application && !decision) return null;
  const step = !application
    ? null
    : application.closedAt
      ? 'CLOSED'
      : application.appealedAt
        ? 'APPEALED'
        : application.respondedAt
          ? 'RESPONDED'
          : application.meetingHeldAt
            ? 'MEETING_HELD'
            : application.decision
              ? 'DECIDED'
              : application.acknowledgedAt
                ? 'ACKNOWLEDGED'
                : 'APPLIED';
  return {
    applicationStep: await shown('CaseReviewApplication.closedAt', step, 'case review application'),
    appliedAt: await shown(
      'CaseReviewApplication.appliedAt',
      application?.appliedAt ?? null,
      'case review application',
    ),
    decisionOutcome: await shown(
      'CaseReviewDecision.outcome',
      decision?.outcome ?? null,
      'case review decision',
    ),
    thresholdMet: await shown(
      'CaseReviewDecision.thresholdMet',
      decision?.thresholdMet ?? null,
      'case review decision',
    ),
    decidedAt: await shown(
      'CaseReviewDecision.decidedAt',
      decision?.decidedAt ?? null,
      'case review decision',
    ),
  };
}

/** Open actions grouped by the partner they are assigned to; overdue ones counted apart. */
async function actionsByPartner(
  onCase: Case,
  data: PackData,
  shown: Shown,
): Promise<MeetingPackPartnerActions[]> {
  if (!(await shown('Case.actions', true, 'actions'))) return [];
  const mayTitle = await shown('Action.title', true, 'action titles');
  const today = londonDay(clock.now());
  const byPartner = new Map<string, MeetingPackPartnerActions>();
  for (const action of data.actionsOf(onCase.id)) {
    const partner = action.assignedPartner;
    const group = byPartner.get(partner.id) ?? {
      partner,
      outstanding: 0,
      overdue: 0,
      actions: [],
    };
    const overdue = isOverdue(action, today);
    group.outstanding += 1;
    if (overdue) group.overdue += 1;
    group.actions.push({
      title: mayTitle ? action.title : null,
      dueDate: action.dueDate,
      overdue,
      source: action.source,
      id: action.id,
      caseId: onCase.id,
    });
    byPartner.set(partner.id, group);
  }
  return [...byPartner.values()].sort((a, b) => a.partner.name.localeCompare(b.partner.name));
}

const asText = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? value.join(', ')
        : typeof value === 'object'
          ? null
          : String(value);

/**
 * The people in the case and their partner records, field by field. A record whose existence
 * some member of the audience may not know (a mental health record means "known to services")
 * is left out without a note, as the case view leaves it out of lists: a note would tell.
 */
async function people(
  onCase: Case,
  data: PackData,
  audience: PackAudience,
  shown: Shown,
): Promise<MeetingPackPerson[]> {
  if (!(await shown('Case.people', true, 'people'))) return [];
  const mayName =
    (await shown('Person.givenName', true, 'people names')) &&
    (await shown('Person.familyName', true, 'people names'));
  const result: MeetingPackPerson[] = [];
  for (const [index, row] of data.peopleOf(onCase.id).entries()) {
    const person = row.person;
    const at = `people[${index}]`;
    const records: MeetingPackRecord[] = [];
    for (const { spec, of } of data.recordsOf) {
      if (!(await audience.may(spec.list))) continue;
      for (const record of of(person.id)) {
        // Decided for this agenda item's case: a basis releases only on the case it names.
        const ownership = {
          ownerPartnerId: record.ownerPartner.id,
          personId: person.id,
          caseId: onCase.id,
        };
        if (!(await audience.mayKnowRecord(spec.type, ownership))) continue;
        const fields = [];
        for (const name of spec.fields) {
          const coordinate = `${spec.type}.${name}`;
          if (!(await audience.may(coordinate, ownership))) {
            await shown(coordinate, null, `${at} ${coordinate}`, ownership);
            continue;
          }
          fields.push({
            name,
            value: asText((record as unknown as Record<string, unknown>)[name]),
            recordId: record.id,
            personId: person.id,
            caseId: onCase.id,
          });
        }
        records.push({
          kind: spec.type,
          owner: record.ownerPartner,
          fields,
          id: record.id,
          personId: person.id,
          caseId: onCase.id,
        });
      }
    }
    result.push({
      role: row.role,
      name: mayName ? `${person.givenName} ${person.familyName}` : null,
      records,
      personId: person.id,
      caseId: onCase.id,
    });
  }
  return result;
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  hour: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Day of week (Monday 0) and hour in UK time. */
export function londonWeekdayHour(moment: Date): [number, number] {
  const parts = LONDON.formatToParts(moment);
  const weekday = WEEKDAYS.indexOf(parts.find((p) => p.type === 'weekday')!.value);
  const hour = Number(parts.find((p) => p.type === 'hour')!.value);
  return [weekday, hour];
}

/**
 * What the map shows, each of which every viewer in the audience must be able to read: where the
 * case is and where its incidents were, the coordinates of both, and the field itself (the printed
 * pack bypasses GraphQL's own check). One refused, and there is no map at all.
 */
const MAP_NEEDS = [
  'Case.location',
  'Location.latitude',
  'Location.longitude',
  'Case.incidents',
  'Incident.location',
  'MeetingPackItem.map',
];

/**
 * For a case centred on a place (premises, a park): a map of the place and of every incident on
 * the case that has coordinates. Null for a case centred on a person, when nothing has
 * coordinates, or when the audience may not see locations (then noted as withheld).
 */
async function placeMap(onCase: Case, data: PackData, shown: Shown): Promise<string | null> {
  if (onCase.centredOn !== CaseCentre.LOCATION) return null;
  for (const coordinate of MAP_NEEDS) {
    if (!(await shown(coordinate, true, 'map'))) return null;
  }
  const marker = (location: Location | undefined, title: string): MapMarker | null =>
    location && typeof location.latitude === 'number' && typeof location.longitude === 'number'
      ? { latitude: location.latitude, longitude: location.longitude, title }
      : null;
  const place = marker(data.locationOf(onCase.location?.id), 'The case\u2019s place');
  // Oldest first, so the latest are drawn on top.
  const incidents = [...data.incidentsOf(onCase.id)]
    .sort((a, b) => a.incident.occurredAt.getTime() - b.incident.occurredAt.getTime())
    .map(({ incident }) =>
      marker(
        data.locationOf(incident.location?.id),
        `${labelOf(incident.category)} incident, ${ukDate(incident.occurredAt)}`,
      ),
    );
  const mapped = incidents.filter((m): m is MapMarker => m !== null);
  return placeMapSvg({
    title: 'Map: the case\u2019s place and where its incidents happened',
    place,
    incidents: mapped,
    notMapped: incidents.length - mapped.length,
  });
}

/** Incidents per week over the last 26 weeks, and by day of week and hour over the same span. */
function chart(onCase: Case, data: PackData, now: Date): MeetingPackChart {
  const from = new Date(now.getTime() - CHART_WEEKS * 7 * DAY);
  const incidentsPerWeek = new Array<number>(CHART_WEEKS).fill(0);
  const dayOfWeekByHour = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const { incident } of data.incidentsOf(onCase.id)) {
    const at = incident.occurredAt.getTime();
    if (at < from.getTime() || at >= now.getTime()) continue;
    incidentsPerWeek[Math.floor((at - from.getTime()) / (7 * DAY))] += 1;
    const [weekday, hour] = londonWeekdayHour(incident.occurredAt);
    dayOfWeekByHour[weekday][hour] += 1;
  }
  return { from, to: now, incidentsPerWeek, dayOfWeekByHour };
}
