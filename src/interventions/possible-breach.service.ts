import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { Case } from '../cases/case.entity';
import { IncidentPerson } from '../incidents/incident-person.entity';
import type { Incident } from '../incidents/incident.entity';
import { HubEventKind } from '../notifications/hub-event-kind.enum';
import { recordEvent } from '../notifications/record-event';
import { Partner } from '../partners/partner.entity';
import { PersonLink } from '../people/person-link.entity';
import { linkedRecords } from '../people/person-matching.service';
import { PersonRole } from '../people/person-role.enum';
import { IN_FORCE, InterventionKind } from './intervention-enums';
import { Intervention } from './intervention.entity';
import { dayOf } from './ladder.rules';
import { PossibleBreach } from './possible-breach.entity';

const KIND_LABEL: Partial<Record<InterventionKind, string>> = {
  [InterventionKind.COMMUNITY_PROTECTION_WARNING]: 'CPW',
  [InterventionKind.COMMUNITY_PROTECTION_NOTICE]: 'CPN',
};

/**
 * A warning follows the person, not the place: when an incident names as perpetrator someone
 * with a CPW or CPN in force, on any case, the case that issued it is told, even when the
 * recording partner cannot see that case. The flag and the outbox event carry references and
 * dates only (no names, no free text), and nothing about the issuing case is returned to the
 * recording partner. Runs inside recordIncident's transaction, after the incident is flushed.
 */
export async function flagPossibleBreaches(
  em: EntityManager,
  incident: Incident,
  recordedOn: Case,
  recordedBy: Viewer,
): Promise<PossibleBreach[]> {
  const perpetrators = await em.find(IncidentPerson, {
    incident,
    role: PersonRole.PERPETRATOR,
  });
  if (!perpetrators.length) return [];
  // One individual may be several linked records (docs/rules.md "One person across partners"):
  // a warning on any of them follows him, and the flag keeps the link it came through.
  const records = await linkedRecords(
    em,
    perpetrators.map((row) => row.person.id),
  );
  const viaLink = new Map<string, string | null>();
  // A perpetrator named himself (no link) wins over the same record reached through a link.
  for (const row of records)
    if (viaLink.get(row.personId) !== null) viaLink.set(row.personId, row.via);
  // Deliberately not row-scoped: the hub looks across every case so the issuing case hears of it.
  const inForce = await em.find(
    Intervention,
    {
      subject: { $in: [...viaLink.keys()] },
      kind: { $in: Object.keys(KIND_LABEL) as InterventionKind[] },
      status: { $in: [...IN_FORCE] },
      issuedAt: { $lte: incident.occurredAt },
    },
    { populate: ['case'], orderBy: { issuedAt: 'asc', id: 'asc' } },
  );
  if (!inForce.length) return [];
  const already = new Set(
    (
      await em.find(PossibleBreach, {
        incident,
        intervention: { $in: inForce.map((row) => row.id) },
      })
    ).map((row) => row.intervention.id),
  );
  const partner = await em.findOneOrFail(Partner, recordedBy.partnerId);
  const flags: PossibleBreach[] = [];
  for (const intervention of inForce) {
    if (already.has(intervention.id)) continue;
    const flag = em.create(PossibleBreach, {
      intervention,
      incident,
      recordedOnCase: recordedOn,
      recordedBy: partner,
      viaPersonLink: linkVia(em, viaLink.get(intervention.subject!.id)),
    });
    flags.push(flag);
    const label = KIND_LABEL[intervention.kind]!;
    recordEvent(em, {
      kind: HubEventKind.POSSIBLE_BREACH,
      caseId: intervention.case.id,
      summary:
        `Possible breach of the ${label} issued on ${dayOf(intervention.issuedAt)} on case ${intervention.case.reference}: ` +
        `an incident on ${dayOf(incident.occurredAt)} names its subject as perpetrator` +
        (flag.viaPersonLink ? ' (a record linked to him as the same individual); ' : '; ') +
        `recorded on case ${recordedOn.reference} by ${partner.name}.`,
      // Not the incident's id: it belongs to a case the issuing partners may not take part in.
      subjectIds: { interventionId: intervention.id, possibleBreachId: flag.id },
    });
  }
  await em.flush();
  return flags;
}

const linkVia = (em: EntityManager, id: string | null | undefined) =>
  id ? em.getReference(PersonLink, id) : null;
