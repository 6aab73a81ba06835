import type { EntityManager } from '@mikro-orm/postgresql';
import { ActionStatus } from '../actions/action-enums';
import { Action } from '../actions/action.entity';
import type { Viewer } from '../auth/viewer';
import { clock } from '../common/clock';
import { CasePartner } from '../cases/case-partner.entity';
import type { Case } from '../cases/case.entity';
import { HubError } from '../errors';
import { HubEventKind } from '../notifications/hub-event-kind.enum';
import { recordEvent } from '../notifications/record-event';
import { Partner } from '../partners/partner.entity';
import { requireRow } from '../permissions/row-access';
import { SharingBasis } from '../sharing/sharing-basis.entity';
import { User } from '../users/user.entity';
import { lockedCase } from './case-correction.service';
import { CorrectedRecord } from './corrected-record.enum';
import type { Correction } from './correction.entity';
import type { RemovePartnerFromCaseInput } from './correction.input';
import { notYoursToCorrect, recordCorrections, requireReason } from './correction.service';

/** Why a basis was withdrawn when the last partner it named left the case (not free text). */
export const NO_RECIPIENT_LEFT =
  'The only partner it named was taken off the case; it releases to no one';

/**
 * Takes a partner off a case it should not be on (brought in by mistake, or its part is over):
 * the case's lead partner may, or the partner itself. The lead partner answers for the case and
 * cannot leave it (LEAD_HANDOVER_REQUIRED). Under the case's row lock (the lock of every
 * correction, and of assigning actions and asking partners for data, which check who is on the
 * case), in one transaction:
 * - the partner's `case_partner` row goes, so it no longer reaches the case or anything hanging
 *   off it (row access);
 * - its open actions on the case pass to the lead partner, which hears of each;
 * - sharing bases on the case stop releasing to it: it is taken out of their recipients, and a
 *   basis that named no one else is withdrawn;
 * - one CASE_PARTNER correction keeps what it had there (when it joined, the actions passed on,
 *   the bases it was named by).
 * What the partner recorded (its incidents, reports, interventions) stays in the case record.
 */
export async function removePartnerFromCase(
  em: EntityManager,
  viewer: Viewer,
  input: RemovePartnerFromCaseInput,
): Promise<Correction> {
  const found = await lockedCase(em, viewer, input.caseId);
  const partnerId = await requireRow({ em, viewer }, 'partner', input.partnerId);
  const lead = found.leadPartner.id;
  if (viewer.partnerId !== lead && viewer.partnerId !== partnerId)
    throw notYoursToCorrect('removePartnerFromCase', 'the lead partner or the partner itself');
  if (partnerId === lead)
    throw new HubError(
      'LEAD_HANDOVER_REQUIRED',
      `The lead partner cannot be taken off case ${found.reference}: another partner must lead it first`,
      { field: 'partnerId' },
    );
  const partner = await em.findOneOrFail(Partner, { id: partnerId });
  const row = await em.findOne(CasePartner, { case: found, partner });
  if (!row)
    throw new HubError(
      'PARTNER_NOT_ON_CASE',
      `${partner.name} does not take part in case ${found.reference}`,
      { field: 'partnerId' },
    );
  const reason = requireReason(input.reason);

  const actions = await handActionsToLead(em, found, partnerId);
  const bases = await stopReleasingTo(em, viewer, found, partnerId);
  const [correction] = recordCorrections(
    em,
    viewer,
    { record: CorrectedRecord.CASE_PARTNER, recordId: row.id, caseId: found.id, reason },
    [
      {
        field: 'removed',
        before: `${partner.name} (${partner.id}); joined ${row.joinedAt.toISOString()}; open actions passed to the lead partner: ${actions.join(', ') || 'none'}; sharing bases that named it: ${bases.join(', ') || 'none'}`,
        after: 'removed from the case',
      },
    ],
  );
  em.remove(row);
  await em.flush();
  return correction;
}

/** The partner's open actions on the case become the lead partner's, who hears of each. */
async function handActionsToLead(em: EntityManager, found: Case, partnerId: string) {
  const open = await em.find(
    Action,
    { case: found, assignedPartner: partnerId, status: ActionStatus.OPEN },
    { orderBy: { dueDate: 'asc', id: 'asc' } },
  );
  const lead = await em.findOneOrFail(Partner, { id: found.leadPartner.id });
  for (const action of open) {
    action.assignedPartner = lead;
    // The overdue sweep tells the partner an action is with: the lead has not been told yet.
    action.overdueRaisedAt = null;
    recordEvent(em, {
      kind: HubEventKind.ACTION_ASSIGNED,
      caseId: found.id,
      audiencePartnerId: lead.id,
      summary: `Action due ${action.dueDate} on case ${found.reference} passed to ${lead.name}: the partner it was assigned to was taken off the case`,
      subjectIds: { actionId: action.id },
    });
  }
  return open.map((action) => action.id);
}

/**
 * Sharing bases recorded for this case stop naming the partner: a basis releases only to the
 * partners it names (src/permissions/decide.ts), so the partner, were it ever brought back, is
 * not covered until the owner decides again (as for any newcomer, `addPartnerToCase`). A basis
 * left naming no one is withdrawn, so no basis stands in force that releases nothing. Bases the
 * partner owns stay its decision (it may still withdraw them).
 */
async function stopReleasingTo(em: EntityManager, viewer: Viewer, found: Case, partnerId: string) {
  const naming = (await em.find(SharingBasis, { case: found }, { orderBy: { id: 'asc' } })).filter(
    (basis) => basis.recipientPartnerIds.includes(partnerId),
  );
  const now = clock.now();
  for (const basis of naming) {
    basis.recipientPartnerIds = basis.recipientPartnerIds.filter((id) => id !== partnerId);
    if (basis.recipientPartnerIds.length === 0 && !basis.withdrawnAt) {
      basis.withdrawnAt = now;
      basis.withdrawnBy = em.getReference(User, viewer.userId);
      basis.withdrawalReason = NO_RECIPIENT_LEFT;
    }
  }
  return naming.map((basis) => basis.id);
}
