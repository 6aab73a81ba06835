import type { MikroORM } from '@mikro-orm/postgresql';
import busboy from 'busboy';
import express, { type Request, type Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AuditAction } from '../audit/audit-action.enum';
import { AuditTrail, purposeFrom } from '../audit/audit-trail';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Viewer } from '../auth/viewer';
import { isUuid } from '../common/validate';
import type { HubConfig } from '../config';
import { HubError } from '../errors';
import type { RateLimiter } from '../http/rate-limiter';
import { authenticate, sendError } from '../http/authenticated-request';
import { mayEverRead } from '../permissions/decide';
import { incidentImporters, partnerRecordImporters } from '../permissions/policy';
import type { ImportJobs } from './import-jobs';
import { storedName } from './import-file';
import { findImportRun, importRunView } from './import-run.service';
import { requestIdOf } from '../observability/access-log';

/** Statuses of the import codes; the common ones come from sendError. */
const STATUS: Record<string, number> = {
  PAYLOAD_TOO_LARGE: 413,
  IMPORT_ALREADY_RUNNING: 409,
  IMPORT_EMPTY_FILE: 400,
  IMPORT_FILE_UNREADABLE: 400,
  IMPORT_UNKNOWN_FORMAT: 400,
  IMPORT_COLUMNS_MISSING: 400,
  IMPORT_MAPPING_INVALID: 400,
  PARTNER_RECORD_WRONG_KIND: 403,
};

/** Raw bodies the endpoint takes: a file needing no mapping (data.police.uk), plain or gzip. */
const RAW_TYPES = new Set([
  'text/csv',
  'application/csv',
  'application/gzip',
  'application/x-gzip',
  'application/octet-stream',
]);

/** The largest mapping file taken with an upload. */
const MAX_MAPPING_BYTES = 256 * 1024;

class TooLarge extends Error {}

/**
 * Writes a stream to disk, counting and hashing it; past `maxBytes` it stops with TooLarge. The
 * source is never destroyed: what is left of it is read and dropped, so the client finishes
 * sending and hears the answer.
 */
function save(source: Readable, target: string, maxBytes: number) {
  return new Promise<{ bytes: number; sha256: string }>((resolve, reject) => {
    const hash = createHash('sha256');
    const out = fs.createWriteStream(target, { flags: 'wx' });
    let bytes = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      source.removeListener('data', onData);
      source.resume();
      out.destroy();
      void fs.promises.rm(target, { force: true }).finally(() => reject(error));
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) return fail(new TooLarge());
      hash.update(chunk);
      if (!out.write(chunk)) {
        source.pause();
        out.once('drain', () => failed || source.resume());
      }
    };
    source.on('data', onData);
    source.once('error', fail);
    out.once('error', fail);
    source.once('end', () => {
      if (!failed) out.end(() => resolve({ bytes, sha256: hash.digest('hex') }));
    });
  });
}

interface Upload {
  file: string;
  fileName: string;
  sha256: string;
  mapping: string | null;
}

/** A multipart form: `file`, and optionally `mapping` (a file part or a text field). */
function readMultipart(req: Request, target: string, maxBytes: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 2, fields: 4, fieldSize: MAX_MAPPING_BYTES, parts: 6 },
      });
    } catch {
      return reject(new HubError('BAD_USER_INPUT', 'The multipart form could not be read'));
    }
    let saved: Promise<{ bytes: number; sha256: string }> | null = null;
    let fileName = 'upload.csv';
    let mapping: string | null = null;
    let failed: unknown = null;
    parser.on('file', (name, stream, info) => {
      if (name === 'file' && !saved) {
        fileName = info.filename || fileName;
        saved = save(stream, target, maxBytes);
        saved.catch((error) => (failed ??= error));
      } else if (name === 'mapping') {
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_MAPPING_BYTES) chunks.push(chunk);
          else failed ??= new TooLarge();
        });
        stream.on('end', () => (mapping = Buffer.concat(chunks).toString('utf8')));
      } else {
        stream.resume();
      }
    });
    parser.on('field', (name, value) => {
      if (name === 'mapping') mapping = value;
    });
    parser.on('error', (error) => (failed ??= error));
    parser.on('close', async () => {
      try {
        if (saved) await saved.catch(() => undefined);
        if (failed) throw failed;
        if (!saved) {
          throw new HubError(
            'BAD_USER_INPUT',
            'The form has no "file" part: send the file as "file"',
          );
        }
        resolve({ file: target, fileName, sha256: (await saved).sha256, mapping });
      } catch (error) {
        await fs.promises.rm(target, { force: true });
        reject(error);
      }
    });
    req.pipe(parser);
  });
}

/**
 * Bulk import over HTTP (README "Bulk import"): POST /imports with the same bearer token as GraphQL,
 * by analysts and supervisors (the policy's `incidentImporters`) for their own partner; a file of
 * the partner's own records (a mapping with `records`) by its supervisors only. The upload
 * is kept in IMPORT_DIR, its import runs in the background and the answer is 202 with the run's id
 * and status URL. GET /imports/:id is the run's status, GET /imports/:id/rejected.csv its rejected
 * rows report (audited: the rows are the partner's records as sent). Errors have GraphQL's shape.
 */
export function importRoutes(deps: {
  orm: MikroORM;
  config: HubConfig;
  verifier: TokenVerifier;
  rateLimiter: RateLimiter;
  jobs: ImportJobs;
}) {
  const router = express.Router();
  const databaseUrl = String(deps.orm.config.get('clientUrl'));

  const handle =
    (work: (req: Request, res: Response, viewer: Viewer, requestId: string) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const requestId = requestIdOf(res);
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-request-id', requestId);
      try {
        const viewer = await authenticate(deps, req, res, deps.orm.em.fork());
        // Anyone who may import something; what the file holds is checked once it is known
        // (partner records: supervisors of a partner of their kind, src/imports/partner-record-importer.ts).
        if (
          !mayEverRead(incidentImporters, viewer) &&
          !mayEverRead(partnerRecordImporters, viewer)
        ) {
          throw new HubError(
            'FORBIDDEN',
            'Only analysts and supervisors import incidents (supervisors their partner\u2019s own records too), and follow their imports',
          );
        }
        await work(req, res, viewer, requestId);
      } catch (error) {
        // An upload refused before its body was read: the rest is dropped, so the client hears why.
        req.resume();
        if (res.headersSent) return;
        const refusal =
          error instanceof TooLarge
            ? new HubError(
                'PAYLOAD_TOO_LARGE',
                `The file is larger than the ${deps.config.imports.maxBytes} bytes an upload may be (IMPORT_MAX_BYTES)`,
              )
            : error;
        sendError(res, refusal, requestId, STATUS);
      }
    };

  router.post(
    '/',
    handle(async (req, res, viewer, requestId) => {
      const { maxBytes, dir } = deps.config.imports;
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxBytes + MAX_MAPPING_BYTES + 64 * 1024) throw new TooLarge();
      const contentType = String(req.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
      await fs.promises.mkdir(dir, { recursive: true });
      const uploadId = randomUUID();
      let upload: Upload;
      if (contentType === 'multipart/form-data') {
        upload = await readMultipart(req, path.join(dir, `${uploadId}.upload`), maxBytes);
      } else if (RAW_TYPES.has(contentType)) {
        const target = path.join(dir, `${uploadId}.upload`);
        const saved = await save(req, target, maxBytes);
        const named = req.query.fileName ?? req.headers['x-file-name'];
        upload = {
          file: target,
          fileName: typeof named === 'string' && named ? named : 'upload.csv',
          sha256: saved.sha256,
          mapping: null,
        };
      } else {
        throw new HubError(
          'BAD_USER_INPUT',
          'Send the file as multipart/form-data (fields "file" and, for a partner system\u2019s CSV, "mapping"), or as a text/csv or application/gzip body',
          { http: { status: 415 } },
        );
      }
      const fileName = storedName(upload.fileName);
      const file = path.join(path.resolve(dir), `${uploadId}-${fileName}`);
      await fs.promises.rename(upload.file, file);
      let started;
      try {
        // The upload holds the partner's records: it is kept only while its run needs it, on this
        // disk and in the database (for another process to take over if this one stops); a failed
        // run is resumed by uploading the same file again. The rejected rows report stays.
        const removeUpload = () => fs.promises.rm(file, { force: true });
        started = await deps.jobs.start(
          {
            databaseUrl,
            file,
            partner: viewer.partnerId,
            mapping: upload.mapping,
            fileName,
            startedBy: viewer,
            sha256: upload.sha256,
            batchRows: deps.config.imports.batchRows,
            rejectedReportPath: `${file}.rejected.csv`,
            keepUpload: true,
            audit: {
              enabled: deps.config.auditEnabled,
              operation: 'POST /imports',
              purpose: purposeFrom(req.headers['x-purpose']),
              requestId,
            },
          },
          removeUpload,
        );
      } catch (error) {
        await fs.promises.rm(file, { force: true });
        throw error;
      }
      res.status(202).json({
        importRun: {
          id: started.runId,
          status: 'RUNNING',
          format: started.format,
          fileName,
          resumedAfterLine: started.resumedAfterLine,
          statusUrl: `/imports/${started.runId}`,
        },
      });
    }),
  );

  const runOf = async (req: Request, viewer: Viewer) => {
    const id = String(req.params.id);
    if (!isUuid(id))
      throw new HubError('NOT_FOUND', `No import run with id ${id} that you can see`);
    return findImportRun(deps.orm.em.fork(), viewer, id.toLowerCase());
  };

  router.get(
    '/:id',
    handle(async (req, res, viewer) => {
      const view = importRunView(await runOf(req, viewer));
      res.status(200).json({
        importRun: {
          ...view,
          partner: { id: view.partner.id, name: view.partner.name, kind: view.partner.kind },
        },
      });
    }),
  );

  router.get(
    '/:id/rejected.csv',
    handle(async (req, res, viewer, requestId) => {
      const run = await runOf(req, viewer);
      const report = run.rejectedReportPath;
      const stat = report ? await fs.promises.stat(report).catch(() => null) : null;
      if (!report || !stat?.isFile()) {
        throw new HubError('NOT_FOUND', `Import run ${run.id} has no rejected rows report`);
      }
      // The report holds rows as the partner sent them (descriptions can name people): audited,
      // and not sent if the audit cannot be written.
      const trail = new AuditTrail(
        deps.config.auditEnabled,
        requestId,
        viewer,
        purposeFrom(req.headers['x-purpose']),
      );
      trail.operation = 'GET /imports/:id/rejected.csv';
      await trail.writeRows(deps.orm.em.fork(), [
        {
          action: AuditAction.READ,
          subjectType: 'ImportRejectedRows',
          subjectId: run.id,
          personId: null,
          caseId: null,
          fields: ['line', 'reason', 'row'],
        },
      ]);
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader(
          'content-disposition',
          `attachment; filename="${storedName(run.fileName)}.rejected.csv"`,
        );
      await pipeline(fs.createReadStream(report), res);
    }),
  );

  return router;
}
