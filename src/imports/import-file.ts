import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { CsvRecordReader, type CsvRecord } from './csv-records';

/** The text encodings a partner's export may use (Windows exports are often Latin-1). */
export type ImportEncoding = 'utf8' | 'latin1';

/** A name safe to keep on the hub's disk: the client's, without folders or odd characters. */
export function storedName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[^A-Za-z0-9._-]+/g, '_');
  return (base.replace(/^\.+/, '') || 'upload.csv').slice(-100);
}

/** SHA-256 of the file's bytes, as stored: a run of the same file resumes the unfinished one. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The first bytes of the file: gzip is recognised by its magic number, whatever the name. */
export async function firstBytes(path: string, count: number): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export const isGzip = (head: Buffer) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
/** A zip archive (an .xlsx workbook is one): worth naming, because it is a common mistake. */
export const isZip = (head: Buffer) =>
  head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4;

export interface RecordChunk {
  records: CsvRecord[];
  /** Bytes of the file (compressed, if it is) read so far: progress against its size. */
  bytesRead: number;
}

/**
 * The file's CSV records as they stream in, a chunk at a time: the file is never held in memory,
 * and a gzip file is unpacked on the way.
 */
export async function* readRecordChunks(
  path: string,
  options: { gzip: boolean; encoding: ImportEncoding; delimiter: string },
): AsyncGenerator<RecordChunk> {
  const file = fs.createReadStream(path, { highWaterMark: 64 * 1024 });
  let bytesRead = 0;
  file.on('data', (chunk) => {
    bytesRead += chunk.length;
  });
  const text = options.gzip ? file.pipe(createGunzip()) : file;
  if (options.gzip) file.on('error', (error) => text.destroy(error));
  text.setEncoding(options.encoding);
  const reader = new CsvRecordReader(options.delimiter);
  try {
    for await (const chunk of text) {
      const records: CsvRecord[] = [];
      reader.push(chunk as string, records);
      if (records.length > 0) yield { records, bytesRead };
    }
    const records: CsvRecord[] = [];
    reader.end(records);
    yield { records, bytesRead };
  } finally {
    file.destroy();
    if (text !== file) text.destroy();
  }
}
