import fs from 'node:fs';
import { once } from 'node:events';
import { csvLine } from '../common/csv';

/** One row the import refused: its physical line, why, and what it held. */
export interface RejectedRow {
  line: number;
  reason: string;
  fields: readonly string[];
}

/**
 * The rejected rows report, written next to the input as `<input>.rejected.csv`: the line, the
 * reason, then the row as it was, under the file's own header, so a partner can fix the rows
 * and import the report's rows again. Created at the first rejected row; a resumed run writes it
 * again from the start (the lines before its checkpoint are read again), so it never repeats a row.
 */
export class RejectedReport {
  private stream: fs.WriteStream | null = null;
  private count = 0;

  constructor(
    readonly path: string,
    private readonly header: readonly string[],
  ) {}

  /** Removes a report left by an earlier run of the same file. */
  async clear(): Promise<void> {
    await fs.promises.rm(this.path, { force: true });
  }

  get written(): number {
    return this.count;
  }

  get exists(): boolean {
    return this.stream !== null;
  }

  async add(rows: readonly RejectedRow[]): Promise<void> {
    if (rows.length === 0) return;
    if (!this.stream) {
      this.stream = fs.createWriteStream(this.path, { flags: 'w' });
      this.stream.write(csvLine(['line', 'reason', ...this.header.map((name) => name.trim())]));
    }
    let text = '';
    for (const row of rows) text += csvLine([String(row.line), row.reason, ...row.fields]);
    this.count += rows.length;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (!this.stream) return;
    const stream = this.stream;
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(resolve);
    });
  }
}
