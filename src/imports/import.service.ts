import { clock } from '../common/clock';
import fs from 'node:fs';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, type ClientBase } from 'pg';
import type { Viewer } from '../auth/viewer';
import { HubError } from '../errors';
import { errorFields } from '../log';
import type { ImportFormat } from './import-enums';
import { ImportStatus } from './import-enums';
import { fileSha256 } from './import-file';
import type { FormatReader, RowContext } from './import-format';
import type { ImportMapping } from './import-mapping';
import {
  type Batch,
  DEFAULT_BATCH_ROWS,
  formatReader,
  isRecordsMapping,
  type Probe,
  probeFile,
  readBatches,
  readMapping,
} from './import-reading';
import {
  findPartner,
  importLockKey,
  type OpenRun,
  openRun,
  type RunAudit,
  type RunTotals,
  runTotals,
  TOTALS,
} from './import-runs';
import { copyRows, ImportBatchWriter, type RowWriter } from './import-writer';
import { IMPORT_TABLES, type ImportRow, type LocationRow, type LsoaRow } from './import-rows';
import { RejectedReport } from './rejected-report';
import { forgetUpload } from './import-upload-store';
import { PartnerRecordReader } from './partner-record.format';
import { partnerRecordImport } from './partner-record-importer';
import type { PartnerRecordMapping } from './partner-record-mapping';
import { PartnerRecordBatchWriter } from './partner-record-writer';

// What a benchmark or script needs, from one place.
export { DEFAULT_BATCH_ROWS, readImportRows, readPoliceUkRows } from './import-reading';
export type { ReadRowsOptions } from './import-reading';
export { COMMAND_LINE_USER_ID, findImportingUser, importLockKey } from './import-runs';
export { IMPORT_TABLES } from './import-rows';

export interface ImportOptions {
  /** The hub's database (DATABASE_URL, or the embedded server's). The import opens its own connection. */
  databaseUrl: string;
  file: string;
  /** The partner whose records these are: its id, or its exact name. */
  partner: string;
  /** For a partner system's CSV: the mapping, as an object or as JSON text. */
  mapping?: ImportMapping | PartnerRecordMapping | string | null;
  /**
   * The hub's ORM: a file of partner records is written through the partner-record service on
   * the hub's own connections (an import of incidents needs none).
   */
  orm?: MikroORM;
  /** The name people see (an upload's original name); default: the file's own. */
  fileName?: string;
  /** The hub user importing (an upload's caller, or the CLI's --user); recorded on each report. */
  startedBy?: Viewer | null;
  /** The run's audit entry; default: enabled, operation "importIncidentFile". */
  audit?: RunAudit;
  batchRows?: number;
  /** Default: next to the input, `<file>.rejected.csv`. */
  rejectedReportPath?: string;
  /** When already known (an upload hashes the file as it arrives). */
  sha256?: string;
  /** "Now" for the future-date checks; default the clock. */
  now?: Date;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Stops after the batch in flight; the run is left FAILED, to be resumed, or, for a kept
   * upload, RUNNING for another hub process to take over.
   */
  signal?: AbortSignal;
  /**
   * An upload (POST /imports): its bytes are kept in the database with the run while the run
   * needs them, so any hub process can finish it (src/imports/import-takeover.ts).
   */
  keepUpload?: boolean;
}

export interface ImportProgress {
  runId: string;
  /** True while a resumed run reads again the lines it had already committed. */
  catchingUp: boolean;
  bytesRead: number;
  fileBytes: number;
  line: number;
  rowsImported: number;
  rowsUpdated: number;
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
  rowsUpdated: number;
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

/** This process stopped a kept upload's run: it stays RUNNING, for any hub process to finish. */
export class ImportHandedOver extends ImportFailed {}

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
  const now = options.now ?? clock.now();
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
      partnerKind: partner.kind,
      importRunId,
      recordedById: options.startedBy?.userId ?? null,
      now,
    });
    // Who may import it, and its header against the format, now, before anything is written.
    let rowsOf: (runId: string) => {
      reader: FormatReader<{ line: number }>;
      writer: RowWriter<{ line: number }>;
    };
    let fieldsWritten: string[] | undefined;
    if (isRecordsMapping(probe.mapping)) {
      const { viewer, spec } = partnerRecordImport(options.startedBy, partner, probe.mapping);
      fieldsWritten = [
        `${spec.typeName}.sourceReference`,
        ...probe.mapping.fields.map(([field]) => `${spec.typeName}.${field}`),
        'PartnerRecordRevision.earlierValues',
      ];
      const orm = options.orm;
      if (!orm) {
        throw new HubError(
          'IMPORT_UNKNOWN_FORMAT',
          'Partner records are imported by the hub itself: upload the file to POST /imports',
        );
      }
      const reader = new PartnerRecordReader(probe.header, probe.mapping, spec);
      rowsOf = () => ({ reader, writer: new PartnerRecordBatchWriter(orm, viewer, spec) });
    } else {
      formatReader(probe, context(null));
      rowsOf = (runId) => ({
        reader: formatReader(probe, context(runId)),
        writer: new ImportBatchWriter(client),
      });
    }

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
      keepUploadFrom: options.keepUpload ? options.file : null,
      fieldsWritten,
    });
    handedOver = true;
    const done = importRows(client, {
      options,
      run,
      probe,
      fileName,
      fileBytes: stat.size,
      ...rowsOf(run.id),
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

async function importRows<Row extends { line: number }>(
  client: Client,
  input: {
    options: ImportOptions;
    run: OpenRun;
    probe: Probe;
    fileName: string;
    fileBytes: number;
    reader: FormatReader<Row>;
    writer: RowWriter<Row>;
    started: number;
  },
): Promise<ImportSummary> {
  const { options, run, probe } = input;
  const checkpoint = run.checkpointLine;
  const report = new RejectedReport(
    options.rejectedReportPath ?? `${options.file}.rejected.csv`,
    probe.header,
  );
  const writer = input.writer;
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
      rowsUpdated: totals.rows_updated,
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
  let pending: Promise<IteratorResult<Batch<Row>>> | null = null;
  try {
    await report.clear();
    await writer.prepare();
    pending = batches.next();
    for (;;) {
      const next: IteratorResult<Batch<Row>> = await pending;
      if (next.done) break;
      // Reads and checks the next batch while this one is written.
      pending = batches.next();
      pending.catch(() => undefined);
      const batch = next.value;
      if (options.signal?.aborted) {
        // The hub's own words (a HubError), so failureText keeps them.
        throw new HubError(
          'INTERNAL_SERVER_ERROR',
          'the import was stopped (the hub is shutting down); import the same file again to resume',
        );
      }
      await report.add(batch.rejects);
      // Rows an earlier attempt committed: the report is rebuilt, so the rows the writer refused
      // then are found again (nothing is written, nothing counted).
      const committed = batch.rows.filter((row) => row.line <= checkpoint);
      if (committed.length > 0 && writer.refusals)
        await report.add(await writer.refusals(committed));
      const rejected = batch.rejects.filter((row) => row.line > checkpoint).length;
      const catchingUp = batch.endLine <= checkpoint;
      if (!catchingUp) {
        const rows = batch.rows.filter((row) => row.line > checkpoint);
        const counts = await writer.write(rows, async (sql, written) => {
          const [updated] = await sql<RunTotals>(
            `UPDATE import_run
                SET checkpoint_line = $2, bytes_done = $3,
                    rows_imported = rows_imported + $4,
                    rows_updated = rows_updated + $5,
                    rows_already_present = rows_already_present + $6,
                    rows_rejected = rows_rejected + $7,
                    rejected_report_path = COALESCE($8, rejected_report_path)
              WHERE id = $1
          RETURNING ${TOTALS}`,
            [
              run.id,
              batch.endLine,
              batch.bytesRead,
              written.imported,
              written.updated,
              written.alreadyPresent,
              rejected + written.rejects.length,
              report.exists || written.rejects.length > 0 ? report.path : null,
            ],
          );
          totals = updated;
        });
        // Rows the service refused as they were written: reported once their batch committed.
        await report.add(counts.rejects);
        rowsRead += counts.imported + counts.updated + counts.alreadyPresent + rejected;
        rowsRead += counts.rejects.length;
        line = batch.endLine;
      }
      options.onProgress?.({
        runId: run.id,
        catchingUp,
        bytesRead: batch.bytesRead,
        fileBytes: input.fileBytes,
        line: batch.endLine,
        rowsImported: totals.rows_imported,
        rowsUpdated: totals.rows_updated,
        rowsAlreadyPresent: totals.rows_already_present,
        rowsRejected: totals.rows_rejected,
      });
    }
    await report.close();
    // The run's end and the deletion of its kept upload together: never a finished run's file left.
    await client.query('BEGIN');
    const { rows: finished } = await client.query<RunTotals>(
      `UPDATE import_run
          SET status = 'COMPLETED', finished_at = $3, bytes_done = file_bytes,
              rejected_report_path = $2
        WHERE id = $1
    RETURNING ${TOTALS}`,
      [run.id, report.exists ? report.path : null, clock.now()],
    );
    await forgetUpload(client, run.id);
    await client.query('COMMIT');
    totals = finished[0];
    return summary(ImportStatus.COMPLETED);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await pending?.catch(() => undefined);
    await batches.return(undefined).catch(() => undefined);
    await report.close().catch(() => undefined);
    if (options.signal?.aborted && options.keepUpload) {
      // Stopped by its hub, not by its rows: left RUNNING with its upload, and the run's lock
      // goes with this connection, so the next takeover sweep of any process finishes it.
      totals = await runTotals(client, run.id).catch(() => totals);
      throw new ImportHandedOver(summary(ImportStatus.RUNNING));
    }
    failure = `Stopped after line ${line}: ${failureText(error)}`;
    await client
      .query(
        `UPDATE import_run SET status = 'FAILED', failure = $2, finished_at = $3 WHERE id = $1`,
        [run.id, failure, clock.now()],
      )
      .catch(() => undefined);
    // A failed run is resumed by sending the same file again: its kept copy is not needed.
    await forgetUpload(client, run.id).catch(() => undefined);
    totals = await runTotals(client, run.id).catch(() => totals);
    throw new ImportFailed(summary(ImportStatus.FAILED));
  }
}

/**
 * Why a run stopped, for the operator and the log: the hub's own words, or the error's class and
 * codes (SQLSTATE, constraint), never its message: PostgreSQL's quote the values it refused
 * (`invalid input syntax for type uuid: "..."`), and a row's values are a person's data.
 */
function failureText(error: unknown): string {
  if (error instanceof HubError) return error.message;
  const [first] = errorFields(error).error as Record<string, string>[];
  const codes = Object.entries(first)
    .filter(([name]) => name !== 'class')
    .map(([name, value]) => `${name} ${value}`);
  return `${first.class}${codes.length ? ` (${codes.join(', ')})` : ''}`;
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
