import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { londonDay } from '../area-configuration/working-days';
import { HubEventKind } from '../notifications/hub-event-kind.enum';
import { recordEvent } from '../notifications/record-event';
import { ActionStatus } from './action-enums';

/** Actions marked per sweep; the rest wait for the next one. */
const BATCH = 500;

/**
 * Raises one ACTION_OVERDUE event for each open action on an open case whose due date has
 * passed (calendar days, England and Wales), once per action: the action is stamped
 * `overdue_raised_at` in the same transaction as its event, and rows another hub process is
 * sweeping are skipped. Every partner on the case hears of it, so the lead can chase.
 */
export async function sweepOverdueActions(
  em: EntityManager,
  today = londonDay(clock.now()),
): Promise<number> {
  return em.transactional(async (tx) => {
    const rows = await tx.execute<
      { id: string; case_id: string; due_date: string; reference: string; partner: string }[]
    >(
      `update action a set overdue_raised_at = ?
         from asb_case c, partner p
        where a.id in (
                select x.id from action x join asb_case xc on xc.id = x.case_id
                 where x.status = ? and x.due_date < ? and x.overdue_raised_at is null
                   and xc.status = 'OPEN'
                 order by x.due_date, x.id limit ${BATCH}
                   for update of x skip locked)
          and c.id = a.case_id and p.id = a.assigned_partner_id
      returning a.id, a.case_id, to_char(a.due_date, 'YYYY-MM-DD') as due_date,
                c.reference, p.name as partner`,
      [clock.now(), ActionStatus.OPEN, today],
    );
    for (const row of rows) {
      recordEvent(tx as EntityManager, {
        kind: HubEventKind.ACTION_OVERDUE,
        caseId: row.case_id,
        summary: `Action assigned to ${row.partner} on case ${row.reference} was due ${row.due_date} and is still open`,
        subjectIds: { actionId: row.id },
      });
    }
    await tx.flush();
    return rows.length;
  });
}
