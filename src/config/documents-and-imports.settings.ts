import { wholeNumber, text } from './parsers';
import { setting, DAY_MS } from './setting';

/** Printing documents to PDF (src/documents/) and bulk import of partners’ files (src/imports/). */
export const DOCUMENTS_AND_IMPORTS_SETTINGS = {
  title: 'Documents and bulk import',
  settings: {
    CHROMIUM_PATH: setting(text, '/usr/bin/chromium', {
      meaning: 'The Chromium that prints documents to PDF (Debian’s `chromium` package).',
    }),
    IMPORT_DIR: setting(text, '.data/imports', {
      meaning:
        'Where uploads to `POST /imports` and their rejected rows reports are kept (see [Bulk import](import.md)).',
    }),
    IMPORT_MAX_BYTES: setting(wholeNumber(1024, 64 * 1024 ** 3), 200 * 1024 * 1024, {
      shown: '`209715200` (200 MB)',
      meaning: 'Largest upload; larger gets HTTP 413 `PAYLOAD_TOO_LARGE`.',
    }),
    IMPORT_BATCH_ROWS: setting(wholeNumber(1, 100_000), 5000, {
      meaning: 'Rows per import batch, each one transaction.',
    }),
    IMPORT_REJECTED_REPORT_DAYS: setting(wholeNumber(1, 3650), 30, {
      meaning:
        'A finished run’s rejected rows report (partners’ rows as sent) is deleted this many days after the run ended; the run keeps its counts and the report URL then answers 404.',
    }),
    IMPORT_RETENTION_SWEEP_MS: setting(wholeNumber(10, DAY_MS), 3600_000, {
      meaning: 'How often the hub looks for rejected rows reports past their retention.',
    }),
    IMPORT_TAKEOVER_SWEEP_MS: setting(wholeNumber(10, 3600_000), 15_000, {
      meaning:
        'How often each process looks for an upload’s import that no process runs any more (its process stopped or died) and finishes it after its checkpoint.',
    }),
  },
};
