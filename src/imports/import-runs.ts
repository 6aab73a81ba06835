import { clock } from '../common/clock';
import { randomUUID } from 'node:crypto';
import { Client, type ClientBase } from 'pg';
import { AuditAction } from '../audit/audit-action.enum';
import { AuditTrail } from '../audit/audit-trail';
import type { Viewer } from '../auth/viewer';
import { isUuid } from '../common/validate';
import { HubError } from '../errors';
import type { PartnerKind } from '../partners/partner-kind.enum';
import { mayEverRead } from '../permissions/decide';
import { incidentImporters } from '../permissions/policy';
import { Role } from '../users/role.enum';
import type { Probe } from './import-reading';
import { keepUpload } from './import-upload-store';

/*
 * The bookkeeping of import runs on the import's own connection: the partner and user a run is
 * for, its lock, its row in import_run (new or resumed) and its audit entry.
 */

/** The fields an imported incident writes: what the run's audit entry lists. */
const FIELDS_WRITTEN = [
  'Incident.occurredAt',
  'Incident.category',
  'Incident.description',
  'Incident.location',
  'Incident.hateIncident',
  'IncidentReport.reportedAt',
  'IncidentReport.sourceReference',
  'Location.description',
  'Location.latitude',
  'Location.longitude',
];

export interface PartnerFound {
  id: string;
  name: string;
  kind: PartnerKind;
}

/**
 * The session advisory lock a run holds (on `hashtextextended` of this key) for as long as it
 * runs: one run per partner and file at a time. PostgreSQL lets go of it when the connection
 * ends, so a run whose process died is resumed by the next, never blocked by it.
 */
export const importLockKey = (partnerId: string, sha256: string) =>
  `incident-import:${partnerId}:${sha256}`;

export async function findPartner(client: ClientBase, partner: string): Promise<PartnerFound> {
  const { rows } = await client.query<PartnerFound>(
    isUuid(partner)
      ? 'SELECT id, name, kind FROM partner WHERE id = $1'
      : 'SELECT id, name, kind FROM partner WHERE name = $1',
    [isUuid(partner) ? partner.toLowerCase() : partner],
  );
  if (rows.length === 0) {
    throw new HubError(
      'IMPORT_UNKNOWN_PARTNER',
      `No partner has the id or exact name ${JSON.stringify(partner)}`,
    );
  }
  return rows[0];
}

/** How a run's audit entry is written. */
export interface RunAudit {
  enabled: boolean;
  operation: string;
  purpose?: string | null;
  requestId?: string;
}

export interface OpenRun {
  id: string;
  /** Lines committed so far (1: only the header). */
  checkpointLine: number;
  resumedAfterLine: number | null;
}

/**
 * The run of this file: the unfinished run of the same file, partner, format and mapping, resumed
 * after its checkpoint, or a new one. Recorded with its audit entry in one transaction: imports
 * write personal data (descriptions can name people), audited as one entry per run, not per row.
 */
export async function openRun(
  client: ClientBase,
  input: {
    partner: PartnerFound;
    probe: Probe;
    fileName: string;
    sha256: string;
    fileBytes: number;
    startedBy: Viewer | null;
    audit: RunAudit;
    /** An upload: its bytes are kept with the run, so any hub process can take the run over. */
    keepUploadFrom?: string | null;
    /** What the rows write, for the audit entry; default: an incident's fields. */
    fieldsWritten?: string[];
  },
): Promise<OpenRun> {
  const mappingJson = input.probe.mapping ? JSON.stringify(input.probe.mapping.source) : null;
  await client.query('BEGIN');
  try {
    const { rows: unfinished } = await client.query<{ id: string; checkpoint_line: number }>(
      `SELECT id, checkpoint_line FROM import_run
        WHERE partner_id = $1 AND file_sha256 = $2 AND format = $3
          AND mapping IS NOT DISTINCT FROM $4::jsonb AND status IN ('RUNNING', 'FAILED')
        ORDER BY started_at DESC LIMIT 1
        FOR UPDATE`,
      [input.partner.id, input.sha256, input.probe.format, mappingJson],
    );
    let run: OpenRun;
    if (unfinished.length > 0) {
      const [found] = unfinished;
      await client.query(
        `UPDATE import_run SET status = 'RUNNING', failure = NULL, finished_at = NULL WHERE id = $1`,
        [found.id],
      );
      run = {
        id: found.id,
        checkpointLine: found.checkpoint_line,
        resumedAfterLine: found.checkpoint_line,
      };
    } else {
      const id = randomUUID();
      await client.query(
        `INSERT INTO import_run
           (id, partner_id, format, file_name, file_sha256, mapping, status, checkpoint_line,
            file_bytes, started_by_id, started_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'RUNNING', 1, $7, $8, $9)`,
        [
          id,
          input.partner.id,
          input.probe.format,
          input.fileName,
          input.sha256,
          mappingJson,
          input.fileBytes,
          input.startedBy?.userId ?? null,
          clock.now(),
        ],
      );
      run = { id, checkpointLine: 1, resumedAfterLine: null };
    }
    const trail = new AuditTrail(
      input.audit.enabled,
      input.audit.requestId ?? randomUUID(),
      input.startedBy ?? commandLineOperator(input.partner),
      input.audit.purpose ?? null,
    );
    trail.operation = input.audit.operation;
    if (input.keepUploadFrom) await keepUpload(client, run.id, input.keepUploadFrom);
    await trail.writeRowsOn(client, [
      {
        action: AuditAction.CREATE,
        subjectType: 'ImportRun',
        subjectId: run.id,
        personId: null,
        caseId: null,
        fields: input.fieldsWritten ?? FIELDS_WRITTEN,
      },
    ]);
    await client.query('COMMIT');
    return run;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** No hub user named: the audit records the importing partner, and a nil user in the operator's role. */
export const COMMAND_LINE_USER_ID = '00000000-0000-0000-0000-000000000000';

function commandLineOperator(partner: PartnerFound): Viewer {
  return {
    userId: COMMAND_LINE_USER_ID,
    username: 'command line',
    displayName: 'Command line operator',
    partnerId: partner.id,
    partnerKind: partner.kind,
    role: Role.ADMINISTRATOR,
  };
}

/**
 * The hub user a command-line import is recorded under: an active member of the importing partner
 * whom the policy lets import (the same rule as the upload endpoint).
 */
export async function findImportingUser(
  databaseUrl: string,
  username: string,
  partner: string,
): Promise<Viewer> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await findPartner(client, partner);
    const user = await findUser(client, 'username', username);
    if (!user?.active || user.viewer.partnerId !== found.id) {
      throw new HubError(
        'FORBIDDEN',
        `${username} is not an active member of ${found.name}: only its own staff import its records`,
      );
    }
    if (!mayEverRead(incidentImporters, user.viewer)) {
      throw new HubError(
        'FORBIDDEN',
        `${username} is a ${user.viewer.role.toLowerCase()}: only analysts and supervisors import incidents`,
      );
    }
    return user.viewer;
  } finally {
    await client.end();
  }
}

/** A hub user as the viewer an import is recorded under, and whether the user is still active. */
export async function findUser(
  client: ClientBase,
  by: 'id' | 'username',
  value: string,
): Promise<{ viewer: Viewer; active: boolean } | null> {
  const { rows } = await client.query<{
    id: string;
    username: string;
    display_name: string;
    partner_id: string;
    kind: PartnerKind;
    role: Role;
    active: boolean;
  }>(
    `SELECT u.id, u.username, u.display_name, u.partner_id, p.kind, u.role, u.active
       FROM app_user u JOIN partner p ON p.id = u.partner_id
      WHERE u.${by === 'id' ? 'id' : 'username'} = $1`,
    [value],
  );
  const user = rows[0];
  if (!user) return null;
  return {
    active: user.active,
    viewer: {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      partnerId: user.partner_id,
      partnerKind: user.kind,
      role: user.role,
    },
  };
}

export interface RunTotals {
  rows_imported: number;
  rows_updated: number;
  rows_already_present: number;
  rows_rejected: number;
  rejected_report_path: string | null;
}

/** The columns of RunTotals, for SELECT and RETURNING. */
export const TOTALS =
  'rows_imported, rows_updated, rows_already_present, rows_rejected, rejected_report_path';

export async function runTotals(client: ClientBase, runId: string): Promise<RunTotals> {
  const { rows } = await client.query<RunTotals>(`SELECT ${TOTALS} FROM import_run WHERE id = $1`, [
    runId,
  ]);
  return rows[0];
}
