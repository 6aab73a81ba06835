import { print } from 'graphql';
import { partnerIdOf, signDemoToken } from '../../src/auth/demo-token';
import { DEMO_USERS } from '../../src/demo/demo-directory';
import type { TestHub } from '../support/hub';

/** A demo user's token (see the demo table in docs/clients.md). */
export async function demoToken(username: string) {
  const user = DEMO_USERS.find((candidate) => candidate.username === username)!;
  return signDemoToken({ ...user, partnerId: partnerIdOf(user) });
}

/** The demo user's id in the users table. */
export async function demoUserId(hub: TestHub, username: string): Promise<string> {
  const [row] = await hub
    .em()
    .execute<{ id: string }[]>('select id from app_user where username = ?', [username]);
  return row.id;
}

export interface AuditRowSeen {
  action: string;
  subject_type: string;
  subject_id: string;
  person_id: string | null;
  case_id: string | null;
  fields: string[];
  purpose: string | null;
  operation: string | null;
  user_id: string;
  partner_id: string;
  role: string;
  request_id: string;
}

/** The audit rows a user's requests left, oldest first. */
export function auditRowsOf(hub: TestHub, userId: string, extra = '', params: unknown[] = []) {
  return hub
    .em()
    .execute<
      AuditRowSeen[]
    >(`select * from audit_entry where user_id = ? ${extra} order by occurred_at, subject_type, subject_id`, [userId, ...params]);
}

/** Sends a typed document with extra headers (a purpose), over HTTP. */
export async function postWith(
  hub: TestHub,
  document: Parameters<typeof print>[0],
  variables: unknown,
  headers: Record<string, string>,
) {
  return hub.post({ query: print(document), variables }, headers);
}
