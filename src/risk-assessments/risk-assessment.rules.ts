import { RiskLevel } from '../cases/case-enums';
import { PersonRole } from '../people/person-role.enum';

/*
 * The hub's risk assessment scheme (docs/rules.md "Risk assessments"). It follows the ASB victim
 * risk assessment practice the Home Office and the College of Policing describe, which asks about
 * three things: is this repeat victimisation, how vulnerable is the victim, and what harm or
 * impact is the behaviour having. Each is scored 0 (none) to 3 (high). A perpetrator (the person
 * causing harm) is scored on escalation (is the behaviour getting worse or more frequent), risk
 * of harm to others, and their own vulnerability (the approach is harm-centred).
 */

export const FACTOR_MIN = 0;
export const FACTOR_MAX = 3;

export const VICTIM_FACTORS = ['repeatVictimisation', 'vulnerability', 'impact'] as const;
export const PERPETRATOR_FACTORS = ['escalation', 'riskOfHarm', 'vulnerability'] as const;
export type RiskFactor = (typeof VICTIM_FACTORS)[number] | (typeof PERPETRATOR_FACTORS)[number];

/** The factors a person in this role is scored on; other roles are not risk assessed. */
export function factorsFor(role: PersonRole): readonly RiskFactor[] | null {
  if (role === PersonRole.VICTIM) return VICTIM_FACTORS;
  if (role === PersonRole.PERPETRATOR) return PERPETRATOR_FACTORS;
  return null;
}

/**
 * The level the scores give: HIGH when any factor is high (3) or the three add up to 6 or more
 * of 9; MEDIUM when any factor is 2 or they add up to 3 or more; STANDARD otherwise. One high
 * factor is enough for HIGH because practice treats, say, a highly vulnerable victim as high risk
 * however few the reports.
 */
export function riskLevelOf(scores: readonly number[]): RiskLevel {
  const total = scores.reduce((a, b) => a + b, 0);
  if (scores.some((score) => score >= 3) || total >= 6) return RiskLevel.HIGH;
  if (scores.some((score) => score >= 2) || total >= 3) return RiskLevel.MEDIUM;
  return RiskLevel.STANDARD;
}
