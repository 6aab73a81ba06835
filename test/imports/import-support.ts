import { spawn, type ChildProcess } from 'node:child_process';
import { hubClockEnv } from '../support/clock';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { HubError } from '../../src/errors';
import { CsvRecordReader, type CsvRecord } from '../../src/imports/csv-records';
import {
  ImportFailed,
  importIncidentFile,
  type ImportOptions,
  type ImportSummary,
} from '../../src/imports/import.service';
import type { TestHub } from '../support/hub';

/*
 * The sample: 303 rows cut from the shared data.police.uk file (asb-street-2018-10_2019-01.csv.gz,
 * Open Government Licence v3.0): the first 200 (Avon and Somerset, many identical rows), rows
 * with no location, with coordinates but no LSOA, with quoted commas, in Wales, and in later months.
 */
export const SAMPLE = path.resolve(__dirname, 'fixtures/police-uk-sample.csv');
export const EXAMPLE_MAPPING = path.resolve(__dirname, '../../examples/import-mapping.json');
export const EXAMPLE_EXPORT = path.resolve(__dirname, '../../examples/housing-asb-export.csv');

/** The sample's lines: the header, then one row each (no quoted line breaks in it). */
export function sampleLines(): string[] {
  return fs.readFileSync(SAMPLE, 'utf8').trimEnd().split('\n');
}

/** The sample's rows as fields (some hold quoted commas), without the header. */
export function sampleRecords(): string[][] {
  return readReport(SAMPLE).slice(1);
}

/** A folder of this test's own, removed at the end of the run by the OS (tmpdir). */
export function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'asb-import-test-'));
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

export const gzip = (text: string) => gzipSync(Buffer.from(text, 'utf8'));

/** The database the hub under test uses. */
export const databaseUrlOf = (hub: TestHub) => String(hub.orm.config.get('clientUrl'));

/** Runs an import against the hub's database; its rejected report goes next to the file. */
export function importInto(
  hub: TestHub,
  options: Omit<ImportOptions, 'databaseUrl'>,
): Promise<ImportSummary> {
  return importIncidentFile({ databaseUrl: databaseUrlOf(hub), ...options });
}

/** The code of a refusal, or of whatever else was thrown. */
export async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof HubError) return String(error.extensions.code);
    if (error instanceof ImportFailed) return `FAILED: ${error.message}`;
    throw error;
  }
  return 'NOT REFUSED';
}

export interface PartnerCounts {
  incidents: number;
  reports: number;
  runs: number;
  audited: number;
}

/** A partner the import left untouched. */
export const NOTHING: PartnerCounts = { incidents: 0, reports: 0, runs: 0, audited: 0 };

/** What the hub holds for a partner: its incidents, its reports, its runs and their audit entries. */
export async function countsFor(hub: TestHub, partnerId: string): Promise<PartnerCounts> {
  const [row] = await hub
    .em()
    .execute<{ incidents: string; reports: string; runs: string; audited: string }[]>(
      `select (select count(*) from incident where recorded_by_partner_id = ?) as incidents,
            (select count(*) from incident_report where partner_id = ?) as reports,
            (select count(*) from import_run where partner_id = ?) as runs,
            (select count(*) from audit_entry where subject_type = 'ImportRun'
               and subject_id in (select id::text from import_run where partner_id = ?)) as audited`,
      [partnerId, partnerId, partnerId, partnerId],
    );
  return {
    incidents: Number(row.incidents),
    reports: Number(row.reports),
    runs: Number(row.runs),
    audited: Number(row.audited),
  };
}

/** The rejected rows report as records: line, reason, then the row's fields. */
export function readReport(file: string): string[][] {
  const reader = new CsvRecordReader();
  const out: CsvRecord[] = [];
  reader.push(fs.readFileSync(file, 'utf8'), out);
  reader.end(out);
  return out.map((record) => ('fields' in record ? record.fields : [record.malformed]));
}

/** Runs SQL on the hub's database from a connection of the test's own. */
export async function withClient<T>(
  hub: TestHub,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: databaseUrlOf(hub) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const ROOT = path.resolve(__dirname, '../..');

/** The CLI as an operator runs it (`npm run import -- ...`), against the hub's database. */
export function spawnCli(hub: TestHub, args: string[]): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src/cli/import.ts'), ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrlOf(hub),
        NODE_ENV: 'test',
        HUB_LOG: 'silent',
        ...hubClockEnv(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to its end; `onStderr` sees its progress as it comes (and may kill it). */
export function runCli(
  hub: TestHub,
  args: string[],
  onStderr?: (text: string, child: ChildProcess) => void,
): Promise<CliResult> {
  const child = spawnCli(hub, args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
    onStderr?.(stderr, child);
  });
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

/** A body for POST /imports: raw bytes of a type, or a multipart form. */
export type Body =
  | { kind: 'raw'; type: string; data: Buffer | string }
  | { kind: 'form'; form: FormData };

export async function postImport(hub: TestHub, body: Body, token?: string, query = '') {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body.kind === 'raw') headers['content-type'] = body.type;
  const response = await fetch(`${hub.url}/imports${query}`, {
    method: 'POST',
    headers,
    body: body.kind === 'raw' ? body.data : body.form,
  });
  return { status: response.status, body: (await response.json()) as any };
}

export const csv = (data: Buffer | string): Body => ({ kind: 'raw', type: 'text/csv', data });

/** A multipart form: part name to its content and file name. */
export function form(parts: Record<string, [Buffer | string, string]>): Body {
  const data = new FormData();
  for (const [name, [content, fileName]] of Object.entries(parts))
    data.append(name, new Blob([content]), fileName);
  return { kind: 'form', form: data };
}

export async function getFrom(hub: TestHub, url: string, token?: string) {
  const response = await fetch(`${hub.url}${url}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text,
    json: () => JSON.parse(text),
  };
}

/** Follows a run's status URL until the run has ended. */
export async function finishedRun<Run extends { status: string }>(
  hub: TestHub,
  statusUrl: string,
  token: string,
): Promise<Run> {
  for (let i = 0; i < 400; i++) {
    const { json } = await getFrom(hub, statusUrl, token);
    const run = json().importRun as Run;
    if (run.status !== 'RUNNING') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${statusUrl} still running`);
}
