import { GraphQLError } from 'graphql';

/**
 * The hub's error codes. Clients branch on `extensions.code`, so these strings are a contract:
 * add new ones, never rename.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  // Idempotency-Key on a mutation (src/http/idempotency.plugin.ts; docs/clients.md "Retrying a mutation").
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_KEY_IN_USE'
  | 'THRESHOLD_MET_REVIEW_REQUIRED'
  | 'STATUTORY_LIMIT'
  | 'CASE_REVIEW_STEP_OUT_OF_ORDER'
  | 'CASE_REVIEW_APPEAL_OUT_OF_TIME'
  // The escalation ladder (src/interventions/ladder.rules.ts; docs/rules.md lists each rule).
  | 'WARNING_LETTER_REQUIRED'
  | 'CPW_REQUIRED'
  | 'COMPLIANCE_DATE_NOT_PASSED'
  | 'BREACH_REQUIRED'
  | 'SUBJECT_AGE_UNKNOWN'
  | 'SUBJECT_TOO_YOUNG'
  | 'FIXED_PENALTY_TOO_HIGH'
  | 'PROSECUTION_TOO_SOON'
  | 'CLOSURE_NOTICE_TOO_LONG'
  | 'SIGN_OFF_REQUIRED'
  | 'CLOSURE_NOTICE_REQUIRED'
  | 'HEARING_TOO_LATE'
  | 'CLOSURE_ORDER_TOO_LONG'
  | 'CLOSURE_ORDER_TOTAL_TOO_LONG'
  | 'YOT_CONSULTATION_REQUIRED'
  | 'CONVICTION_REQUIRED'
  | 'CONSENT_REQUIRED'
  // OSARA problem-solving model, area procedure: stages in order, each with its content.
  | 'OSARA_STAGE_INCOMPLETE'
  | 'OSARA_STAGE_OUT_OF_ORDER'
  | 'OSARA_REOPEN_REASON_REQUIRED'
  | 'PARTNER_DATA_REQUEST_NOT_YOURS'
  | 'ASSESSMENT_REQUIRED'
  | 'CASE_CLOSED'
  | 'LEAD_PARTNER_ONLY'
  // Corrections (src/corrections/): the lead partner answers for a case and cannot just leave it.
  | 'LEAD_HANDOVER_REQUIRED'
  // Actions: a task for a partner on the case.
  | 'PARTNER_NOT_ON_CASE'
  | 'ACTION_NOT_YOURS'
  // Data protection rights (docs/data-protection.md "Data protection rights").
  | 'SHARING_BASIS_NOT_YOURS'
  | 'OVERRIDE_REQUIRED'
  // Partner records (src/partner-records/): only a partner of the record's kind writes it.
  | 'PARTNER_RECORD_WRONG_KIND'
  | 'SUBJECT_ACCESS_ALREADY_EXTENDED'
  | 'SUBJECT_ACCESS_COMPLETED'
  | 'RETENTION_PERIOD_NOT_PASSED'
  // Problem-solving group meetings (src/meetings/; docs/rules.md lists each rule).
  | 'CHAIR_NOT_ON_CASE'
  | 'CHAIR_MUST_ATTEND'
  | 'CASE_NOT_ON_AGENDA'
  | 'MEETING_NOT_YET_HELD'
  | 'PACK_FOR_OWN_PARTNER_ONLY'
  // Documents (src/documents/): letters from templates, the legal review of statements.
  | 'UNKNOWN_PLACEHOLDER'
  | 'NO_LETTER_TEMPLATE'
  | 'REVIEW_COMMENTS_REQUIRED'
  | 'PDF_UNAVAILABLE'
  // Bulk import of incidents (src/imports/): a whole file refused, nothing written.
  | 'IMPORT_UNKNOWN_PARTNER'
  | 'IMPORT_EMPTY_FILE'
  | 'IMPORT_FILE_UNREADABLE'
  | 'IMPORT_UNKNOWN_FORMAT'
  | 'IMPORT_COLUMNS_MISSING'
  | 'IMPORT_MAPPING_INVALID'
  | 'IMPORT_ALREADY_RUNNING'
  // The audit of reads and writes of personal data could not be written: nothing is answered.
  | 'AUDIT_UNAVAILABLE'
  // The HTTP and GraphQL surface (docs/hardening.md).
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'REQUEST_TIMEOUT'
  | 'SERVER_BUSY'
  | 'PAYLOAD_TOO_LARGE'
  // PostgreSQL cannot be reached: HTTP 503 with Retry-After, worth trying again.
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  // Safe retries (docs/clients.md "Idempotent retries"): a partner's source reference names one report.
  | 'SOURCE_REFERENCE_REUSED'
  // Onboarding (docs/operations.md "Onboarding a partnership"): names and sign-ins are unique.
  | 'PARTNER_NAME_TAKEN'
  | 'PARTNER_IDENTITY_TAKEN'
  | 'USER_SUBJECT_TAKEN';

export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (why = 'A valid bearer token is required') =>
  new HubError('UNAUTHENTICATED', why);

/**
 * A refusal the policy makes by design is an answer, not a fault: it carries no stack trace.
 * (Formatting one for each of the hundreds of fields a large answer may refuse cost more than
 * resolving the fields.)
 */
export function withoutStackTrace<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export const forbidden = (what: string) =>
  new HubError('FORBIDDEN', `Your partner and role may not read ${what}`);

/** Says the same whether the record is missing or hidden, so a caller cannot tell which. */
export const notFound = (what: string, id: string) =>
  new HubError('NOT_FOUND', `No ${what} with id ${id} that you can see`);

export const badInput = (message: string, field?: string) =>
  new HubError('BAD_USER_INPUT', message, field ? { field } : {});

export const conflict = (message: string) => new HubError('CONFLICT', message);
