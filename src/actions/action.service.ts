import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { londonDay } from '../area-configuration/working-days';
import type { Viewer } from '../auth/viewer';
import { OsaraStage } from '../cases/case-enums';
import { PARTICIPATES, requireRow } from '../permissions/row-access';
import { optionalText, requireLocalDate, requireText } from '../common/validate';
import { badInput, conflict, HubError } from '../errors';
import { HubEventKind } from '../notifications/hub-event-kind.enum';
import { recordEvent } from '../notifications/record-event';
import { openCaseForWrite, requirePartnerOnCase } from '../osara/osara.service';
import { requireStage } from '../osara/osara.rules';
import type { Case } from '../cases/case.entity';
import type { Meeting } from '../meetings/meeting.entity';
import type { Partner } from '../partners/partner.entity';
import { User } from '../users/user.entity';
import { ActionSource, ActionStatus } from './action-enums';
import { Action } from './action.entity';
import type { AssignActionInput, CancelActionInput, CompleteActionInput } from './action.input';

/** What a new action says, before it is checked. */
export interface NewActionFields {
  title: string;
  details?: string | null;
  dueDate: string;
  source: ActionSource;
  meeting?: Meeting | null;
}

/** The wording and due date of a new action: due today or later. */
export function checkActionFields(fields: Pick<NewActionFields, 'title' | 'details' | 'dueDate'>) {
  const title = requireText(fields.title, 'title', 200);
  const details = optionalText(fields.details, 'details', 5000);
  const dueDate = requireLocalDate(fields.dueDate, 'dueDate');
  if (dueDate < londonDay(clock.now())) {
    throw badInput('dueDate is in the past: an action is due today or later', 'dueDate');
  }
  return { title, details, dueDate };
}

/**
 * A task for a partner on the case (already checked to take part), due today or later; the
 * assigned partner hears of it. Shared by assigned actions and those a meeting agrees.
 */
export function createAction(
  em: EntityManager,
  viewer: Viewer,
  onCase: Case,
  partner: Partner,
  fields: NewActionFields,
) {
  const { title, details, dueDate } = checkActionFields(fields);
  const action = em.create(Action, {
    case: onCase,
    assignedPartner: partner,
    title,
    details,
    dueDate,
    source: fields.source,
    meeting: fields.meeting ?? null,
    createdBy: em.getReference(User, viewer.userId),
  });
  recordEvent(em, {
    kind: HubEventKind.ACTION_ASSIGNED,
    caseId: onCase.id,
    audiencePartnerId: partner.id,
    summary: `Action due ${dueDate} assigned to ${partner.name} on case ${onCase.reference}`,
    subjectIds: { actionId: action.id },
  });
  return action;
}

/** A task for a partner on the case, due today or later; the assigned partner hears of it. */
export async function assignAction(em: EntityManager, viewer: Viewer, input: AssignActionInput) {
  const onCase = await openCaseForWrite(em, viewer, input.caseId);
  const partner = await requirePartnerOnCase(em, onCase, input.partnerId);
  checkActionFields(input);
  if (input.osaraResponse) {
    requireStage(onCase.osara.stage, OsaraStage.RESPONSE, 'OSARA response actions');
  }
  const action = createAction(em, viewer, onCase, partner, {
    ...input,
    source: input.osaraResponse ? ActionSource.OSARA_RESPONSE : ActionSource.MANUAL,
  });
  await em.flush();
  return action;
}

/**
 * The action, if the viewer's partner is on its case and may close it: the partner it is
 * assigned to, or the case's lead partner.
 */
async function actionToClose(em: EntityManager, viewer: Viewer, actionId: string) {
  // An action on a case the viewer cannot see is as missing as one that does not exist.
  const id = await requireRow({ em, viewer }, 'action', actionId);
  const action = await em.findOneOrFail(Action, { id });
  const onCase = await openCaseForWrite(em, viewer, action.case.id);
  // Read again under the case's row lock: two partners closing the action at once are applied
  // one after the other, and the second sees it closed (CONFLICT, nothing written).
  await em.refresh(action);
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
  action.completedAt = clock.now();
  action.closedBy = em.getReference(User, viewer.userId);
  await em.flush();
  return action;
}

export async function cancelAction(em: EntityManager, viewer: Viewer, input: CancelActionInput) {
  const action = await actionToClose(em, viewer, input.actionId);
  action.status = ActionStatus.CANCELLED;
  action.cancelledAt = clock.now();
  action.cancelReason = optionalText(input.reason, 'reason', 2000);
  action.closedBy = em.getReference(User, viewer.userId);
  await em.flush();
  return action;
}

/** Open actions on cases the viewer's partner takes part in. */
function openActions(em: EntityManager, viewer: Viewer) {
  return em
    .createQueryBuilder(Action, 'a')
    .select('*')
    .join('a.case', 'c')
    .where({ status: ActionStatus.OPEN })
    .andWhere(PARTICIPATES('c'), [viewer.partnerId]);
}

/** Open actions on these cases (those the viewer's partner takes part in), soonest due first. */
export function openActionsOnCases(em: EntityManager, viewer: Viewer, caseIds: string[]) {
  if (!caseIds.length) return Promise.resolve([]);
  return openActions(em, viewer)
    .andWhere({ case: { $in: caseIds } })
    .orderBy({ dueDate: 'asc', createdAt: 'asc', id: 'asc' })
    .getResultList();
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
  const query = openActions(em, viewer).andWhere({ assignedPartner: viewer.partnerId });
  if (args.overdueOnly) query.andWhere({ dueDate: { $lt: londonDay(clock.now()) } });
  return query
    .orderBy({ dueDate: 'asc', createdAt: 'asc', id: 'asc' })
    .limit(args.first)
    .getResultList();
}
