import { wholeNumber } from './parsers';
import { setting, MINUTE_MS, DAY_MS } from './setting';

/** Timings of the case work itself: episode matching, and the background loops that notify and look for overdue work. */
export const CASE_WORK_SETTINGS = {
  title: 'Case work, notifications and sweeps',
  settings: {
    EPISODE_MATCH_MINUTES: setting(wholeNumber(0, 24 * 60), 120, {
      meaning:
        'A report at the same place, of the same category, within this many minutes of an incident already on the case is attached to it as a second report (0 turns matching off).',
    }),
    NOTIFICATION_POLL_MS: setting(wholeNumber(10, MINUTE_MS), 250, {
      meaning:
        'How often the notification dispatcher publishes committed, unpublished outbox events to live subscribers.',
    }),
    ACTION_OVERDUE_SWEEP_MS: setting(wholeNumber(10, DAY_MS), 300_000, {
      meaning:
        'How often the hub raises `ACTION_OVERDUE` for open actions past their due date, once per action.',
    }),
    CASE_REVIEW_SWEEP_MS: setting(wholeNumber(10, DAY_MS), 300_000, {
      meaning:
        'How often the hub raises `CASE_REVIEW_STEP_DUE` for case review steps (acknowledge, decide, meet, respond) left undone past their deadline, once per step per application.',
    }),
    SUBSCRIPTION_RECHECK_MS: setting(wholeNumber(0, 300_000), 30_000, {
      meaning:
        'How long a live subscription trusts its last check that its user is still active in the same partner and role; 0 checks before every event.',
    }),
  },
};
