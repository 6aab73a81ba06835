import { clock } from '../common/clock';
import { HubError } from '../errors';
import { ImportFormat } from './import-enums';
import { firstBytes, isGzip, isZip, readRecordChunks } from './import-file';
import { type FormatReader, isRejection, type RowContext } from './import-format';
import {
  type CheckedMapping,
  checkMapping,
  type ImportMapping,
  parseMapping,
} from './import-mapping';
import type { ImportRow } from './import-rows';
import { MappedCsvReader } from './mapped-csv.format';
import {
  type CheckedPartnerRecordMapping,
  checkPartnerRecordMapping,
  isPartnerRecordMapping,
  type PartnerRecordMapping,
} from './partner-record-mapping';
import { looksLikePoliceUk, PoliceUkReader } from './police-uk.format';
import type { RejectedRow } from './rejected-report';

/*
 * Reading an import file: the first look at it (format, header, whether it has rows), then its
 * rows, checked, in batches.
 */

/** Rows per batch (one transaction each) unless told otherwise. */
export const DEFAULT_BATCH_ROWS = 5000;

/** A file, as far as the first look at it goes. */
export interface Probe {
  gzip: boolean;
  header: string[];
  format: ImportFormat;
  mapping: AnyMapping | null;
}

/** A mapping of incidents, or one of a partner's own records (it has `records`). */
export type AnyMapping = CheckedMapping | CheckedPartnerRecordMapping;

export const isRecordsMapping = (
  mapping: AnyMapping | null,
): mapping is CheckedPartnerRecordMapping => mapping !== null && 'personId' in mapping;

export function readMapping(
  mapping: ImportMapping | PartnerRecordMapping | string | null | undefined,
): AnyMapping | null {
  if (mapping === undefined || mapping === null) return null;
  let raw: unknown = mapping;
  if (typeof mapping === 'string') {
    try {
      raw = JSON.parse(mapping);
    } catch {
      return parseMapping(mapping); // refuses it in words
    }
  }
  return isPartnerRecordMapping(raw) ? checkPartnerRecordMapping(raw) : checkMapping(raw);
}

/** The file's first records: its header, and whether any row follows it. */
export async function probeFile(file: string, mapping: AnyMapping | null): Promise<Probe> {
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
  if (isRecordsMapping(mapping)) {
    return { gzip, header, format: ImportFormat.PARTNER_RECORD_CSV, mapping };
  }
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

/** The reader of a file of incidents. */
export function formatReader(probe: Probe, context: RowContext): FormatReader {
  if (isRecordsMapping(probe.mapping)) {
    throw new HubError(
      'IMPORT_UNKNOWN_FORMAT',
      'A mapping of partner records (with "records") is read by the partner record import, not as incidents',
    );
  }
  return probe.mapping
    ? new MappedCsvReader(probe.header, probe.mapping, context)
    : new PoliceUkReader(probe.header, context);
}

export interface Batch<Row = ImportRow> {
  rows: Row[];
  rejects: RejectedRow[];
  /** The physical line the batch's last record ends on. */
  endLine: number;
  bytesRead: number;
}

/** The file's rows, checked, in batches: the file streams through, never held whole in memory. */
export async function* readBatches<Row extends object>(
  file: string,
  probe: Probe,
  reader: FormatReader<Row>,
  batchRows: number,
): AsyncGenerator<Batch<Row>> {
  let batch: Batch<Row> = { rows: [], rejects: [], endLine: 0, bytesRead: 0 };
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

/** Options for reading a file's rows without importing them. */
export interface ReadRowsOptions {
  file: string;
  partnerId: string;
  mapping?: ImportMapping | PartnerRecordMapping | string | null;
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
    now: options.now ?? clock.now(),
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
