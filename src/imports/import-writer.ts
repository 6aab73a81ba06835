import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  copyStatement,
  copyText,
  type CopyTable,
  IMPORT_TABLES,
  type ImportRow,
  insertIgnoringConflicts,
  type LocationRow,
  type LsoaRow,
} from './import-rows';
import type { RejectedRow } from './rejected-report';

export interface BatchCounts {
  imported: number;
  /** Rows that changed what the hub held (a partner's own records); incidents are never updated. */
  updated: number;
  alreadyPresent: number;
  /** Rows the hub refused as they were written (a partner record the service refused). */
  rejects: RejectedRow[];
}

/** SQL on the batch's transaction, `$1` placeholders, answering the rows. */
export type RunSql = <R>(text: string, values: unknown[]) => Promise<R[]>;

/** What a batch commits besides its rows: the run's checkpoint and counters. */
export type Checkpoint = (sql: RunSql, counts: BatchCounts) => Promise<void>;

/**
 * Writes a run's rows a batch at a time, each batch in one transaction with its checkpoint: the
 * incident writer below (COPY on the import's connection), or partner records through their
 * service (src/imports/partner-record-writer.ts).
 */
export interface RowWriter<Row> {
  /** Sets the writer up; called once, outside any batch's transaction. */
  prepare(): Promise<void>;
  write(rows: readonly Row[], checkpoint: Checkpoint): Promise<BatchCounts>;
  /**
   * For a writer that refuses rows as it writes them: the rows of `rows` it would refuse, writing
   * nothing. A resumed run asks it of the rows before its checkpoint, to report them again.
   */
  refusals?(rows: readonly Row[]): Promise<RejectedRow[]>;
}

/** SQLSTATEs of another writer getting there first: the batch is done again, row by row. */
const RACED = new Set(['23505', '40P01']);

/** COPY rows into their table: the fastest way PostgreSQL takes rows in. */
export async function copyRows<Row>(
  client: ClientBase,
  table: CopyTable<Row>,
  rows: readonly Row[],
) {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(copyStatement(table)));
  await pipeline(Readable.from([copyText(table, rows)]), stream);
}

/** Places and areas go through a temporary table: COPY in, then only the ones not there yet. */
const STAGED = [
  { table: IMPORT_TABLES.lsoa, staging: 'import_lsoa', key: 'code' },
  { table: IMPORT_TABLES.location, staging: 'import_location', key: 'id' },
] as const;

/**
 * Writes batches of import rows, each in one transaction with its checkpoint, so a failure loses
 * at most the batch in flight. Rows already in the hub (same id) are counted, not written. New
 * incidents and reports go in by COPY. While the file is new to the hub (the last batch found
 * nothing already there) a batch is COPYed without looking first; a unique violation then rolls it
 * back and it is written again after looking. If another import inserts the same rows meanwhile
 * (a unique violation, or a deadlock between the two), the batch is rolled back and written again
 * with INSERT ... ON CONFLICT DO NOTHING, which counts whatever the other import added as present.
 */
export class ImportBatchWriter implements RowWriter<ImportRow> {
  /** Places and areas this writer has seen committed: not offered to the database again. */
  private readonly knownLocations = new Set<string>();
  private readonly knownLsoas = new Set<string>();
  /** Whether the next batch may skip looking for rows already there. */
  private optimistic = false;

  constructor(private readonly client: ClientBase) {}

  /** Sets the session up; called once, outside any batch's transaction. */
  async prepare(): Promise<void> {
    // A batch's commit need not wait for its WAL to reach the disk: should the server crash, the
    // latest batches are lost together with the checkpoint that counts them, and the rerun
    // writes exactly those lines again. Every commit stays atomic and in order.
    await this.client.query('SET synchronous_commit = off');
    for (const { table, staging } of STAGED) {
      // With the defaults: a column the COPY leaves out (a place's record key, NOT NULL) is
      // filled in the staging table as in the real one, which gives the row its own key on insert.
      await this.client.query(
        `CREATE TEMPORARY TABLE IF NOT EXISTS ${staging} (LIKE ${table.table} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`,
      );
    }
  }

  async write(rows: readonly ImportRow[], checkpoint: Checkpoint): Promise<BatchCounts> {
    if (this.optimistic) {
      try {
        return await this.transaction(rows, checkpoint, false, (fresh) => this.copyNew(fresh));
      } catch (error) {
        if (!raced(error)) throw error;
        this.optimistic = false;
      }
    }
    let counts: BatchCounts;
    try {
      counts = await this.transaction(rows, checkpoint, true, (fresh) => this.copyNew(fresh));
    } catch (error) {
      if (!raced(error)) throw error;
      counts = await this.transaction(rows, checkpoint, true, (fresh) => this.insertNew(fresh));
    }
    this.optimistic = rows.length > 0 && counts.alreadyPresent === 0;
    return counts;
  }

  private async transaction(
    rows: readonly ImportRow[],
    checkpoint: Checkpoint,
    look: boolean,
    writeNew: (fresh: ImportRow[]) => Promise<number>,
  ): Promise<BatchCounts> {
    const client = this.client;
    await client.query('BEGIN');
    try {
      const fresh = look ? await this.notYetPresent(rows) : [...rows];
      await this.ensurePlaces(fresh);
      const imported = await writeNew(fresh);
      const counts = { imported, updated: 0, alreadyPresent: rows.length - imported, rejects: [] };
      await checkpoint(async (text, values) => (await client.query(text, values)).rows, counts);
      await client.query('COMMIT');
      for (const row of fresh) {
        if (row.location) this.knownLocations.add(row.location.id);
        if (row.lsoa) this.knownLsoas.add(row.lsoa.code);
      }
      return counts;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async notYetPresent(rows: readonly ImportRow[]): Promise<ImportRow[]> {
    if (rows.length === 0) return [];
    const { rows: present } = await this.client.query<{ id: string }>(
      'SELECT id FROM incident WHERE id = ANY($1::uuid[])',
      [rows.map((row) => row.incident.id)],
    );
    if (present.length === 0) return [...rows];
    const ids = new Set(present.map((row) => row.id));
    return rows.filter((row) => !ids.has(row.incident.id));
  }

  /** The batch's places and areas the hub does not have yet: shared by every row that names them. */
  private async ensurePlaces(rows: readonly ImportRow[]) {
    const lsoas = new Map<string, LsoaRow>();
    const locations = new Map<string, LocationRow>();
    for (const row of rows) {
      if (row.lsoa && !this.knownLsoas.has(row.lsoa.code)) lsoas.set(row.lsoa.code, row.lsoa);
      if (row.location && !this.knownLocations.has(row.location.id))
        locations.set(row.location.id, row.location);
    }
    const found = [[...lsoas.values()], [...locations.values()]] as const;
    for (const [i, { table, staging, key }] of STAGED.entries()) {
      const rowsOfTable = found[i] as readonly (LsoaRow & LocationRow)[];
      if (rowsOfTable.length === 0) continue;
      const columns = table.columns.join(', ');
      await copyRows(
        this.client,
        { ...table, table: staging } as CopyTable<LsoaRow & LocationRow>,
        rowsOfTable,
      );
      await this.client.query(
        `INSERT INTO ${table.table} (${columns}) SELECT ${columns} FROM ${staging} ON CONFLICT (${key}) DO NOTHING`,
      );
    }
  }

  private async copyNew(fresh: ImportRow[]): Promise<number> {
    await copyRows(
      this.client,
      IMPORT_TABLES.incident,
      fresh.map((row) => row.incident),
    );
    await copyRows(
      this.client,
      IMPORT_TABLES.incidentReport,
      fresh.map((row) => row.report),
    );
    return fresh.length;
  }

  private async insertNew(fresh: ImportRow[]): Promise<number> {
    if (fresh.length === 0) return 0;
    const incidents = insertIgnoringConflicts(
      IMPORT_TABLES.incident,
      fresh.map((row) => row.incident),
    );
    const { rows: inserted } = await this.client.query<{ id: string }>(
      incidents.text,
      incidents.values,
    );
    const ours = new Set(inserted.map((row) => row.id));
    const reports = insertIgnoringConflicts(
      IMPORT_TABLES.incidentReport,
      fresh.filter((row) => ours.has(row.incident.id)).map((row) => row.report),
    );
    if (ours.size === 0) return 0;
    const { rows: reported } = await this.client.query<{ id: string }>(
      reports.text,
      reports.values,
    );
    // A report refused by the partner's source reference (already recorded in the hub by hand)
    // takes its incident with it: the line is already present, not a second episode.
    const withReport = new Set(reported.map((row) => row.id));
    const orphans = fresh
      .filter((row) => ours.has(row.incident.id) && !withReport.has(row.report.id))
      .map((row) => row.incident.id);
    if (orphans.length)
      await this.client.query('DELETE FROM incident WHERE id = ANY($1::uuid[])', [orphans]);
    return ours.size - orphans.length;
  }
}

const raced = (error: unknown) => RACED.has((error as { code?: string })?.code ?? '');
