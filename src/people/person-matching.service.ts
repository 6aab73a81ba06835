import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { lockDecision } from '../db/locks';
import { runStatement } from '../db/prepared';
import { Partner } from '../partners/partner.entity';
import type { StrongIdentifiers } from './person-identifiers';
import { PersonLinkMethod, PersonLinkStatus } from './person-link-enums';
import { PersonLink } from './person-link.entity';
import { type Comparison, matchWeight, outcomeOf } from './person-matching.rules';
import { CANDIDATES_SQL, CLUSTER_SQL, STRONG_MATCHES_SQL } from './person-matching.sql';
import { PersonReference } from './person-reference.entity';
import { Person } from './person.entity';

/** At most this many review items for one new record: the likeliest, not a flood. */
const MAX_REVIEWS = 5;

/**
 * Matches a person just recorded against everyone the hub holds, in the recording's own
 * transaction (docs/rules.md "One person across partners"): a strong identifier links at once;
 * otherwise the Fellegi–Sunter weight links, puts the pair to review, or does nothing. Writes
 * only links and review items, never anything the recording partner is shown: what it learns
 * is decided by the review list's policy.
 */
export async function matchNewPerson(
  em: EntityManager,
  viewer: Viewer,
  person: Person,
  ids: StrongIdentifiers,
): Promise<PersonLink[]> {
  const recordedBy = em.getReference(Partner, viewer.partnerId);
  if (ids.partnerReference) {
    em.create(PersonReference, { person, partner: recordedBy, reference: ids.partnerReference });
  }
  // Two processes recording the same man at once: the second waits here, then sees the first's
  // record and links to it, so one identifier never starts two clusters. Sorted: no deadlock.
  const keys = [
    ids.nhsNumber && `nhs:${ids.nhsNumber}`,
    ids.pncId && `pnc:${ids.pncId}`,
    ids.partnerReference && `ref:${viewer.partnerId}:${ids.partnerReference}`,
    `family:${person.familyName.trim().toLowerCase()}`,
  ]
    .filter((key): key is string => Boolean(key))
    .sort();
  for (const key of keys) await lockDecision(em, 'person-identity', key);
  await em.flush();

  const link = (
    matched: string,
    method: PersonLinkMethod,
    status: PersonLinkStatus,
    evidence: string,
    score: number | null,
  ) =>
    em.create(PersonLink, {
      person,
      matchedPerson: em.getReference(Person, matched),
      method,
      status,
      evidence,
      score,
      recordedBy,
    });

  const strong = await runStatement<{ id: string; evidence: string }>(em, STRONG_MATCHES_SQL, [
    ids.nhsNumber,
    ids.pncId,
    viewer.partnerId,
    ids.partnerReference,
    person.id,
  ]);
  if (strong.length) {
    // The earliest record is enough: it carries its cluster with it.
    const links = [
      link(
        strong[0].id,
        PersonLinkMethod.IDENTIFIER,
        PersonLinkStatus.LINKED,
        strong[0].evidence,
        null,
      ),
    ];
    await em.flush();
    return links;
  }

  const candidates = await runStatement<Comparison & { id: string }>(em, CANDIDATES_SQL, [
    person.familyName,
    person.givenName,
    person.dateOfBirth ?? null,
    ids.nhsNumber,
    ids.pncId,
    person.id,
  ]);
  const scored = candidates
    .map((candidate) => ({ id: candidate.id, score: matchWeight(candidate) }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  const links: PersonLink[] = [];
  if (best && outcomeOf(best.score) === 'LINK') {
    links.push(
      link(
        best.id,
        PersonLinkMethod.PROBABILISTIC,
        PersonLinkStatus.LINKED,
        'NAME_AND_BIRTH_DATE',
        best.score,
      ),
    );
  } else {
    for (const candidate of scored
      .filter((c) => outcomeOf(c.score) === 'REVIEW')
      .slice(0, MAX_REVIEWS)) {
      links.push(
        link(
          candidate.id,
          PersonLinkMethod.PROBABILISTIC,
          PersonLinkStatus.REVIEW,
          'NAME_AND_BIRTH_DATE',
          candidate.score,
        ),
      );
    }
  }
  await em.flush();
  return links;
}

/** For each given person, every record of the same individual (itself included, via null). */
export async function linkedRecords(
  em: EntityManager,
  personIds: readonly string[],
): Promise<{ origin: string; personId: string; via: string | null }[]> {
  if (!personIds.length) return [];
  return runStatement(em, CLUSTER_SQL, [`{${personIds.join(',')}}`]);
}
