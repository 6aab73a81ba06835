import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import {
  AFTER_NEWEST_FIRST,
  decodeNewestFirstCursor,
  NEWEST_FIRST_KEY,
  NEWEST_FIRST_ORDER,
  newestFirstPage,
  requirePageSize,
} from '../common/newest-first-page';
import { isUuid } from '../common/validate';
import { badInput, HubError } from '../errors';
import { Role } from '../users/role.enum';
import type { AuditAction } from './audit-action.enum';
import type { AuditEntryFilter, AuditEntryType } from './audit-entry.type';

/** Who may read the audit: supervisors (their own partner's staff) and the DPO (everyone). */
export const AUDIT_READERS: readonly Role[] = [Role.SUPERVISOR, Role.DATA_PROTECTION_OFFICER];

/** An audit_entry row as PostgreSQL returns it, with its cursor key (`NEWEST_FIRST_KEY`). */
export interface AuditEntryRow {
  id: string;
  occurred_at: Date | string;
  request_id: string;
  user_id: string;
  partner_id: string;
  role: Role;
  action: AuditAction;
  subject_type: string;
  subject_id: string;
  person_id: string | null;
  case_id: string | null;
  directory_partner_id: string | null;
  fields: string[];
  purpose: string | null;
  operation: string | null;
  cursor_key: [string, string];
}

/**
 * A page of the audit, newest first, by person, user, case and period. A supervisor sees the
 * entries of their own partner's staff; the data protection officer sees every partner's.
 */
export async function listAuditEntries(
  em: EntityManager,
  viewer: Viewer,
  args: { filter?: AuditEntryFilter | null; first: number; after?: string | null },
  maxPageSize: number,
) {
  if (!AUDIT_READERS.includes(viewer.role)) {
    throw new HubError('FORBIDDEN', 'Your partner and role may not read the audit', {
      field: 'Query.auditEntries',
    });
  }
  requirePageSize(args.first, maxPageSize);
  const filter = args.filter ?? {};
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [field, column] of [
    ['personId', 'person_id'],
    ['userId', 'user_id'],
    ['caseId', 'case_id'],
  ] as const) {
    const value = filter[field];
    if (value === null || value === undefined) continue;
    if (!isUuid(value)) throw badInput(`${field} is not an id`, field);
    where.push(`a.${column} = ?`);
    params.push(value);
  }
  if (filter.from) {
    where.push('a.occurred_at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push('a.occurred_at <= ?');
    params.push(filter.to);
  }
  if (filter.from && filter.to && filter.to < filter.from)
    throw badInput('to is before from', 'to');
  if (viewer.role !== Role.DATA_PROTECTION_OFFICER) {
    where.push('a.partner_id = ?');
    params.push(viewer.partnerId);
  }
  if (args.after) {
    const [occurredAt, id] = decodeNewestFirstCursor(args.after);
    where.push(AFTER_NEWEST_FIRST('a'));
    params.push(occurredAt, id);
  }
  const rows = await em.execute<AuditEntryRow[]>(
    `select a.*, ${NEWEST_FIRST_KEY('a')}
       from audit_entry a
      ${where.length ? `where ${where.join(' and ')}` : ''}
      ${NEWEST_FIRST_ORDER('a')}
      limit ${args.first + 1}`,
    params,
  );
  return newestFirstPage(
    rows,
    args.first,
    (row) =>
      ({
        id: row.id,
        occurredAt: new Date(row.occurred_at),
        requestId: row.request_id,
        userId: row.user_id,
        partnerId: row.partner_id,
        role: row.role,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        personId: row.person_id,
        caseId: row.case_id,
        fields: row.fields,
        purpose: row.purpose,
        operation: row.operation,
      }) satisfies AuditEntryType,
  );
}
