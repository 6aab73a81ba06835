import { clock } from '../../src/common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../src/users/role.enum';
import { codes, type GraphQLResponse, type TestHub } from '../support/hub';

/*
 * Shared by the mutation tests: a refused write must answer with one stable error code and leave
 * the rows it could have touched exactly as they were. Rows are counted only for the test's own
 * case, people and partners, because another jest worker writes to the same database meanwhile.
 */

const DAY = 24 * 60 * 60 * 1000;

export const daysAgo = (days: number) => new Date(clock.nowMs() - days * DAY);
export const daysFromNow = (days: number) => new Date(clock.nowMs() + days * DAY);
export const daysAfter = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/** Counts of the rows a write may touch, named so a failure says which table changed. */
export type RowCounts = (em: EntityManager) => Promise<Record<string, number>>;

/** Roles that read (some of) a case but never write to it: only casework roles may. */
export const NON_CASEWORK_ROLES = [
  Role.ANALYST,
  Role.LEGAL,
  Role.ADMINISTRATOR,
  Role.BI_SERVICE,
  Role.DATA_PROTECTION_OFFICER,
];

/** A well-formed id that names nothing. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
export const MALFORMED_ID = 'case-42; drop table asb_case';

/**
 * Sends a write that must be refused with `code` (and HTTP `status`), and proves it changed none
 * of the rows `rows` counts.
 */
export async function expectRefused<R>(
  hub: TestHub,
  rows: RowCounts,
  send: () => Promise<GraphQLResponse<R>>,
  code: string,
  status = 200,
): Promise<GraphQLResponse<R>> {
  const before = await rows(hub.em());
  const response = await send();
  expect({ status: response.status, codes: codes(response) }).toEqual({ status, codes: [code] });
  // Nothing answered: no data at all (a refused request), or the mutation's field null.
  const answered = Object.values((response.data ?? {}) as Record<string, unknown>).filter(
    (value) => value !== null,
  );
  expect(answered).toEqual([]);
  expect(await rows(hub.em())).toEqual(before);
  return response;
}

/** The input field a refusal names, so a practitioner knows what to fix. */
export const field = (response: GraphQLResponse<unknown>) =>
  response.errors?.[0]?.extensions?.field;
