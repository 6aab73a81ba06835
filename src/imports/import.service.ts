import fs from 'node:fs';
import path from 'node:path';
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
import { ImportFormat, ImportStatus } from './import-enums';
import { firstBytes, fileSha256, isGzip, isZip, readRecordChunks } from './import-file';
import { type FormatReader, isRejection, type RowContext } from './import-format';
import {
  type CheckedMapping,
  checkMapping,
  type ImportMapping,
  parseMapping,
} from './import-mapping';
import { copyRows, ImportBatchWriter } from './import-writer';
import { IMPORT_TABLES, type ImportRow, type LocationRow, type LsoaRow } from './import-rows';
import { MappedCsvReader } from './mapped-csv.format';
import { looksLikePoliceUk, PoliceUkReader } from './police-uk.format';
import { RejectedReport, type RejectedRow } from './rejected-report';

/** Rows per batch (one transaction each) unless told otherwise. */
export const DEFAULT_BATCH_ROWS = 5000;

/** The fields an imported row writes: what the run's audit entry lists. */
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

export interface ImportOptions {
  /** The hub's database (DATABASE_URL, or the embedded server's). The import opens its own connection. */
  databaseUrl: string;
  file: string;
  /** The partner whose records these are: its id, or its exact name. */
  partner: string;
  /** For a partner system's CSV: the mapping, as an object or as JSON text. */
  mapping?: ImportMapping | string | null;
  /** The name people see (an upload's original name); default: the file's own. */
  fileName?: string;
  /** The hub user importing (an upload's caller, or the CLI's --user); recorded on each report. */
  startedBy?: Viewer | null;
  /** The run's audit entry; default: enabled, operation "importIncidentFile". */
  audit?: { enabled: boolean; operation: string; purpose?: string | null; requestId?: string };
  batchRows?: number;
  /** Default: next to the input, `<file>.rejected.csv`. */
  rejectedReportPath?: string;
  /** When already known (an upload hashes the file as it arrives). */
  sha256?: string;
  /** "Now" for the future-date checks; default the clock. */
  now?: Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Stops after the batch in flight; the run is left FAILED, to be resumed. */
  signal?: AbortSignal;
}

export interface ImportProgress {
  runId: string;
  /** True while a resumed run reads again the lines it had already committed. */
  catchingUp: boolean;
  bytesRead: number;
  fileBytes: number;
  line: number;
  rowsImported: number;
  rowsAlreadyPresent: number;
  rowsRejected: number;
}

export interface ImportSummary {
  runId: string;
  status: ImportStatus;
  format: ImportFormat;
  fileName: string;
  /** A resumed run: the last line the earlier attempt had committed. */
  resumedAfterLine: number | null;
  /** The run's totals (across its attempts, when resumed). */
  rowsImported: number;
  rowsAlreadyPresent: number;
  rowsRejected: number;
  rejectedReportPath: string | null;
  failure: string | null;
  /** This attempt only: rows read past the checkpoint, wall time, and their rate. */
  rowsRead: number;
  seconds: number;
  rowsPerSecond: number;
}

export interface StartedImport {
  runId: string;
  format: ImportFormat;
  resumedAfterLine: number | null;
  /** Settles when the run ends: resolves when it completed, rejects with ImportFailed otherwise. */
  done: Promise<ImportSummary>;
}

/** The run stopped before the end of the file; what landed stays, and the same file resumes it. */
export class ImportFailed extends Error {
  constructor(readonly summary: ImportSummary) {
    super(summary.failure ?? 'The import failed');
  }
}

/** A file, as far as the first look at it goes. */
interface Probe {
  gzip: boolean;
  header: string[];
  format: ImportFormat;
  mapping: CheckedMapping | null;
}

interface PartnerFound {
  id: string;
  name: string;
  kind: PartnerKind;
}

/**
 * Imports a file of incidents for a partner: data.police.uk street-level CSV (recognised by its
 * header) or a partner system's CSV with a mapping, plain or gzip. Resolves when the run has
 * completed; rejects with ImportFailed (the run left FAILED, resumable) or a HubError refusing the
 * whole file (nothing written). README "Bulk import".
 */
export async function importIncidentFile(options: ImportOptions): Promise<ImportSummary> {
  return (await startImport(options)).done;
}

/**
 * Checks the file and starts its run: a refused file (unknown partner or header, missing columns,
 * empty, unreadable, a run of it already going) throws a HubError having written nothing. Otherwise
 * the run is recorded (resuming an unfinished run of the same file) and audited, and its rows are
 * imported in the background of `done`.
 */
export async function startImport(options: ImportOptions): Promise<StartedImport> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const stat = await fs.promises.stat(options.file).catch(() => null);
  if (!stat?.isFile()) {
    throw new HubError('IMPORT_FILE_UNREADABLE', `There is no file at ${options.file}`);
  }
  if (stat.size === 0) throw new HubError('IMPORT_EMPTY_FILE', 'The file is empty');

  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  let handedOver = false;
  try {
    const partner = await findPartner(client, options.partner);
    const mapping = readMapping(options.mapping);
    const probe = await probeFile(options.file, mapping);
    const context = (importRunId: string | null): RowContext => ({
      partnerId: partner.id,
      importRunId,
      recordedById: options.startedBy?.userId ?? null,
      now,
    });
    // Checks the header against the format now, before anything is written.
    formatReader(probe, context(null));

    const sha256 = options.sha256 ?? (await fileSha256(options.file));
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [importLockKey(partner.id, sha256)],
    );
    if (!rows[0].locked) {
      throw new HubError(
        'IMPORT_ALREADY_RUNNING',
        `This file is already being imported for ${partner.name}; wait for that run to finish (or fail), then import it again to resume`,
      );
    }
    const fileName = options.fileName ?? path.basename(options.file);
    const run = await openRun(client, {
      partner,
      probe,
      fileName,
      sha256,
      fileBytes: stat.size,
      startedBy: options.startedBy ?? null,
      audit: options.audit ?? { enabled: true, operation: 'importIncidentFile' },
    });
    handedOver = true;
    const done = importRows(client, {
      options,
      run,
      probe,
      fileName,
      fileBytes: stat.size,
      reader: formatReader(probe, context(run.id)),
      started,
    }).finally(() => client.end().catch(() => undefined));
    // The caller may attach its own handlers later; a failure is never left unhandled meanwhile.
    done.catch(() => undefined);
    return {
      runId: run.id,
      format: probe.format,
      resumedAfterLine: run.resumedAfterLine,
      done,
    };
  } finally {
    if (!handedOver) await client.end().catch(() => undefined);
  }
}

/**
 * The session advisory lock a run holds (on `hashtextextended` of this key) for as long as it
 * runs: one run per partner and file at a time. PostgreSQL lets go of it when the connection
 * ends, so a run whose process died is resumed by the next, never blocked by it.
 */
export const importLockKey = (partnerId: string, sha256: string) =>
  `incident-import:${partnerId}:${sha256}`;

async function findPartner(client: ClientBase, partner: string): Promise<PartnerFound> {
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

function readMapping(mapping: ImportOptions['mapping']): CheckedMapping | null {
  if (mapping === undefined || mapping === null) return null;
  return typeof mapping === 'string' ? parseMapping(mapping) : checkMapping(mapping);
}

/** The file's first records: its header, and whether any row follows it. */
async function probeFile(file: string, mapping: CheckedMapping | null): Promise<Probe> {
  const head = await firstBytes(file, 4);
  const gzip = isGzip(head);
  if (isZip(head)) {
    throw new HubError(
      'IMPORT_UNKNOWN_FORMAT',
      'The file is a zip archive (an Excel workbook is one): save it as CSV, or gzip it, and import that',
    );
  }
  let header: string[] | null = null;
  let hasRows = false;
  try {
    outer: for await (const chunk of readRecordChunks(file, {
      gzip,
      encoding: mapping?.encoding ?? 'utf8',
      delimiter: mapping?.delimiter ?? ',',
    })) {
      for (const record of chunk.records) {
        if (header) {
          hasRows = true;
          break outer;
        }
        if ('malformed' in record) {
          throw new HubError(
            'IMPORT_UNKNOWN_FORMAT',
            `The first line is not a CSV header: ${record.malformed}`,
          );
        }
        header = record.fields;
      }
    }
  } catch (error) {
    if (error instanceof HubError) throw error;
    throw new HubError(
      'IMPORT_FILE_UNREADABLE',
      `The file could not be read${gzip ? ' as gzip' : ''}: ${(error as Error).message}`,
    );
  }
  if (!header) throw new HubError('IMPORT_EMPTY_FILE', 'The file has no lines');
  if (!hasRows) throw new HubError('IMPORT_EMPTY_FILE', 'The file has a header but no rows');
  if (mapping) return { gzip, header, format: ImportFormat.MAPPED_CSV, mapping };
  if (looksLikePoliceUk(header)) return { gzip, header, format: ImportFormat.POLICE_UK, mapping };
  throw new HubError(
    'IMPORT_UNKNOWN_FORMAT',
    `The header (${header
      .slice(0, 6)
      .map((name) => JSON.stringify(name.trim()))
      .join(
        ', ',
      )}${header.length > 6 ? ', ...' : ''}) is not data.police.uk street-level CSV; for a partner system's export, give a mapping file`,
  );
}

function formatReader(probe: Probe, context: RowContext): FormatReader {
  return probe.mapping
    ? new MappedCsvReader(probe.header, probe.mapping, context)
    : new PoliceUkReader(probe.header, context);
}

interface OpenRun {
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
async function openRun(
  client: ClientBase,
  input: {
    partner: PartnerFound;
    probe: Probe;
    fileName: string;
    sha256: string;
    fileBytes: number;
    startedBy: Viewer | null;
    audit: NonNullable<ImportOptions['audit']>;
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
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'RUNNING', 1, $7, $8, now())`,
        [
          id,
          input.partner.id,
          input.probe.format,
          input.fileName,
          input.sha256,
          mappingJson,
          input.fileBytes,
          input.startedBy?.userId ?? null,
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
    await trail.writeRowsOn(client, [
      {
        action: AuditAction.CREATE,
        subjectType: 'ImportRun',
        subjectId: run.id,
        personId: null,
        caseId: null,
        fields: FIELDS_WRITTEN,
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
    const { rows } = await client.query<{
      id: string;
      username: string;
      display_name: string;
      partner_id: string;
      role: Role;
      active: boolean;
    }>(
      'SELECT id, username, display_name, partner_id, role, active FROM app_user WHERE username = $1',
      [username],
    );
    const user = rows[0];
    if (!user?.active || user.partner_id !== found.id) {
      throw new HubError(
        'FORBIDDEN',
        `${username} is not an active member of ${found.name}: only its own staff import its records`,
      );
    }
    const viewer: Viewer = {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      partnerId: found.id,
      partnerKind: found.kind,
      role: user.role,
    };
    if (!mayEverRead(incidentImporters, viewer)) {
      throw new HubError(
        'FORBIDDEN',
        `${username} is a ${user.role.toLowerCase()}: only analysts and supervisors import incidents`,
      );
    }
    return viewer;
  } finally {
    await client.end();
  }
}

interface Batch {
  rows: ImportRow[];
  rejects: RejectedRow[];
  /** The physical line the batch's last record ends on. */
  endLine: number;
  bytesRead: number;
}

/** The file's rows, checked, in batches: the file streams through, never held whole in memory. */
async function* readBatches(
  file: string,
  probe: Probe,
  reader: FormatReader,
  batchRows: number,
): AsyncGenerator<Batch> {
  let batch: Batch = { rows: [], rejects: [], endLine: 0, bytesRead: 0 };
  let headerSeen = false;
  for await (const chunk of readRecordChunks(file, {
    gzip: probe.gzip,
    encoding: probe.mapping?.encoding ?? 'utf8',
    delimiter: probe.mapping?.delimiter ?? ',',
  })) {
    for (const record of chunk.records) {
      batch.endLine = record.endLine;
      batch.bytesRead = chunk.bytesRead;
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      if ('malformed' in record) {
        batch.rejects.push({
          line: record.line,
          reason: `the line is not valid CSV: ${record.malformed}`,
          fields: [record.text],
        });
      } else {
        const prepared = reader.prepare(record.line, record.fields);
        if (isRejection(prepared)) {
          batch.rejects.push({
            line: record.line,
            reason: prepared.reasons.join('; '),
            fields: record.fields,
          });
        } else {
          batch.rows.push(prepared);
        }
      }
      if (batch.rows.length + batch.rejects.length >= batchRows) {
        yield batch;
        batch = { rows: [], rejects: [], endLine: batch.endLine, bytesRead: batch.bytesRead };
      }
    }
    batch.bytesRead = chunk.bytesRead;
  }
  yield batch;
}

interface RunTotals {
  rows_imported: number;
  rows_already_present: number;
  rows_rejected: number;
  rejected_report_path: string | null;
}

async function importRows(
  client: Client,
  input: {
    options: ImportOptions;
    run: OpenRun;
    probe: Probe;
    fileName: string;
    fileBytes: number;
    reader: FormatReader;
    started: number;
  },
): Promise<ImportSummary> {
  const { options, run, probe } = input;
  const checkpoint = run.checkpointLine;
  const report = new RejectedReport(
    options.rejectedReportPath ?? `${options.file}.rejected.csv`,
    probe.header,
  );
  const writer = new ImportBatchWriter(client);
  let totals: RunTotals = await runTotals(client, run.id);
  let rowsRead = 0;
  let failure: string | null = null;
  let line = checkpoint;

  const summary = (status: ImportStatus): ImportSummary => {
    const seconds = (Date.now() - input.started) / 1000;
    return {
      runId: run.id,
      status,
      format: probe.format,
      fileName: input.fileName,
      resumedAfterLine: run.resumedAfterLine,
      rowsImported: totals.rows_imported,
      rowsAlreadyPresent: totals.rows_already_present,
      rowsRejected: totals.rows_rejected,
      rejectedReportPath: totals.rejected_report_path,
      failure,
      rowsRead,
      seconds,
      rowsPerSecond: seconds > 0 ? rowsRead / seconds : 0,
    };
  };

  const batches = readBatches(
    options.file,
    probe,
    input.reader,
    options.batchRows ?? DEFAULT_BATCH_ROWS,
  );
  let pending: Promise<IteratorResult<Batch>> | null = null;
  try {
    await report.clear();
    await writer.prepare();
    pending = batches.next();
    for (;;) {
      const next: IteratorResult<Batch> = await pending;
      if (next.done) break;
      // Reads and checks the next batch while this one is written.
      pending = batches.next();
      pending.catch(() => undefined);
      const batch = next.value;
      if (options.signal?.aborted) {
        throw new Error(
          'the import was stopped (the hub is shutting down); import the same file again to resume',
        );
      }
      await report.add(batch.rejects);
      const rows = batch.rows.filter((row) => row.line > checkpoint);
      const rejected = batch.rejects.filter((row) => row.line > checkpoint).length;
      const catchingUp = batch.endLine <= checkpoint;
      if (!catchingUp) {
        const counts = await writer.write(rows, async (tx, written) => {
          const { rows: updated } = await tx.query<RunTotals>(
            `UPDATE import_run
                SET checkpoint_line = $2, bytes_done = $3,
                    rows_imported = rows_imported + $4,
                    rows_already_present = rows_already_present + $5,
                    rows_rejected = rows_rejected + $6,
                    rejected_report_path = COALESCE($7, rejected_report_path)
              WHERE id = $1
          RETURNING rows_imported, rows_already_present, rows_rejected, rejected_report_path`,
            [
              run.id,
              batch.endLine,
              batch.bytesRead,
              written.imported,
              written.alreadyPresent,
              rejected,
              report.exists ? report.path : null,
            ],
          );
          totals = updated[0];
        });
        rowsRead += counts.imported + counts.alreadyPresent + rejected;
        line = batch.endLine;
      }
      options.onProgress?.({
        runId: run.id,
        catchingUp,
        bytesRead: batch.bytesRead,
        fileBytes: input.fileBytes,
        line: batch.endLine,
        rowsImported: totals.rows_imported,
        rowsAlreadyPresent: totals.rows_already_present,
        rowsRejected: totals.rows_rejected,
      });
    }
    await report.close();
    const { rows: finished } = await client.query<RunTotals>(
      `UPDATE import_run
          SET status = 'COMPLETED', finished_at = now(), bytes_done = file_bytes,
              rejected_report_path = $2
        WHERE id = $1
    RETURNING rows_imported, rows_already_present, rows_rejected, rejected_report_path`,
      [run.id, report.exists ? report.path : null],
    );
    totals = finished[0];
    return summary(ImportStatus.COMPLETED);
  } catch (error) {
    failure = `Stopped after line ${line}: ${failureText(error)}`;
    await pending?.catch(() => undefined);
    await batches.return(undefined).catch(() => undefined);
    await report.close().catch(() => undefined);
    await client
      .query(
        `UPDATE import_run SET status = 'FAILED', failure = $2, finished_at = now() WHERE id = $1`,
        [run.id, failure],
      )
      .catch(() => undefined);
    totals = await runTotals(client, run.id).catch(() => totals);
    throw new ImportFailed(summary(ImportStatus.FAILED));
  }
}

async function runTotals(client: ClientBase, runId: string): Promise<RunTotals> {
  const { rows } = await client.query<RunTotals>(
    'SELECT rows_imported, rows_already_present, rows_rejected, rejected_report_path FROM import_run WHERE id = $1',
    [runId],
  );
  return rows[0];
}

/** Why a run stopped, for the operator: the database's or the reader's words, never a row's content. */
function failureText(error: unknown): string {
  if (error instanceof HubError) return error.message;
  const message = (error as Error)?.message ?? String(error);
  return message.split('\n')[0];
}

/** Options for reading a file's rows without importing them. */
export interface ReadRowsOptions {
  file: string;
  partnerId: string;
  mapping?: ImportMapping | string | null;
  importRunId?: string | null;
  recordedById?: string | null;
  now?: Date;
}

/**
 * The exact rows an import of `file` writes for its good lines (rejected lines are left out):
 * for the benchmark, which COPYs the same rows as its baseline.
 */
export async function* readImportRows(options: ReadRowsOptions): AsyncGenerator<ImportRow> {
  const mapping = readMapping(options.mapping);
  const probe = await probeFile(options.file, mapping);
  const reader = formatReader(probe, {
    partnerId: options.partnerId,
    importRunId: options.importRunId ?? null,
    recordedById: options.recordedById ?? null,
    now: options.now ?? new Date(),
  });
  for await (const batch of readBatches(options.file, probe, reader, DEFAULT_BATCH_ROWS)) {
    yield* batch.rows;
  }
}

/** As `readImportRows`, for a data.police.uk street-level file. */
export async function* readPoliceUkRows(
  file: string,
  options: Omit<ReadRowsOptions, 'file' | 'mapping'>,
): AsyncGenerator<ImportRow> {
  yield* readImportRows({ ...options, file, mapping: null });
}

/**
 * The baseline an import is measured against: the same rows, COPYed plainly (their distinct LSOAs
 * and places, then incidents, then reports), in one transaction, into tables that hold none of them.
 */
export async function copyRowsPlainly(
  client: ClientBase,
  rows: readonly ImportRow[],
): Promise<void> {
  const lsoas = new Map<string, LsoaRow>();
  const locations = new Map<string, LocationRow>();
  for (const row of rows) {
    if (row.lsoa) lsoas.set(row.lsoa.code, row.lsoa);
    if (row.location) locations.set(row.location.id, row.location);
  }
  await client.query('BEGIN');
  try {
    await copyRows(client, IMPORT_TABLES.lsoa, [...lsoas.values()]);
    await copyRows(client, IMPORT_TABLES.location, [...locations.values()]);
    await copyRows(
      client,
      IMPORT_TABLES.incident,
      rows.map((row) => row.incident),
    );
    await copyRows(
      client,
      IMPORT_TABLES.incidentReport,
      rows.map((row) => row.report),
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
