import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import {
  optionalText,
  requireDistinct,
  requireId,
  requireLocalDate,
  requirePast,
  requireText,
} from '../common/validate';
import { badInput, conflict, HubError, notFound } from '../errors';
import { HubEventKind } from '../notifications/hub-event-kind.enum';
import { recordEvent } from '../notifications/record-event';
import { SharingBasis } from '../sharing/sharing-basis.entity';
import { isLive } from '../sharing/sharing-basis.loaders';
import { Role } from '../users/role.enum';
import { resolveLocation } from '../locations/location.service';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { strongIdentifiers } from '../people/person-identifiers';
import { matchNewPerson } from '../people/person-matching.service';
import { User } from '../users/user.entity';
import { caseForWrite } from './case-access';
import type { AddPartnerToCaseInput, AddPersonToCaseInput, OpenCaseInput } from './case.input';
import { CasePartner } from './case-partner.entity';
import { CasePerson } from './case-person.entity';
import { Case } from './case.entity';

/** Opens a case led by the viewer's partner, which takes part in it from the start. */
export async function openCase(
  em: EntityManager,
  viewer: Viewer,
  input: OpenCaseInput,
): Promise<Case> {
  const openedAt = requirePast(input.openedAt ?? clock.now(), 'openedAt');
  const title = requireText(input.title, 'title', 200);
  const partnerIds = requireDistinct(
    input.partnerIds.map((id) => requireId(id, 'partner')).filter((id) => id !== viewer.partnerId),
    'partnerIds',
  );
  const partners = await em.find(Partner, { id: { $in: partnerIds } });
  const missing = partnerIds.find((id) => !partners.some((partner) => partner.id === id));
  if (missing) throw notFound('partner', missing);

  const leadOfficerId = requireId(input.leadOfficerId ?? viewer.userId, 'lead officer');
  const leadOfficer = await em.findOne(User, {
    id: leadOfficerId,
    partner: viewer.partnerId,
    active: true,
  });
  if (!leadOfficer)
    throw badInput('The lead officer must be an active member of your partner', 'leadOfficerId');

  const location = await resolveLocation(em, viewer, input.locationId, input.newLocation);
  const objectiveTargetDate = input.objectiveTargetDate
    ? requireLocalDate(input.objectiveTargetDate, 'objectiveTargetDate')
    : null;

  const created = em.create(Case, {
    reference: await nextReference(em, openedAt),
    title,
    summary: optionalText(input.summary, 'summary'),
    centredOn: input.centredOn,
    riskLevel: input.riskLevel,
    openedAt,
    location,
    leadPartner: em.getReference(Partner, viewer.partnerId),
    leadOfficer,
  });
  created.osara.objective = optionalText(input.objective, 'objective');
  created.osara.objectiveTargetDate = objectiveTargetDate;
  for (const partnerId of [viewer.partnerId, ...partnerIds]) {
    em.create(CasePartner, { case: created, partner: em.getReference(Partner, partnerId) });
  }
  await em.flush();
  return created;
}

/**
 * ASB-<year>-<4 digits>, numbered per year; the advisory lock keeps two openings from sharing one.
 * Both statements go through `em.execute`, so they run in the opening's own transaction: the lock
 * is then held until it commits (on a pooled connection of its own it would be released at once).
 */
async function nextReference(em: EntityManager, openedAt: Date): Promise<string> {
  const year = openedAt.getUTCFullYear();
  await em.execute("select pg_advisory_xact_lock(hashtext('asb_case.reference'))");
  const [row] = await em.execute<{ n: number }[]>(
    `select coalesce(max(substring(reference from '^ASB-\\d{4}-(\\d+)$')::int), 0) + 1 as n
         from asb_case where reference like ?`,
    [`ASB-${year}-%`],
  );
  return `ASB-${year}-${String(row.n).padStart(4, '0')}`;
}

/**
 * Brings a partner into a case. Only the lead partner's casework staff, or a supervisor of a
 * partner on the case, may: a partner on the case cannot widen it by itself. Joining releases no
 * basis-gated field: each partner releasing such fields on the case by a sharing basis is told
 * (SHARING_REVIEW_NEEDED) and decides whether to record a basis naming the newcomer.
 */
export async function addPartnerToCase(
  em: EntityManager,
  viewer: Viewer,
  input: AddPartnerToCaseInput,
) {
  const found = await caseForWrite(em, viewer, input.caseId);
  if (found.leadPartner.id !== viewer.partnerId && viewer.role !== Role.SUPERVISOR) {
    throw new HubError(
      'FORBIDDEN',
      'Only the lead partner, or a supervisor of a partner on the case, may bring in another partner',
      { field: 'Mutation.addPartnerToCase' },
    );
  }
  const partner = await em.findOne(Partner, { id: requireId(input.partnerId, 'partner') });
  if (!partner) throw notFound('partner', input.partnerId);
  if (await em.count(CasePartner, { case: found, partner })) {
    throw conflict(`${partner.name} already takes part in case ${found.reference}`);
  }
  em.create(CasePartner, { case: found, partner });
  const now = clock.now();
  const bases = (await em.find(SharingBasis, { case: found }, { orderBy: { id: 'asc' } })).filter(
    (basis) => isLive(basis, now) && basis.ownerPartner.id !== partner.id,
  );
  for (const ownerId of [...new Set(bases.map((basis) => basis.ownerPartner.id))]) {
    recordEvent(em, {
      kind: HubEventKind.SHARING_REVIEW_NEEDED,
      caseId: found.id,
      summary: `${partner.name} joined case ${found.reference}. Your sharing bases on this case do not name it: decide whether to record one that does.`,
      subjectIds: {
        partnerId: partner.id,
        sharingBasisIds: bases
          .filter((basis) => basis.ownerPartner.id === ownerId)
          .map((basis) => basis.id),
      },
      audiencePartnerId: ownerId,
    });
  }
  await em.flush();
  return found;
}

export async function addPersonToCase(
  em: EntityManager,
  viewer: Viewer,
  input: AddPersonToCaseInput,
  personVisible: (id: string) => Promise<boolean>,
) {
  const found = await caseForWrite(em, viewer, input.caseId);
  if (Boolean(input.personId) === Boolean(input.newPerson)) {
    throw badInput('Give exactly one of personId or newPerson', 'personId');
  }
  let person: Person;
  if (input.personId) {
    const id = requireId(input.personId, 'person');
    // Only someone already visible to the writer can be added by id: ids cannot be probed.
    const existing = (await personVisible(id)) ? await em.findOne(Person, { id }) : null;
    if (!existing) throw notFound('person', input.personId);
    person = existing;
    if (await em.count(CasePerson, { case: found, person })) {
      throw conflict(`This person is already in case ${found.reference}`);
    }
  } else {
    const details = input.newPerson!;
    const identifiers = strongIdentifiers(details, 'newPerson');
    person = em.create(Person, {
      nhsNumber: identifiers.nhsNumber,
      pncId: identifiers.pncId,
      givenName: requireText(details.givenName, 'newPerson.givenName', 100),
      familyName: requireText(details.familyName, 'newPerson.familyName', 100),
      dateOfBirth: details.dateOfBirth ? requireBirthDate(details.dateOfBirth) : null,
      correspondenceLanguage: details.correspondenceLanguage ?? null,
    });
    // One person across partners: link or put to review in this same transaction.
    await matchNewPerson(em, viewer, person, identifiers);
  }
  const casePerson = em.create(CasePerson, {
    case: found,
    person,
    role: input.role,
    vulnerabilities: [...new Set(input.vulnerabilities)],
    addedByPartner: em.getReference(Partner, viewer.partnerId),
  });
  await em.flush();
  return casePerson;
}

function requireBirthDate(value: string) {
  const date = requireLocalDate(value, 'newPerson.dateOfBirth');
  requirePast(new Date(`${date}T00:00:00Z`), 'newPerson.dateOfBirth');
  return date;
}
