import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { evaluateCaseReviewRoutes } from '../case-reviews/case-review-routes';
import { caseForWrite } from '../cases/case-access';
import { CaseIncident } from '../cases/case-incident.entity';
import { CasePerson } from '../cases/case-person.entity';
import type { Case } from '../cases/case.entity';
import {
  optionalText,
  requireDistinct,
  requireId,
  requirePast,
  requireText,
} from '../common/validate';
import type { HubConfig } from '../config';
import { lockDecision } from '../db/locks';
import { badInput, conflict, HubError, notFound } from '../errors';
import { requireRows } from '../permissions/row-access';
import type { Location } from '../locations/location.entity';
import { flagPossibleBreaches } from '../interventions/possible-breach.service';
import { resolveLocation } from '../locations/location.service';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import type { RecordIncidentInput } from './incident.input';
import { IncidentPerson } from './incident-person.entity';
import { IncidentReport } from './incident-report.entity';
import { Incident } from './incident.entity';

export interface RecordedIncident {
  incident: Incident;
  attachedToExistingIncident: boolean;
}

/**
 * Records an incident as the viewer's partner received it. The same episode reported to a second
 * partner becomes a second report on one incident, so it counts once towards the case review
 * threshold (domain brief: "the same episode reported to several partners counts once").
 */
export async function recordIncident(
  em: EntityManager,
  viewer: Viewer,
  input: RecordIncidentInput,
  config: Pick<HubConfig, 'episodeMatchMinutes'>,
): Promise<RecordedIncident> {
  const found = await caseForWrite(em, viewer, input.caseId);
  // Same-episode matching reads the case's incidents, then inserts one: two partners reporting
  // the episode at once would each find none. No row exists yet to lock, so an advisory lock on
  // the case serialises its recordings; the case review routes evaluated below run under it too.
  await lockDecision(em, 'case-incidents', found.id);
  const occurredAt = requirePast(input.occurredAt, 'occurredAt');
  const reportedAt = requirePast(input.reportedAt ?? clock.now(), 'reportedAt');
  if (reportedAt < occurredAt) throw badInput('reportedAt is before occurredAt', 'reportedAt');
  const description = requireText(input.description, 'description');
  const sourceReference = optionalText(input.sourceReference, 'sourceReference', 100);
  const people = await peopleInCase(
    em,
    viewer,
    found,
    input.people.map((p) => p.personId),
  );
  // A client retrying after a timeout sends the same report again: the partner's own reference
  // recognises it, and the retry is answered the first result (a unique index is the backstop).
  if (sourceReference) {
    await lockDecision(em, 'source-reference', `${viewer.partnerId}:${sourceReference}`);
    const first = await reportAlreadyRecorded(em, found, viewer, sourceReference);
    if (first) return first;
  }
  const location = await resolveLocation(em, viewer, input.locationId, input.newLocation);

  const existing = input.sameEpisodeAsIncidentId
    ? await namedEpisode(em, found, input.sameEpisodeAsIncidentId)
    : await matchingEpisode(
        em,
        found,
        { occurredAt, location, category: input.category },
        viewer,
        config,
      );
  if (
    existing &&
    (await em.count(IncidentReport, { incident: existing, partner: viewer.partnerId }))
  ) {
    throw conflict('Your partner has already reported this incident');
  }

  const incident =
    existing ??
    em.create(Incident, {
      occurredAt,
      category: input.category,
      description,
      location,
      hateIncident: input.hateIncident ?? false,
      recordedByPartner: em.getReference(Partner, viewer.partnerId),
      areaCode: location?.lsoaCode ?? null,
    });
  // Hate incidents are recorded on perception: any partner's report perceiving hostility marks it.
  if (existing && input.hateIncident) existing.hateIncident = true;
  if (!existing) em.create(CaseIncident, { case: found, incident });
  em.create(IncidentReport, {
    incident,
    partner: em.getReference(Partner, viewer.partnerId),
    reportedAt,
    sourceReference,
    recordedBy: em.getReference(User, viewer.userId),
  });
  const alreadyInvolved = existing
    ? new Set((await em.find(IncidentPerson, { incident: existing })).map((row) => row.person.id))
    : new Set<string>();
  input.people.forEach((entry, i) => {
    if (!alreadyInvolved.has(people[i].id)) {
      em.create(IncidentPerson, { incident, person: people[i], role: entry.role });
    }
  });
  await em.flush();

  // ASB case review: re-evaluate the victim, location and hate incident routes for this case.
  await evaluateCaseReviewRoutes(em, incident, { caseId: found.id, recordedBy: viewer });
  // A warning follows the person: flag the case that issued a CPW or CPN in force (issue 3).
  await flagPossibleBreaches(em, incident, found, viewer);

  return { incident, attachedToExistingIncident: Boolean(existing) };
}

/**
 * The partner's earlier report under the same source reference, answered as it was the first time.
 * On another case it is not a retry but a reference used twice: refused, nothing written.
 */
async function reportAlreadyRecorded(
  em: EntityManager,
  found: Case,
  viewer: Viewer,
  sourceReference: string,
): Promise<RecordedIncident | null> {
  const report = await em.findOne(
    IncidentReport,
    { partner: viewer.partnerId, sourceReference },
    { populate: ['incident'] },
  );
  if (!report) return null;
  if (!(await em.count(CaseIncident, { case: found, incident: report.incident }))) {
    throw new HubError(
      'SOURCE_REFERENCE_REUSED',
      `Your partner already recorded a report with source reference ${sourceReference} on another case; a reference names one report`,
      { field: 'sourceReference' },
    );
  }
  // The report created its incident exactly when this partner recorded the incident itself.
  const attachedToExistingIncident = report.incident.recordedByPartner?.id !== viewer.partnerId;
  return { incident: report.incident, attachedToExistingIncident };
}

/**
 * The people named must already be in the case: incidents do not bring strangers into view. Someone
 * the viewer cannot reach at all is as missing as a random id (NOT_FOUND); someone it reaches
 * through another of its cases is a mistake it can correct (BAD_USER_INPUT).
 */
export async function peopleInCase(
  em: EntityManager,
  viewer: Viewer,
  found: Case,
  personIds: string[],
): Promise<Person[]> {
  if (personIds.length === 0) return [];
  const ids = requireDistinct(await requireRows({ em, viewer }, 'person', personIds), 'people');
  const members = await em.find(CasePerson, { case: found, person: { $in: ids } });
  const inCase = new Set(members.map((row) => row.person.id));
  const outsider = ids.find((id) => !inCase.has(id));
  if (outsider)
    throw badInput(
      `Person ${outsider} is not in case ${found.reference}; add them to the case first`,
      'people',
    );
  return ids.map((id) => em.getReference(Person, id));
}

async function namedEpisode(em: EntityManager, found: Case, incidentId: string) {
  const link = await em.findOne(
    CaseIncident,
    { case: found, incident: requireId(incidentId, 'incident') },
    { populate: ['incident'] },
  );
  if (!link) throw notFound('incident on this case', incidentId);
  return link.incident;
}

/** An incident on the case at the same place, of the same category, close in time, that this partner has not reported. */
async function matchingEpisode(
  em: EntityManager,
  found: Case,
  candidate: { occurredAt: Date; location: Location | null; category: Incident['category'] },
  viewer: Viewer,
  config: Pick<HubConfig, 'episodeMatchMinutes'>,
): Promise<Incident | null> {
  if (!candidate.location || config.episodeMatchMinutes === 0) return null;
  const window = config.episodeMatchMinutes * 60 * 1000;
  const links = await em.find(
    CaseIncident,
    {
      case: found,
      incident: {
        location: candidate.location,
        category: candidate.category,
        occurredAt: {
          $gte: new Date(candidate.occurredAt.getTime() - window),
          $lte: new Date(candidate.occurredAt.getTime() + window),
        },
      },
    },
    { populate: ['incident'], orderBy: { incident: { occurredAt: 'asc' } } },
  );
  for (const link of links) {
    if (!(await em.count(IncidentReport, { incident: link.incident, partner: viewer.partnerId }))) {
      return link.incident;
    }
  }
  return null;
}
