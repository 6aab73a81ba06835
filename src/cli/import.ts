import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setClock } from '../common/clock';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { prepareDatabase } from '../db/start-up';
import { HubError } from '../errors';
import {
  findImportingUser,
  ImportFailed,
  importIncidentFile,
  type ImportSummary,
} from '../imports/import.service';
import { ImportFormat } from '../imports/import-enums';
import { ProgressBar } from './progress-bar';

const USAGE = `Usage: npm run import -- <file> --partner <partner id or exact name> [options]

  <file>                 data.police.uk street-level CSV, or a partner system's CSV with --mapping;
                         plain or gzip (recognised by its content)
  --partner <p>          the partner whose records these are
  --mapping <m.json>     the mapping file of a partner system's CSV (docs/import.md);
                         with "records", a file of the partner's own records (needs --user)
  --user <username>      the hub user importing (an analyst or supervisor of the partner; a
                         supervisor for its own records), named in the audit and on each report
  --report <path>        where to write rejected rows (default: <file>.rejected.csv)
  --batch-rows <n>       rows per transaction (default IMPORT_BATCH_ROWS, 5000)
  --purpose <text>       why, for the audit

Importing the same file again adds nothing; after a failure it resumes where it stopped.`;

const number = (n: number) => Math.round(n).toLocaleString('en-GB');

function summaryLine(summary: ImportSummary): string {
  return [
    `${summary.status === 'COMPLETED' ? 'Imported' : 'Stopped:'} ${number(summary.rowsImported)}`,
    summary.format === ImportFormat.PARTNER_RECORD_CSV
      ? `new records, ${number(summary.rowsUpdated)} updated,`
      : 'new incidents,',
    `${number(summary.rowsAlreadyPresent)} already present, ${number(summary.rowsRejected)} rejected`,
    `(run ${summary.runId}${summary.resumedAfterLine ? `, resumed after line ${number(summary.resumedAfterLine)}` : ''}).`,
    `${number(summary.rowsRead)} rows in ${summary.seconds.toFixed(1)} s, ${number(summary.rowsPerSecond)} rows/s.`,
    `Rejected rows: ${summary.rejectedReportPath ?? 'none'}`,
  ].join(' ');
}

/** Next to the input, unless its folder cannot be written (a read-only data set): then the imports folder. */
function reportPath(file: string, importDir: string): string {
  const beside = `${file}.rejected.csv`;
  try {
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    return beside;
  } catch {
    fs.mkdirSync(importDir, { recursive: true });
    return path.join(path.resolve(importDir), `${path.basename(file)}.rejected.csv`);
  }
}

/** `npm run import -- <file> --partner <p>`: docs/import.md. */
async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        partner: { type: 'string' },
        mapping: { type: 'string' },
        user: { type: 'string' },
        report: { type: 'string' },
        'batch-rows': { type: 'string' },
        purpose: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help || positionals.length !== 1 || !values.partner) {
    console.error(USAGE);
    return 2;
  }
  const file = positionals[0];
  const batchRows = values['batch-rows'] ? Number(values['batch-rows']) : undefined;
  if (batchRows !== undefined && (!Number.isInteger(batchRows) || batchRows < 1)) {
    console.error('--batch-rows must be a whole number of at least 1');
    return 2;
  }

  const config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV || 'development' });
  if (config.clockStart) setClock(config.clockStart, { asOfMs: config.clockStartAsOfMs });
  const database = await openDatabase(config, { joinRunningHub: true });
  const bar = new ProgressBar();
  try {
    // As `npm start` does: migrations, and the demo story into an empty development database.
    await prepareDatabase(database, config);
    let mapping: string | null = null;
    if (values.mapping) {
      try {
        mapping = fs.readFileSync(values.mapping, 'utf8');
      } catch (error) {
        throw new HubError(
          'IMPORT_MAPPING_INVALID',
          `The mapping file cannot be read: ${(error as Error).message}`,
        );
      }
    }
    const startedBy = values.user
      ? await findImportingUser(database.url, values.user, values.partner)
      : null;
    const summary = await importIncidentFile({
      databaseUrl: database.url,
      // A file of partner records is written through the partner-record service, on the ORM.
      orm: database.orm,
      file,
      partner: values.partner,
      mapping,
      startedBy,
      audit: {
        enabled: config.auditEnabled,
        operation: `npm run import (${os.userInfo().username}@${os.hostname()})`,
        purpose: values.purpose ?? null,
      },
      batchRows: batchRows ?? config.imports.batchRows,
      rejectedReportPath: values.report ?? reportPath(file, config.imports.dir),
      onProgress: (progress) =>
        bar.update(
          progress.fileBytes ? progress.bytesRead / progress.fileBytes : 0,
          progress.catchingUp
            ? `reading again up to the checkpoint: line ${number(progress.line)}`
            : `line ${number(progress.line)}: ${number(progress.rowsImported)} imported, ${number(progress.rowsAlreadyPresent)} already present, ${number(progress.rowsRejected)} rejected`,
        ),
    });
    bar.done();
    console.log(summaryLine(summary));
    return 0;
  } catch (error) {
    bar.done();
    if (error instanceof ImportFailed) {
      console.error(summaryLine(error.summary));
      console.error(`${error.message}\nRun the same command again to resume from there.`);
    } else if (error instanceof HubError) {
      console.error(`Refused (${String(error.extensions.code)}): ${error.message}`);
    } else {
      throw error;
    }
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  },
);
