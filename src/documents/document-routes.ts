import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import { purposeFrom } from '../audit/audit-trail';
import type { TokenVerifier } from '../auth/token-verifier';
import type { HubConfig } from '../config';
import { createContext, type HubContext } from '../context';
import { HubError } from '../errors';
import { authenticate, requireReadable, sendError } from '../http/authenticated-request';
import { DOCUMENT_CSP } from '../http/http-defaults';
import type { RateLimiter } from '../http/rate-limiter';
import { meetingPack } from '../meetings/meeting-pack.service';
import { MeetingPackAudience } from '../meetings/meeting-pack.type';
import { letterHtml, statementHtml } from './document-html';
import { auditMeetingPack, meetingPackHtml } from './meeting-pack-document';
import { buildLeadOfficerStatement } from './lead-officer-statement.service';
import { latestSentLetter } from './letter-template.service';
import type { PdfRenderer } from './pdf-renderer';
import { requestIdOf } from '../observability/access-log';

/** Document codes' HTTP statuses, beyond the hub's common ones. */
const STATUS: Record<string, number> = {
  PDF_UNAVAILABLE: 503,
  PACK_FOR_OWN_PARTNER_ONLY: 403,
};

type Format = 'html' | 'pdf';

/**
 * Documents at authenticated URLs: the same bearer token, policy, row scoping, audit and rate
 * limit as GraphQL. A hidden case or intervention answers 404 like a missing one. The audit of
 * what a document shows is written before it is sent; if it cannot be, nothing is sent (503).
 */
export function documentRoutes(deps: {
  orm: MikroORM;
  config: HubConfig;
  verifier: TokenVerifier;
  rateLimiter: RateLimiter;
  pdf: PdfRenderer;
}) {
  const router = express.Router();

  const serve =
    (
      operation: string,
      /** The GraphQL field whose policy decides who may have this document. */
      readableAs: [string, string],
      produce: (ctx: HubContext, id: string, req: Request) => Promise<string>,
    ) =>
    async (req: Request, res: Response) => {
      const requestId = requestIdOf(res);
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-request-id', requestId);
      try {
        const format = req.params.format as Format;
        if (format !== 'html' && format !== 'pdf')
          throw new HubError('NOT_FOUND', 'No such document');
        const em = deps.orm.em.fork();
        const viewer = await authenticate(deps, req, res, em);
        requireReadable(viewer, readableAs);
        const ctx = createContext({
          requestId,
          viewer,
          em,
          config: deps.config,
          purpose: purposeFrom(req.headers['x-purpose']),
        });
        ctx.audit.operation = `${operation}.${format}`;
        const document = await produce(ctx, String(req.params.id), req);
        const body = format === 'pdf' ? await deps.pdf.pdf(document) : document;
        // Fails closed: no audit, no document.
        await ctx.audit.flushReads(em);
        if (format === 'pdf') {
          res.status(200).type('application/pdf').send(body);
        } else {
          res
            .status(200)
            .setHeader('content-security-policy', DOCUMENT_CSP)
            .type('text/html; charset=utf-8')
            .send(body);
        }
      } catch (error) {
        sendError(res, error, requestId, STATUS);
      }
    };

  router.get(
    '/cases/:id/statement.:format',
    serve(
      'GET /documents/cases/:id/statement',
      ['Query', 'leadOfficerStatement'],
      async (ctx, id) =>
        statementHtml(await buildLeadOfficerStatement(ctx.em, ctx.viewer, id, ctx.audit)),
    ),
  );
  router.get(
    '/interventions/:id/letter.:format',
    serve('GET /documents/interventions/:id/letter', ['SentLetter', 'text'], async (ctx, id) => {
      const { intervention, letter } = await latestSentLetter(ctx.em, ctx.viewer, id);
      // A letter in both languages prints its English part too: that read is audited as well.
      for (const field of letter.secondText ? ['text', 'secondText'] : ['text'])
        ctx.audit.read('SentLetter', field, {
          id: letter.id,
          personId: intervention.subject?.id ?? null,
          caseId: intervention.case.id,
        });
      return letterHtml(letter);
    }),
  );
  router.get(
    '/meetings/:id/pack.:format',
    serve('GET /documents/meetings/:id/pack', ['Query', 'meetingPack'], async (ctx, id, req) => {
      const audience = String(req.query.audience ?? MeetingPackAudience.WHOLE_MEETING);
      if (
        audience !== MeetingPackAudience.WHOLE_MEETING &&
        audience !== MeetingPackAudience.PARTNER
      ) {
        throw new HubError('BAD_USER_INPUT', 'audience is WHOLE_MEETING or PARTNER', {
          field: 'audience',
        });
      }
      const partnerId = typeof req.query.partnerId === 'string' ? req.query.partnerId : null;
      const pack = await meetingPack(
        ctx.em,
        ctx.viewer,
        { meetingId: id, audience, partnerId },
        ctx.loaders.liveBasesByPerson,
      );
      auditMeetingPack(pack, ctx.audit);
      return meetingPackHtml(pack);
    }),
  );
  return router;
}
