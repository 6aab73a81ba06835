import { clock } from '../../src/common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { signDemoToken } from '../../src/auth/demo-token';
import { CaseCentre, RiskLevel } from '../../src/cases/case-enums';
import { CaseIncident } from '../../src/cases/case-incident.entity';
import { CasePartner } from '../../src/cases/case-partner.entity';
import { CasePerson } from '../../src/cases/case-person.entity';
import { Case } from '../../src/cases/case.entity';
import { IncidentCategory } from '../../src/incidents/incident-category.enum';
import { IncidentReport } from '../../src/incidents/incident-report.entity';
import { Incident } from '../../src/incidents/incident.entity';
import { LocationKind } from '../../src/locations/location-kind.enum';
import { Location } from '../../src/locations/location.entity';
import { PartnerKind } from '../../src/partners/partner-kind.enum';
import { Partner } from '../../src/partners/partner.entity';
import { PersonRole } from '../../src/people/person-role.enum';
import { Person } from '../../src/people/person.entity';
import { Role } from '../../src/users/role.enum';
import { User } from '../../src/users/user.entity';

/*
 * Factories build any record with its parents, each with fresh names, so no test depends on
 * another test's rows (or on the demo story, unless it says so).
 */

const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

export interface Member {
  user: User;
  partner: Partner;
  token: string;
}

export async function makePartner(em: EntityManager, kind: PartnerKind, name = unique(kind)) {
  const partner = em.create(Partner, { name, kind });
  await em.flush();
  return partner;
}

export async function makeMember(
  em: EntityManager,
  partner: Partner,
  role: Role = Role.PRACTITIONER,
): Promise<Member> {
  const user = em.create(User, {
    username: unique(role.toLowerCase()).replace(' ', '.'),
    displayName: unique('Officer'),
    partner,
    role,
  });
  await em.flush();
  const token = await signDemoToken({ username: user.username, role, partnerId: partner.id });
  return { user, partner, token };
}

export async function makePerson(em: EntityManager, fields: Partial<Person> = {}) {
  const person = em.create(Person, {
    givenName: unique('Given'),
    familyName: unique('Family'),
    dateOfBirth: '1990-01-01',
    ...fields,
  });
  await em.flush();
  return person;
}

export async function makeLocation(em: EntityManager) {
  const location = em.create(Location, {
    kind: LocationKind.ADDRESS,
    description: unique('1 Test Street'),
  });
  await em.flush();
  return location;
}

/** A case led by `lead`, with `others` taking part and `people` in it. */
export async function makeCase(
  em: EntityManager,
  lead: Member,
  options: { others?: Partner[]; people?: [Person, PersonRole][]; location?: Location } = {},
) {
  const created = em.create(Case, {
    reference: unique('TEST').replace(' ', '-'),
    title: unique('Test case'),
    centredOn: CaseCentre.VICTIM,
    riskLevel: RiskLevel.STANDARD,
    openedAt: new Date(clock.nowMs() - 30 * 24 * 3600 * 1000),
    leadPartner: lead.partner,
    leadOfficer: lead.user,
    location: options.location ?? null,
  });
  for (const partner of [lead.partner, ...(options.others ?? [])])
    em.create(CasePartner, { case: created, partner });
  for (const [person, role] of options.people ?? [])
    em.create(CasePerson, { case: created, person, role });
  await em.flush();
  return created;
}

/** An incident on a case, reported to `partner` a few minutes after it happened. */
export async function makeIncident(
  em: EntityManager,
  onCase: Case,
  partner: Partner,
  occurredAt: Date,
  location?: Location,
) {
  const incident = em.create(Incident, {
    occurredAt,
    category: IncidentCategory.NUISANCE,
    description: unique('Noise'),
    location: location ?? null,
    recordedByPartner: partner,
    areaCode: location?.lsoaCode ?? null,
  });
  em.create(CaseIncident, { case: onCase, incident });
  em.create(IncidentReport, {
    incident,
    partner,
    reportedAt: new Date(occurredAt.getTime() + 10 * 60 * 1000),
  });
  await em.flush();
  return incident;
}

export { PartnerKind, PersonRole, Role };

/** A new partner of `kind` with one member in `role`: a signed-in officer of their own agency. */
export async function makePartnerMember(
  em: EntityManager,
  kind: PartnerKind,
  role: Role = Role.PRACTITIONER,
): Promise<Member> {
  return makeMember(em, await makePartner(em, kind), role);
}

/** An incident on a case whose first report, to `partner`, came at `reportedAt` (late if you like). */
export async function makeIncidentReportedAt(
  em: EntityManager,
  onCase: Case,
  partner: Partner,
  occurredAt: Date,
  reportedAt: Date,
) {
  const incident = em.create(Incident, {
    occurredAt,
    category: IncidentCategory.NUISANCE,
    description: unique('Noise'),
    location: null,
    recordedByPartner: em.getReference(Partner, partner.id),
  });
  em.create(CaseIncident, { case: em.getReference(Case, onCase.id), incident });
  em.create(IncidentReport, {
    incident,
    partner: em.getReference(Partner, partner.id),
    reportedAt,
  });
  await em.flush();
  return incident;
}

/** Another partner's report of an incident already recorded: one episode, told twice. */
export async function addIncidentReport(
  em: EntityManager,
  incident: Incident,
  partner: Partner,
  reportedAt: Date,
) {
  const report = em.create(IncidentReport, {
    incident: em.getReference(Incident, incident.id),
    partner: em.getReference(Partner, partner.id),
    reportedAt,
  });
  await em.flush();
  return report;
}

/** A fresh description, so a test can find (and count) exactly the place or person it made. */
export { unique };
