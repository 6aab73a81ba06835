import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { lockRow } from '../db/locks';
import { runStatement } from '../db/prepared';
import { conflict } from '../errors';
import { requireRow } from '../permissions/row-access';
import { User } from '../users/user.entity';
import { PersonLinkStatus } from './person-link-enums';
import { PersonLink } from './person-link.entity';
import { KNOWN_ELSEWHERE_SQL, MATCH_VISIBLE } from './person-matching.sql';

/** Matches in this status that a partner may know of (see MATCH_VISIBLE). */
export async function personMatchesFor(
  em: EntityManager,
  viewer: Viewer,
  status: PersonLinkStatus,
): Promise<PersonLink[]> {
  const rows = await runStatement<{ id: string }>(
    em,
    `select l.id from person_link l where l.status = ? and ${MATCH_VISIBLE('l')}`,
    [status, viewer.partnerId, viewer.partnerId],
  );
  if (!rows.length) return [];
  return em.find(
    PersonLink,
    { id: { $in: rows.map((row) => row.id) } },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
}

/** Which decision moves a match from which status (a reviewer decides each pair once). */
const DECISIONS = {
  confirm: { from: PersonLinkStatus.REVIEW, to: PersonLinkStatus.LINKED },
  reject: { from: PersonLinkStatus.REVIEW, to: PersonLinkStatus.REJECTED },
  unlink: { from: PersonLinkStatus.LINKED, to: PersonLinkStatus.UNLINKED },
} as const;

export type PersonMatchDecision = keyof typeof DECISIONS;

/**
 * A supervisor of an involved partner confirms or rejects a review item, or undoes a link
 * (two separate individuals again). The row lock makes two reviewers' decisions one after the
 * other; the audit records each (it is an UPDATE of the PersonLink row).
 */
export async function decidePersonMatch(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  decision: PersonMatchDecision,
): Promise<PersonLink> {
  const linkId = await requireRow({ em, viewer }, 'personMatch', id);
  await lockRow(em, 'person_link', linkId);
  const link = await em.findOneOrFail(PersonLink, linkId, { refresh: true });
  const { from, to } = DECISIONS[decision];
  if (link.status !== from) {
    throw conflict(
      `This match is ${link.status.toLowerCase()}: only a ${from.toLowerCase()} one can be decided so`,
    );
  }
  link.status = to;
  link.decidedBy = em.getReference(User, viewer.userId);
  link.decidedAt = clock.now();
  await em.flush();
  return link;
}

/**
 * "Known to another partner: ask the lead of case X", and only when that case's lead partner
 * allows it (Partner.revealsPersonMatches, off by default); otherwise nothing at all. Only
 * cases the viewer's partner does not take part in, holding either record of the pair. For a
 * batch of matches in one statement (the review list asks it of every row).
 */
export async function knownToAnotherPartner(
  em: EntityManager,
  viewer: Viewer,
  linkIds: readonly string[],
): Promise<{ id: string; sentence: string }[]> {
  const rows = await runStatement<{ id: string; reference: string }>(em, KNOWN_ELSEWHERE_SQL, [
    `{${linkIds.join(',')}}`,
    viewer.partnerId,
  ]);
  return rows.map((row) => ({
    id: row.id,
    sentence: `Known to another partner: ask the lead of case ${row.reference}`,
  }));
}
