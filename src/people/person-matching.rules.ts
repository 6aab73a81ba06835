/*
 * Probabilistic matching of person records: Fellegi–Sunter match weights, the model the ONS and
 * the Ministry of Justice use in Splink. Each comparison falls in one level; a level's weight is
 * log2(m / u), m the chance of that level among true matches, u among non-matches. The record
 * pair's weight is their sum (a missing value on either side weighs 0: no evidence either way).
 * m and u below are a priori values of the kind Splink starts from before training; an area
 * with enough confirmed reviews could estimate them instead. See docs/rules.md
 * "One person across partners".
 */

/** A comparison level: how often true matches (m) and non-matches (u) fall in it. */
interface Level {
  m: number;
  u: number;
}

const weight = ({ m, u }: Level) => Math.log2(m / u);

/** Family name: exact, close (Levenshtein ≤ 1, or the same double metaphone and trigram similarity ≥ 0.3), or different. */
const FAMILY = {
  exact: { m: 0.88, u: 0.001 },
  close: { m: 0.08, u: 0.01 },
  different: { m: 0.04, u: 0.989 },
};

/** Given name: exact, close (trigram similarity ≥ 0.5 or same double metaphone), or different. */
const GIVEN = {
  exact: { m: 0.85, u: 0.005 },
  close: { m: 0.1, u: 0.02 },
  different: { m: 0.05, u: 0.975 },
};

/** Date of birth: exact, one typing slip (Levenshtein 1, or day and month swapped), different. */
const BIRTH = {
  exact: { m: 0.9, u: 0.0003 },
  close: { m: 0.07, u: 0.003 },
  different: { m: 0.03, u: 0.9967 },
};

/** At or above: the two records are linked at once (both names and the date of birth agree). */
export const LINK_THRESHOLD = 25;
/** At or above, below LINK_THRESHOLD: a match review item (e.g. the same name, no birth date). */
export const REVIEW_THRESHOLD = 14;

/** What SQL measured between the new record and one candidate (see person-matching.sql.ts). */
export interface Comparison {
  familyExact: boolean;
  familyClose: boolean;
  givenExact: boolean;
  givenClose: boolean;
  /** null when either record has no date of birth. */
  birthExact: boolean | null;
  birthClose: boolean | null;
}

const level = <T extends { exact: Level; close: Level; different: Level }>(
  levels: T,
  exact: boolean,
  close: boolean,
) => weight(exact ? levels.exact : close ? levels.close : levels.different);

/** The pair's match weight: log2 of the likelihood ratio "same person" against "not". */
export function matchWeight(c: Comparison): number {
  const birth = c.birthExact === null ? 0 : level(BIRTH, c.birthExact, Boolean(c.birthClose));
  return (
    level(FAMILY, c.familyExact, c.familyClose) + level(GIVEN, c.givenExact, c.givenClose) + birth
  );
}

export type MatchOutcome = 'LINK' | 'REVIEW' | 'NONE';

export function outcomeOf(score: number): MatchOutcome {
  if (score >= LINK_THRESHOLD) return 'LINK';
  if (score >= REVIEW_THRESHOLD) return 'REVIEW';
  return 'NONE';
}
