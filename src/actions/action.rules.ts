import { clock } from '../common/clock';
import { londonDay } from '../area-configuration/working-days';
import { ActionStatus } from './action-enums';

/**
 * An action is overdue once its due date has passed (calendar days, England and Wales) and it is
 * still open: due today is not yet overdue.
 */
export function isOverdue(
  action: { status: ActionStatus; dueDate: string },
  today = londonDay(clock.now()),
): boolean {
  return action.status === ActionStatus.OPEN && action.dueDate < today;
}
