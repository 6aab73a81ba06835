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
import { HubError } from '../errors';
import { Role } from '../users/role.enum';
import type { AuditEntryRow } from './audit-query';
import {
  apiFieldNames,
  DIRECTORY_ENTITIES,
  SUBJECT_TYPE_OF,
  DirectoryRecord,
} from './directory-changes';
import type { OnboardingChangeType } from './onboarding-change.type';

/**
 * Who may list the staff directory's changes: its administrators, who make them. The rest of the
 * audit (reads and writes of case data) stays with supervisors and the data protection officer
 * (`AUDIT_READERS`); these entries name staff and partners, never a person in a case.
 */
export const ONBOARDING_CHANGE_READERS: readonly Role[] = [Role.ADMINISTRATOR];

export interface OnboardingChangeArgs {
  /** Resolved through row access by the caller: changes to the partner, its claims and users. */
  partnerId?: string | null;
  /** Resolved through row access by the caller: changes to that user. */
  userId?: string | null;
  first: number;
  after?: string | null;
}

/**
 * A page of the audited changes to the staff directory, newest first, every partner's (the
 * administrators run the whole area's onboarding). Serves `onboardingChanges` and
 * `npm run admin -- list-changes`.
 */
export async function listOnboardingChanges(
  em: EntityManager,
  viewer: Viewer,
  args: OnboardingChangeArgs,
  maxPageSize: number,
) {
  if (!ONBOARDING_CHANGE_READERS.includes(viewer.role)) {
    throw new HubError('FORBIDDEN', 'Your partner and role may not read the onboarding changes', {
      field: 'Query.onboardingChanges',
    });
  }
  requirePageSize(args.first, maxPageSize);
  // The column is set on directory writes only: it is the mark of an onboarding change.
  const where = ['a.directory_partner_id is not null'];
  const params: unknown[] = [];
  if (args.partnerId) {
    where.push('a.directory_partner_id = ?');
    params.push(args.partnerId);
  }
  if (args.userId) {
    where.push('a.subject_type = ? and a.subject_id = ?');
    params.push(SUBJECT_TYPE_OF[DirectoryRecord.USER], args.userId);
  }
  if (args.after) {
    where.push(AFTER_NEWEST_FIRST('a'));
    params.push(...decodeNewestFirstCursor(args.after));
  }
  const rows = await em.execute<(AuditEntryRow & { directory_partner_id: string })[]>(
    `select a.*, ${NEWEST_FIRST_KEY('a')}
       from audit_entry a
      where ${where.join(' and ')}
      ${NEWEST_FIRST_ORDER('a')}
      limit ${args.first + 1}`,
    params,
  );
  return newestFirstPage(rows, args.first, (row): OnboardingChangeType => {
    const record = DIRECTORY_ENTITIES[row.subject_type].record;
    return {
      id: row.id,
      occurredAt: new Date(row.occurred_at),
      requestId: row.request_id,
      action: row.action,
      record,
      recordId: row.subject_id,
      partnerId: row.directory_partner_id,
      userId: record === DirectoryRecord.USER ? row.subject_id : null,
      fields: apiFieldNames(row.subject_type, row.fields),
      actorUserId: row.user_id,
      actorPartnerId: row.partner_id,
      actorRole: row.role,
      purpose: row.purpose,
      operation: row.operation,
    };
  });
}
