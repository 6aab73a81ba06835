import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Viewer } from '../auth/viewer';
import type { PartnerRecordSpec } from '../partner-records/partner-record-kinds';
import {
  type PartnerRecordWrite,
  recordPartnerRecord,
} from '../partner-records/partner-record.service';
import type { BatchCounts, Checkpoint, RowWriter, RunSql } from './import-writer';
import type { RejectedRow } from './rejected-report';
import type { PartnerRecordRow } from './partner-record.format';

/** What writing one row did: the record created, updated or left as it was, or why it was refused. */
export type PartnerRecordRowResult = 'created' | 'updated' | 'unchanged' | { reason: string };

/**
 * One row of a partner's records, written as the record mutations write it (the service: kind,
 * row access, one record per owner and person, history), in a savepoint of its own: a refused row
 * leaves nothing behind and the rest of the batch lands. A refusal is the hub's code and words;
 * anything else (the database away) is not the row's fault and ends the batch.
 */
export async function writePartnerRecordRow(
  em: EntityManager,
  viewer: Viewer,
  spec: PartnerRecordSpec,
  write: PartnerRecordWrite,
): Promise<PartnerRecordRowResult> {
  try {
    const written = await em.transactional((inner) =>
      recordPartnerRecord(inner as EntityManager, viewer, spec, write),
    );
    if (written.created) return 'created';
    return written.changedFields.length ? 'updated' : 'unchanged';
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { reason: `${error.extensions.code}: ${error.message}` };
  }
}

/**
 * `$1`-numbered SQL as MikroORM's `execute` takes it (`?`, one value per place): the run's
 * checkpoint is the same statement on either writer's transaction. The statements passed here
 * hold no `?` of their own.
 */
function positional(text: string, values: unknown[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
    params.push(values[Number(n) - 1]);
    return '?';
  });
  return { sql, params };
}

/**
 * Writes a run's partner records a batch at a time, on the hub's own connections: each batch one
 * transaction holding its rows (a savepoint each) and the run's checkpoint, so a failure loses at
 * most the batch in flight and a resumed run writes exactly the lines after its checkpoint.
 */
export class PartnerRecordBatchWriter implements RowWriter<PartnerRecordRow> {
  constructor(
    private readonly orm: MikroORM,
    private readonly viewer: Viewer,
    private readonly spec: PartnerRecordSpec,
  ) {}

  async prepare(): Promise<void> {}

  async write(rows: readonly PartnerRecordRow[], checkpoint: Checkpoint): Promise<BatchCounts> {
    return this.orm.em.fork().transactional(async (tx) => {
      const em = tx as EntityManager;
      const counts = await this.writeRows(em, rows);
      const sql: RunSql = async <R>(text: string, values: unknown[]) => {
        const { sql: statement, params } = positional(text, values);
        return (await em.execute(statement, params)) as R[];
      };
      await checkpoint(sql, counts);
      return counts;
    });
  }

  /** The rows the service refuses, written in a transaction that is then rolled back. */
  async refusals(rows: readonly PartnerRecordRow[]): Promise<RejectedRow[]> {
    const em = this.orm.em.fork();
    await em.begin();
    try {
      return (await this.writeRows(em, rows)).rejects;
    } finally {
      await em.rollback();
    }
  }

  private async writeRows(
    em: EntityManager,
    rows: readonly PartnerRecordRow[],
  ): Promise<BatchCounts> {
    const counts: BatchCounts = { imported: 0, updated: 0, alreadyPresent: 0, rejects: [] };
    for (const row of rows) {
      const result = await writePartnerRecordRow(em, this.viewer, this.spec, row.write);
      if (result === 'created') counts.imported += 1;
      else if (result === 'updated') counts.updated += 1;
      else if (result === 'unchanged') counts.alreadyPresent += 1;
      else counts.rejects.push({ line: row.line, reason: result.reason, fields: row.fields });
      // Each row's entities are done with once written: the batch does not hold them all.
      em.clear();
    }
    return counts;
  }
}
