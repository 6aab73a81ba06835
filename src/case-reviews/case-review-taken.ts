import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The complaints on a case already taken to an ASB case review (issue 13, docs/rules.md "Case
 * review counting after a review"): counted in a decision for the victim, whatever its outcome,
 * or the evidence of an alert that an application for the victim answers (in progress from the
 * application on). The partners have answered those complaints once: the next threshold counts
 * only complaints made since, so one new complaint after a review does not meet it again.
 */
export interface TakenToReview {
  /** Taken to a review by or for this victim: not counted again on the victim's routes. */
  forVictim(victimId: string): ReadonlySet<string>;
  /** Taken to any review on the case: not counted again on the place's route. */
  any: ReadonlySet<string>;
}

const TAKEN = `select d.victim_id, ri.incident_id
  from case_review_incident ri
  join case_review_decision d on d.id = ri.decision_id
 where d.case_id = ?
union
select a.victim_id, ai.incident_id
  from case_review_application a
  join case_review_alert_incident ai on ai.alert_id = a.alert_id
 where a.case_id = ?`;

/**
 * Read under the case's 'case-incidents' lock: recording an application or a decision takes it
 * too, so a complaint recorded at the same moment sees the review or waits for it.
 */
export async function complaintsTakenToReview(
  em: EntityManager,
  caseId: string,
): Promise<TakenToReview> {
  const rows = await em.execute<{ victim_id: string; incident_id: string }[]>(TAKEN, [
    caseId,
    caseId,
  ]);
  const byVictim = new Map<string, Set<string>>();
  const any = new Set<string>();
  for (const row of rows) {
    any.add(row.incident_id);
    const own = byVictim.get(row.victim_id) ?? new Set<string>();
    own.add(row.incident_id);
    byVictim.set(row.victim_id, own);
  }
  const none: ReadonlySet<string> = new Set();
  return { forVictim: (victimId) => byVictim.get(victimId) ?? none, any };
}
