import type { MikroORM } from '@mikro-orm/postgresql';

/** An import run as the takeover tests read it: its state, totals and the bytes of its kept upload. */
export async function importRunRow(orm: MikroORM, id: string) {
  const [run] = await orm.em
    .fork()
    .getConnection()
    .execute<
      {
        status: string;
        failure: string | null;
        checkpoint_line: number;
        rows_imported: number;
        rows_already_present: number;
        rows_rejected: number;
        upload_kept: boolean;
        kept_bytes: number;
      }[]
    >(
      `select status, failure, checkpoint_line, rows_imported, rows_already_present, rows_rejected,
            upload_kept,
            (select coalesce(sum(length(data)), 0)::int
               from import_upload_chunk where import_run_id = r.id) as kept_bytes
       from import_run r where id = ?`,
      [id],
    );
  return run;
}

/** Polls until `probe` answers something (at most 150 s). */
export async function until<T>(probe: () => Promise<T | null>): Promise<T> {
  for (let tries = 0; tries < 600; tries++) {
    const found = await probe();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('gave up waiting');
}
