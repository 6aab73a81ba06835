import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { AuditAction } from '../audit/audit-action.enum';
import { AuditTrail } from '../audit/audit-trail';
import type { TokenVerifier } from '../auth/token-verifier';
import type { HubConfig } from '../config';
import { HubError } from '../errors';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  databaseUnavailable,
  isDatabaseUnavailable,
} from '../db/database-unavailable';
import { DOCUMENT_CSP } from '../http/http-defaults';
import { errorFields, log } from '../log';
import { Role } from '../users/role.enum';
import {
  SUBJECT_ACCESS_SECTIONS,
  subjectAccessExport,
  subjectAccessHtml,
} from './subject-access.export';
import { SubjectAccessRequest } from './subject-access-request.entity';
import { noteRequest, requestIdOf } from '../observability/access-log';

/** The purpose the audit records for every export. */
export const SUBJECT_ACCESS_PURPOSE = 'subject access';

const FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(json|html)$/i;

const refuse = (res: express.Response, status: number, code: string, message: string) =>
  res.status(status).json({ errors: [{ message, extensions: { code } }] });

/**
 * GET /subject-access/{requestId}.json and .html: the export of a subject access request, with the
 * data protection officer's bearer token. The same checks as GraphQL (a valid token of an active
 * user, then the DPO role); the export and its audit entry (the DPO, the person, the purpose
 * "subject access") commit together, or nothing is sent.
 */
export function subjectAccessRouter(orm: MikroORM, config: HubConfig, verifier: TokenVerifier) {
  const router = express.Router();
  router.get('/subject-access/:file', async (req, res): Promise<void> => {
    const requestId = requestIdOf(res);
    res.set('cache-control', 'no-store');
    const em = orm.em.fork();
    let viewer;
    try {
      viewer = await verifier.verify(req.headers.authorization, em);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      const message =
        error instanceof HubError ? error.message : 'A valid bearer token is required';
      return void refuse(res, 401, 'UNAUTHENTICATED', message);
    }
    noteRequest(requestId, { userId: viewer.userId });
    if (viewer.role !== Role.DATA_PROTECTION_OFFICER) {
      return void refuse(
        res,
        403,
        'FORBIDDEN',
        'Only the data protection officer may export a subject access request',
      );
    }
    const match = FILE.exec(String(req.params.file));
    const missing = () =>
      refuse(
        res,
        404,
        'NOT_FOUND',
        `No subject access request with id ${req.params.file} that you can see`,
      );
    if (!match) return void missing();
    const [, id, format] = match;
    const request = await em.findOne(SubjectAccessRequest, { id: id.toLowerCase() });
    if (!request?.person) return void missing();
    const personId = request.person.id;
    let data;
    try {
      data = await em.transactional(async (tx) => {
        const exported = await subjectAccessExport(tx, request.id, personId);
        const trail = new AuditTrail(
          config.auditEnabled,
          requestId,
          viewer,
          SUBJECT_ACCESS_PURPOSE,
        );
        trail.operation = `GET /subject-access/${request.id}.${format}`;
        await trail.writeRows(tx, [
          {
            action: AuditAction.READ,
            subjectType: 'SubjectAccessExport',
            subjectId: request.id,
            personId,
            caseId: null,
            fields: SUBJECT_ACCESS_SECTIONS,
          },
        ]);
        return exported;
      });
    } catch (error) {
      if (error instanceof HubError && error.extensions.code === 'AUDIT_UNAVAILABLE') {
        return void refuse(res, 503, 'AUDIT_UNAVAILABLE', error.message);
      }
      if (isDatabaseUnavailable(error)) {
        const unavailable = databaseUnavailable();
        res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        return void refuse(res, 503, 'DATABASE_UNAVAILABLE', unavailable.message);
      }
      log.error('subject access export failed', { requestId, ...errorFields(error) });
      return void refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
    if (format.toLowerCase() === 'html') {
      res
        .setHeader('content-security-policy', DOCUMENT_CSP)
        .type('text/html; charset=utf-8')
        .send(subjectAccessHtml(data));
    } else {
      res.type('application/json').send(JSON.stringify(data, null, 2));
    }
  });
  return router;
}
