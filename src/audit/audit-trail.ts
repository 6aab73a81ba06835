import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Path } from 'graphql/jsutils/Path';
import type { Viewer } from '../auth/viewer';
import { HubError } from '../errors';
import { runStatement } from '../db/prepared';
import { errorFields, log } from '../log';
import { auditWriteFailures } from '../observability/metrics';
import { AuditAction } from './audit-action.enum';
import type { AuditSubject } from './personal-data';

/** One row of the audit: a record, and the fields read or written in it. */
export interface AuditRow {
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  personId: string | null;
  caseId: string | null;
  /** A change to the staff directory: the partner it concerns (src/audit/directory-changes.ts). */
  directoryPartnerId?: string | null;
  fields: string[];
}

/** The longest purpose a client may state, in characters. */
export const MAX_PURPOSE_LENGTH = 500;

/** Raised when the audit cannot be written: the read or write it was for is refused. */
export const auditUnavailable = (requestId: string) =>
  new HubError(
    'AUDIT_UNAVAILABLE',
    'The audit of this request could not be written, so nothing was read or changed. Try again later, quoting the request id.',
    { requestId },
  );

/**
 * The purpose a client states for a request, from the `x-purpose` header: trimmed, at most
 * MAX_PURPOSE_LENGTH characters; absent or blank means none given.
 */
export function purposeFrom(header: string | string[] | undefined): string | null {
  const value = (Array.isArray(header) ? header.join(', ') : (header ?? '')).trim();
  if (!value) return null;
  if (value.length > MAX_PURPOSE_LENGTH) {
    throw new HubError(
      'BAD_USER_INPUT',
      `The x-purpose header must be at most ${MAX_PURPOSE_LENGTH} characters`,
      { field: 'x-purpose', http: { status: 400 } },
    );
  }
  return value;
}

/**
 * All rows of one request (or one write's transaction) in one statement, whatever their number:
 * the rows travel as one JSON parameter.
 */
const INSERT_ENTRIES = `insert into audit_entry
  (occurred_at, request_id, user_id, partner_id, role, purpose, operation,
   action, subject_type, subject_id, person_id, case_id, directory_partner_id, fields)
select ?::timestamptz, ?, ?, ?, ?, ?, ?,
       r.action, r.subject_type, r.subject_id, r.person_id, r.case_id, r.directory_partner_id, r.fields
  from jsonb_to_recordset(?::jsonb)
    as r(action text, subject_type text, subject_id text, person_id uuid, case_id uuid,
         directory_partner_id uuid, fields text[])`;

/** The same statement with pg's numbered parameters, for a plain pg connection. */
const INSERT_ENTRIES_NUMBERED = (() => {
  let n = 0;
  return INSERT_ENTRIES.replace(/\?/g, () => `$${++n}`);
})();

/** A pg connection, as far as the audit needs one. */
export interface AuditClient {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

/**
 * The audit of one request. Reads of personal data are collected while the request runs, grouped
 * by record (type, id and case) with the fields read, and written in one INSERT before the answer
 * is sent (`flushReads`). Writes are written inside their own transaction (`writeRows`).
 */
export class AuditTrail {
  /** The GraphQL root fields of the request, once Apollo has resolved the operation. */
  operation: string | null = null;
  private readonly reads = new Map<string, AuditRow & { fieldSet: Set<string> }>();
  /** The path of each Case object in the answer, to its id: reads below it belong to that case. */
  private readonly casePaths = new WeakMap<object, string>();
  /** Each object read in the answer: whom it is about, and its row per case (`readField`). */
  private parents = new WeakMap<
    object,
    {
      subject: AuditSubject | undefined;
      rows: Map<string | null, AuditRow & { fieldSet: Set<string> }>;
    }
  >();

  constructor(
    readonly enabled: boolean,
    readonly requestId: string,
    readonly viewer: Viewer,
    readonly purpose: string | null,
  ) {}

  /** Called for every field of a Case: whatever is read beneath it was read in that case. */
  noteCase(path: Path, caseId: string) {
    if (this.enabled && path.prev) this.casePaths.set(path.prev, caseId);
  }

  /**
   * A field of personal data was resolved for the viewer (the policy allowed it). Documents
   * (src/documents/) give no path: their subjects name their case themselves.
   */
  read(typeName: string, field: string, subject: AuditSubject | undefined, path?: Path) {
    if (!this.enabled || !subject) return;
    const caseId = subject.caseId ?? (path ? this.caseAbove(path) : null);
    const key = this.keyOf(typeName, subject.id, caseId);
    let row = this.reads.get(key);
    if (!row) {
      row = {
        action: AuditAction.READ,
        subjectType: typeName,
        subjectId: subject.id,
        personId: subject.personId ?? null,
        caseId,
        fields: [],
        fieldSet: new Set(),
      };
      this.reads.set(key, row);
    }
    row.fieldSet.add(field);
  }

  /**
   * As `read`, for a field of `parent` resolved in the answer: the record's row is found once per
   * object and case, so the other fields of the same object only add their names (an answer reads
   * thousands of fields of a few hundred records).
   */
  readField(
    typeName: string,
    field: string,
    parent: object,
    subjectOf: (parent: object) => AuditSubject | undefined,
    path: Path,
  ) {
    if (!this.enabled) return;
    let known = this.parents.get(parent);
    if (!known) {
      known = { subject: subjectOf(parent), rows: new Map() };
      this.parents.set(parent, known);
    }
    const { subject } = known;
    if (!subject) return;
    const caseId = subject.caseId ?? this.caseAbove(path);
    const row = known.rows.get(caseId);
    if (row && row.subjectType === typeName) {
      row.fieldSet.add(field);
      return;
    }
    this.read(typeName, field, subject, path);
    known.rows.set(caseId, this.reads.get(this.keyOf(typeName, subject.id, caseId))!);
  }

  private keyOf(typeName: string, subjectId: string, caseId: string | null) {
    return `${typeName}|${subjectId}|${caseId ?? ''}`;
  }

  /** How many records this request has read so far. */
  get readCount() {
    return this.reads.size;
  }

  /** Writes the reads collected so far in one statement, and forgets them. */
  async flushReads(em: EntityManager): Promise<void> {
    if (!this.enabled || this.reads.size === 0) return;
    const rows = [...this.reads.values()].map(({ fieldSet, ...row }) => ({
      ...row,
      fields: [...fieldSet],
    }));
    this.reads.clear();
    this.parents = new WeakMap(); // their rows are written: later reads start new ones
    await this.writeRows(em, rows);
  }

  /** Inserts rows with the request's who, why and when; inside `em`'s transaction if it has one. */
  async writeRows(em: EntityManager, rows: AuditRow[]): Promise<void> {
    if (!this.enabled || rows.length === 0) return;
    try {
      await runStatement(em, INSERT_ENTRIES, this.parameters(rows), 'audit_insert_entries');
    } catch (error) {
      auditWriteFailures.inc();
      log.error('audit unavailable', { requestId: this.requestId, ...errorFields(error) });
      throw auditUnavailable(this.requestId);
    }
  }

  /**
   * As `writeRows`, on a plain pg connection inside its transaction: the bulk import writes through
   * its own connection (COPY), and its audit entry commits with the run it records.
   */
  async writeRowsOn(client: AuditClient, rows: AuditRow[]): Promise<void> {
    if (!this.enabled || rows.length === 0) return;
    try {
      await client.query(INSERT_ENTRIES_NUMBERED, this.parameters(rows));
    } catch (error) {
      auditWriteFailures.inc();
      log.error('audit unavailable', { requestId: this.requestId, ...errorFields(error) });
      throw auditUnavailable(this.requestId);
    }
  }

  private parameters(rows: AuditRow[]) {
    return [
      clock.now(),
      this.requestId,
      this.viewer.userId,
      this.viewer.partnerId,
      this.viewer.role,
      this.purpose,
      this.operation,
      JSON.stringify(
        rows.map((row) => ({
          action: row.action,
          subject_type: row.subjectType,
          subject_id: row.subjectId,
          person_id: row.personId,
          case_id: row.caseId,
          directory_partner_id: row.directoryPartnerId ?? null,
          fields: row.fields,
        })),
      ),
    ];
  }

  private caseAbove(path: Path): string | null {
    for (let at: Path | undefined = path.prev; at; at = at.prev) {
      if (at.typename === 'Case' && at.prev) {
        const caseId = this.casePaths.get(at.prev);
        if (caseId) return caseId;
      }
    }
    return null;
  }
}
