import { clock } from '../common/clock';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AreaRules } from '../area-configuration/area-rules';
import { loadAreaRules } from '../area-configuration/area-rules';
import { londonDay } from '../area-configuration/working-days';
import { HubEventKind } from '../notifications/hub-event-kind.enum';
import { recordEvent } from '../notifications/record-event';
import { CaseReviewApplication } from './case-review-application.entity';
import { CaseReviewStep } from './case-review-workflow.enum';
import { deadlines, STEP_NAMES, type Deadline } from './case-review-workflow.service';

/** The stamp each step's CASE_REVIEW_STEP_DUE event leaves on its application. */
const RAISED_AT = {
  [CaseReviewStep.ACKNOWLEDGEMENT]: 'acknowledgementDueRaisedAt',
  [CaseReviewStep.DECISION]: 'decisionDueRaisedAt',
  [CaseReviewStep.REVIEW_MEETING]: 'meetingDueRaisedAt',
  [CaseReviewStep.RESPONSE]: 'responseDueRaisedAt',
} as const satisfies Partial<Record<CaseReviewStep, keyof CaseReviewApplication>>;

type TimedStep = keyof typeof RAISED_AT;

const isTimed = (step: CaseReviewStep): step is TimedStep => step in RAISED_AT;

/**
 * The steps of an application whose deadline has passed with the step still not recorded (the
 * `overdue` flag of its deadlines, as `overdueCaseReviewApplications` shows them), and that
 * have not been raised yet.
 */
function stepsToRaise(
  application: CaseReviewApplication,
  { configuration, calendar }: AreaRules,
  today: string,
): (Deadline & { step: TimedStep })[] {
  return deadlines(application, configuration, calendar, today).filter(
    (deadline): deadline is Deadline & { step: TimedStep } =>
      deadline.overdue && isTimed(deadline.step) && !application[RAISED_AT[deadline.step]],
  );
}

/** Open applications with at least one step not yet raised: the only ones worth a look. */
const NOT_ALL_RAISED = {
  closedAt: null,
  $or: Object.values(RAISED_AT).map((stamp) => ({ [stamp]: null })),
};

/**
 * Raises one CASE_REVIEW_STEP_DUE event for each step of an open ASB case review application
 * (acknowledge, decide, meet, respond) whose working-day deadline from the area configuration
 * has passed while the step is still not recorded: once per step per application. The step is
 * stamped on the application in the same transaction as its event, and applications another hub
 * process is sweeping (or a partner is writing) are skipped until the next sweep, so concurrent
 * sweeps and restarts never raise a step twice. Every partner on the case hears of it; the
 * summary carries the case reference, the step and the deadline, never a name.
 */
export async function sweepDueCaseReviewSteps(
  em: EntityManager,
  today = londonDay(clock.now()),
): Promise<number> {
  // First without locks: which applications have a step to raise, if any.
  const reader = em.fork();
  const rules = await loadAreaRules(reader);
  const candidates = await reader.find(CaseReviewApplication, NOT_ALL_RAISED, {
    populate: ['decision'],
  });
  const ids = candidates
    .filter((application) => stepsToRaise(application, rules, today).length > 0)
    .map((application) => application.id);
  if (ids.length === 0) return 0;

  // Then lock those rows, look again as they are now, stamp and raise, in one transaction.
  return em.transactional(async (tx) => {
    const current = await loadAreaRules(tx as EntityManager);
    const locked = await tx.find(
      CaseReviewApplication,
      { ...NOT_ALL_RAISED, id: { $in: ids } },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { appliedAt: 'asc', id: 'asc' } },
    );
    // Populated separately: PostgreSQL cannot lock the nullable side of an outer join.
    await tx.populate(locked, ['case', 'decision']);
    let raised = 0;
    for (const application of locked) {
      for (const due of stepsToRaise(application, current, today)) {
        application[RAISED_AT[due.step]] = clock.now();
        recordEvent(tx as EntityManager, {
          kind: HubEventKind.CASE_REVIEW_STEP_DUE,
          caseId: application.case.id,
          summary: `ASB case review on case ${application.case.reference}: ${STEP_NAMES[due.step]} was due by ${due.dueDate} and is not recorded`,
          subjectIds: { applicationId: application.id },
        });
        raised += 1;
      }
    }
    await tx.flush();
    return raised;
  });
}
