import type { EntityManager } from '@mikro-orm/postgresql';
import { londonDay } from '../area-configuration/working-days';
import type { Viewer } from '../auth/viewer';
import { OsaraStage } from '../cases/case-enums';
import { PARTICIPATES } from '../cases/case.loaders';
import { optionalText, requireId, requireLocalDate, requireText } from '../common/validate';
import { badInput, conflict, HubError, notFound } from '../errors';
import { HubEventKind } from '../notifications/hub-event-kind.enum';
import { recordEvent } from '../notifications/record-event';
import { openCaseForWrite, requirePartnerOnCase } from '../osara/osara.service';
import { requireStage } from '../osara/osara.rules';
import { User } from '../users/user.entity';
import { ActionSource, ActionStatus } from './action-enums';
import { Action } from './action.entity';
import type { AssignActionInput, CancelActionInput, CompleteActionInput } from './action.input';

/** A task for a partner on the case, due today or later; the assigned partner hears of it. */
export async function assignAction(em: EntityManager, viewer: Viewer, input: AssignActionInput) {
  const onCase = await openCaseForWrite(em, viewer, input.caseId);
  const partner = await requirePartnerOnCase(em, onCase, input.partnerId);
  const title = requireText(input.title, 'title', 200);
  const details = optionalText(input.details, 'details', 5000);
  const dueDate = requireLocalDate(input.dueDate, 'dueDate');
  if (dueDate < londonDay(new Date())) {
    throw badInput('dueDate is in the past: an action is due today or later', 'dueDate');
  }
  if (input.osaraResponse) {
    requireStage(onCase.osara.stage, OsaraStage.RESPONSE, 'OSARA response actions');
  }
  const action = em.create(Action, {
    case: onCase,
    assignedPartner: partner,
    title,
    details,
    dueDate,
    source: input.osaraResponse ? ActionSource.OSARA_RESPONSE : ActionSource.MANUAL,
    createdBy: em.getReference(User, viewer.userId),
  });
  recordEvent(em, {
    kind: HubEventKind.ACTION_ASSIGNED,
    caseId: onCase.id,
    audiencePartnerId: partner.id,
    summary: `Action due ${dueDate} assigned to ${partner.name} on case ${onCase.reference}`,
    subjectIds: { actionId: action.id },
  });
  await em.flush();
  return action;
}

/**
 * The action, if the viewer's partner is on its case and may close it: the partner it is
 * assigned to, or the case's lead partner.
 */
async function actionToClose(em: EntityManager, viewer: Viewer, actionId: string) {
  const id = requireId(actionId, 'action');
  const action = await em.findOne(Action, { id });
  if (!action) throw notFound('action', actionId);
  let onCase;
  try {
    onCase = await openCaseForWrite(em, viewer, action.case.id);
  } catch (error) {
    // An action on a case the viewer cannot see is as missing as one that does not exist.
    if (error instanceof HubError && error.extensions.code === 'NOT_FOUND') {
      throw notFound('action', actionId);
    }
    throw error;
  }
  if (
    action.assignedPartner.id !== viewer.partnerId &&
    onCase.leadPartner.id !== viewer.partnerId
  ) {
    throw new HubError(
      'ACTION_NOT_YOURS',
      `Only the partner the action is assigned to, or the lead partner of case ${onCase.reference}, may complete or cancel it`,
    );
  }
  if (action.status !== ActionStatus.OPEN) {
    throw conflict(`This action is already ${action.status.toLowerCase()}`);
  }
  return action;
}

export async function completeAction(
  em: EntityManager,
  viewer: Viewer,
  input: CompleteActionInput,
) {
  const action = await actionToClose(em, viewer, input.actionId);
  action.status = ActionStatus.DONE;
  action.completedAt = new Date();
  action.closedBy = em.getReference(User, viewer.userId);
  await em.flush();
  return action;
}

export async function cancelAction(em: EntityManager, viewer: Viewer, input: CancelActionInput) {
  const action = await actionToClose(em, viewer, input.actionId);
  action.status = ActionStatus.CANCELLED;
  action.cancelledAt = new Date();
  action.cancelReason = optionalText(input.reason, 'reason', 2000);
  action.closedBy = em.getReference(User, viewer.userId);
  await em.flush();
  return action;
}

/** Open actions assigned to the viewer's partner, on cases it takes part in, soonest due first. */
export async function outstandingActions(
  em: EntityManager,
  viewer: Viewer,
  args: { overdueOnly: boolean; first: number },
  maxPageSize: number,
) {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > maxPageSize) {
    throw badInput(`first must be from 1 to ${maxPageSize}`, 'first');
  }
  const query = em
    .createQueryBuilder(Action, 'a')
    .select('*')
    .join('a.case', 'c')
    .where({ assignedPartner: viewer.partnerId, status: ActionStatus.OPEN })
    .andWhere(PARTICIPATES('c'), [viewer.partnerId]);
  if (args.overdueOnly) query.andWhere({ dueDate: { $lt: londonDay(new Date()) } });
  return query
    .orderBy({ dueDate: 'asc', createdAt: 'asc', id: 'asc' })
    .limit(args.first)
    .getResultList();
}
