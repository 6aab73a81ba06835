import { clock } from '../common/clock';
import {
  BigIntType,
  Entity,
  Enum,
  ManyToOne,
  Opt,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Partner } from '../partners/partner.entity';
import { User } from '../users/user.entity';
import { ImportFormat, ImportStatus } from './import-enums';

/**
 * One bulk import of a partner's incidents, or of its own records about people, from a file. Batches commit with the line they reached,
 * so a failed run resumes from there; rows already in the hub are counted, never added twice.
 */
@Entity({ tableName: 'import_run' })
export class ImportRun {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** The partner whose records these are: every imported incident is its report. */
  @ManyToOne(() => Partner)
  partner!: Partner;

  @Enum({ items: () => ImportFormat, type: 'text' })
  format!: ImportFormat;

  /** The file's name as given (no folders), for people reading the run. */
  @Property({ type: 'text' })
  fileName!: string;

  /** SHA-256 of the file: a run of the same file resumes the unfinished one. */
  @Property({ type: 'text', index: true })
  fileSha256!: string;

  /** The mapping file's content, for partner CSV. */
  @Property({ type: 'json', nullable: true })
  mapping?: unknown;

  @Enum({ items: () => ImportStatus, type: 'text', default: ImportStatus.RUNNING })
  status: ImportStatus & Opt = ImportStatus.RUNNING;

  /** The file's size in bytes, as stored (compressed, if it is): progress is measured against it. */
  @Property({ type: new BigIntType('number'), default: 0 })
  fileBytes: number & Opt = 0;

  /** Bytes of the file read when the last batch committed. */
  @Property({ type: new BigIntType('number'), default: 0 })
  bytesDone: number & Opt = 0;

  /** Data lines committed so far (the header is line 1): a resumed run starts after this one. */
  @Property({ type: 'integer', default: 1 })
  checkpointLine: number & Opt = 1;

  @Property({ type: 'integer', default: 0 })
  rowsImported: number & Opt = 0;

  /** Partner records the run changed (found by the partner's reference), each with a revision. */
  @Property({ type: 'integer', default: 0 })
  rowsUpdated: number & Opt = 0;

  /**
   * Rows already in the hub (same partner, same source key; a partner record the row would not
   * change): counted, not added.
   */
  @Property({ type: 'integer', default: 0 })
  rowsAlreadyPresent: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  rowsRejected: number & Opt = 0;

  /** Where the rejected rows report was written: next to the input. */
  @Property({ type: 'text', nullable: true })
  rejectedReportPath?: string | null;

  /** Why the run failed, in words for the operator (never a row's content). */
  @Property({ type: 'text', nullable: true })
  failure?: string | null;

  @ManyToOne(() => User, { nullable: true })
  startedBy?: User | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  startedAt: Date & Opt = clock.now();

  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;

  /**
   * An upload whose bytes are kept in import_upload_chunk while the run needs them: any hub
   * process may take the run over (src/imports/import-takeover.ts). A command-line import's file
   * is its operator's, and is never taken over.
   */
  @Property({ type: 'boolean', default: false })
  uploadKept: boolean & Opt = false;
}

/** One piece of a kept upload, in order; deleted with the run's end (or the run). */
@Entity({ tableName: 'import_upload_chunk' })
export class ImportUploadChunk {
  [PrimaryKeyProp]?: ['importRun', 'seq'];

  @ManyToOne(() => ImportRun, { primary: true, deleteRule: 'cascade', updateRule: 'cascade' })
  importRun!: ImportRun;

  @PrimaryKey({ type: 'integer' })
  seq!: number;

  @Property({ type: 'blob' })
  data!: Buffer;
}
