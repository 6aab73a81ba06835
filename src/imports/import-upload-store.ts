import fs from 'node:fs';
import type { ClientBase } from 'pg';

/*
 * An upload's bytes kept in PostgreSQL (import_upload_chunk) while its run needs them, so that a
 * run whose hub process stopped or died can be finished by any other process on the same database
 * with no disk shared between them. The partner's file is personal data: it is kept no longer
 * than its run, and never shown to anyone; it is only read back to import it.
 */

/** One row per MiB: small enough for one statement's memory, few enough rows for a large file. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Stores the file as the run's upload, inside the caller's transaction (the run's own), unless it
 * is stored already (a resumed run of the same file).
 */
export async function keepUpload(client: ClientBase, runId: string, file: string): Promise<void> {
  const { rows } = await client.query<{ kept: boolean }>(
    'SELECT upload_kept AS kept FROM import_run WHERE id = $1',
    [runId],
  );
  if (rows[0]?.kept) return;
  await client.query('DELETE FROM import_upload_chunk WHERE import_run_id = $1', [runId]);
  let seq = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    await client.query(
      'INSERT INTO import_upload_chunk (import_run_id, seq, data) VALUES ($1, $2, $3)',
      [runId, seq++, chunk],
    );
  }
  await client.query('UPDATE import_run SET upload_kept = true WHERE id = $1', [runId]);
}

/** Writes the run's kept upload to `target` (a new file); false if none is kept. */
export async function restoreUpload(
  client: ClientBase,
  runId: string,
  target: string,
): Promise<boolean> {
  const { rows: count } = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM import_upload_chunk WHERE import_run_id = $1',
    [runId],
  );
  if (count[0].n === 0) return false;
  const out = fs.createWriteStream(target, { flags: 'wx' });
  try {
    // A chunk at a time: a large upload is never held whole in memory.
    for (let seq = 0; seq < count[0].n; seq++) {
      const { rows } = await client.query<{ data: Buffer }>(
        'SELECT data FROM import_upload_chunk WHERE import_run_id = $1 AND seq = $2',
        [runId, seq],
      );
      if (!rows[0]) throw new Error(`kept upload of run ${runId} lacks piece ${seq}`);
      if (!out.write(rows[0].data))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    return true;
  } catch (error) {
    out.destroy();
    await fs.promises.rm(target, { force: true });
    throw error;
  }
}

/** The run has ended (completed, or failed in a way another attempt would not mend). */
export async function forgetUpload(client: ClientBase, runId: string): Promise<void> {
  await client.query('DELETE FROM import_upload_chunk WHERE import_run_id = $1', [runId]);
  await client.query('UPDATE import_run SET upload_kept = false WHERE id = $1', [runId]);
}
