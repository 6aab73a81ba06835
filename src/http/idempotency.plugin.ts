import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { Kind, type FormattedExecutionResult } from 'graphql';
import { auditOutcome } from '../audit/audit-plugin';
import { AuditAction } from '../audit/audit-action.enum';
import { clock } from '../common/clock';
import type { HubContext } from '../context';
import { runStatement } from '../db/prepared';
import { HubError, type ErrorCode } from '../errors';
import { errorFields, log } from '../log';

/*
 * `Idempotency-Key` on a mutation (issue 14; docs/clients.md "Retrying a mutation: Idempotency-Key"): the
 * first request with a key runs, its answer is stored, and a retry with the same key and the same
 * request gets that answer again instead of writing a second time.
 */

/** The header a client sends, and the one a replayed answer carries. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

/** 1–200 printable ASCII characters (a UUID is the usual choice). */
const VALID_KEY = /^[\x20-\x7e]{1,200}$/;

const IN_PROGRESS = 'IN_PROGRESS';
const COMPLETED = 'COMPLETED';

interface Keyed {
  userId: string;
  key: string;
  sha256: string;
  /** True once this request holds the key (it reserved it, or took over an expired one). */
  reserved: boolean;
}

interface StoredRequest {
  request_sha256: string;
  status: string;
  request_id: string;
  response: FormattedExecutionResult | null;
  http_status: number | null;
}

const badKey = (message: string) =>
  new HubError('BAD_USER_INPUT', message, {
    field: IDEMPOTENCY_KEY_HEADER,
    http: { status: 400 },
  });

/** JSON with every object's keys in order, so the same variables always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((name) => (value as Record<string, unknown>)[name] !== undefined)
      .map((name) => `${JSON.stringify(name)}:${canonicalJson((value as any)[name])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const requestHash = (query: string, operationName: string | null, variables: unknown) =>
  createHash('sha256')
    .update(canonicalJson([query, operationName, variables ?? {}]))
    .digest('hex');

/** An answer made here, not by execution: errors formatted as the client sees them. */
function answer(
  status: number,
  code: ErrorCode,
  message: string,
  headers: [string, string][] = [],
): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap(headers) },
    body: {
      kind: 'single',
      singleResult: { data: null, errors: [{ message, extensions: { code } }] },
    },
  };
}

const RESERVE = `insert into idempotent_request
  (user_id, key, request_sha256, status, request_id, created_at, expires_at)
  values (?, ?, ?, '${IN_PROGRESS}', ?, ?::timestamptz, ?::timestamptz)
  on conflict (user_id, key) do nothing
  returning user_id`;

/** An expired key is taken over in one statement: of two requests at once, one gets it. */
const TAKE_OVER = `update idempotent_request
  set request_sha256 = ?, status = '${IN_PROGRESS}', request_id = ?, response = null,
      http_status = null, created_at = ?::timestamptz, expires_at = ?::timestamptz
  where user_id = ? and key = ? and expires_at <= ?::timestamptz
  returning user_id`;

const FIND = `select request_sha256, status, request_id, response, http_status
  from idempotent_request where user_id = ? and key = ?`;

/** Stored answers are personal data: deleted once their key has expired. */
const PURGE_EXPIRED = `delete from idempotent_request where expires_at <= ?::timestamptz`;

const COMPLETE = `update idempotent_request
  set status = '${COMPLETED}', response = ?::jsonb, http_status = ?
  where user_id = ? and key = ? and request_id = ?`;

const RELEASE = `delete from idempotent_request where user_id = ? and key = ? and request_id = ?`;

/** Reserves the key for this request, or says what holds it. */
async function reserve(
  em: EntityManager,
  ctx: HubContext,
  keyed: Keyed,
): Promise<StoredRequest | null> {
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.idempotencyKeyTtlSeconds * 1000);
  await runStatement(em, PURGE_EXPIRED, [now]);
  // Twice at most: a row seen by neither statement was released by a failed first request.
  for (let attempt = 0; attempt < 2; attempt++) {
    const reserved = await runStatement(em, RESERVE, [
      keyed.userId,
      keyed.key,
      keyed.sha256,
      ctx.requestId,
      now,
      expiresAt,
    ]);
    if (reserved.length) return null;
    const takenOver = await runStatement(em, TAKE_OVER, [
      keyed.sha256,
      ctx.requestId,
      now,
      expiresAt,
      keyed.userId,
      keyed.key,
      now,
    ]);
    if (takenOver.length) return null;
    const [held] = await runStatement<StoredRequest>(em, FIND, [keyed.userId, keyed.key]);
    if (held) return held;
  }
  throw new HubError('IDEMPOTENCY_KEY_IN_USE', 'The key is in use: try again', {
    http: { status: 409 },
  });
}

/**
 * A replay re-sends personal data no resolver read, so it is audited itself, naming the request
 * whose answer it repeats; when that entry cannot be written the replay is refused.
 */
async function auditReplay(ctx: HubContext, stored: StoredRequest): Promise<boolean> {
  try {
    await ctx.audit.writeRows(ctx.em, [
      {
        action: AuditAction.READ,
        subjectType: 'IdempotentReplay',
        subjectId: stored.request_id,
        personId: null,
        caseId: null,
        fields: [`idempotent replay of request ${stored.request_id}`],
      },
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Keyed mutations: one root field per keyed document (each root field is its own transaction,
 * so one key covers one write), keys per user, reserved by the primary key so that two hub
 * processes cannot both run a key. Listed after `auditPlugin`: an answer is stored only once its
 * audit is known (src/audit/audit-plugin.ts `auditOutcome`).
 */
export const idempotencyPlugin: ApolloServerPlugin<HubContext> = {
  async requestDidStart() {
    let keyed: Keyed | null = null;
    return {
      async didResolveOperation({ request, operation, contextValue }) {
        const header = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
        if (header === undefined || operation?.operation !== 'mutation') return;
        if (request.http?.method !== 'POST' || !contextValue.viewer) return;
        if (!VALID_KEY.test(header)) {
          throw badKey('The Idempotency-Key header must be 1 to 200 printable ASCII characters');
        }
        const roots = operation.selectionSet.selections;
        if (roots.length !== 1 || roots[0].kind !== Kind.FIELD) {
          throw badKey(
            'A mutation sent with an Idempotency-Key must have exactly one root field: send each mutation in its own request, with its own key',
          );
        }
        keyed = {
          userId: contextValue.viewer.userId,
          key: header,
          sha256: requestHash(
            request.query ?? '',
            request.operationName ?? null,
            request.variables,
          ),
          reserved: false,
        };
      },

      async responseForOperation({ contextValue }) {
        if (!keyed) return null;
        const held = await reserve(contextValue.em, contextValue, keyed);
        if (!held) {
          keyed.reserved = true;
          return null;
        }
        if (held.request_sha256 !== keyed.sha256) {
          return answer(
            422,
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was used for another request: use a new key for a new request',
          );
        }
        if (held.status !== COMPLETED) {
          return answer(
            409,
            'IDEMPOTENCY_KEY_IN_USE',
            'The first request with this Idempotency-Key is still running: try again shortly',
            [['retry-after', '1']],
          );
        }
        if (!(await auditReplay(contextValue, held))) {
          return answer(
            503,
            'AUDIT_UNAVAILABLE',
            'The audit of this request could not be written, so no personal data is sent. Try again later, quoting the request id.',
          );
        }
        return {
          http: {
            status: held.http_status ?? 200,
            headers: new HeaderMap([[REPLAYED_HEADER, 'true']]),
          },
          body: { kind: 'single', singleResult: held.response ?? { data: null } },
        };
      },

      async willSendResponse({ contextValue, response }) {
        if (!keyed?.reserved) return;
        const { userId, key } = keyed;
        // The answer as the audit left it: when its reads could not be audited the client got
        // AUDIT_UNAVAILABLE, and what is kept is the answer withheld, which a retry gets only
        // through an audited replay.
        const outcome = await (auditOutcome(contextValue) ?? Promise.resolve({ audited: true }))
          .then((o) => o as { audited: boolean; withheld?: FormattedExecutionResult })
          .catch(() => ({ audited: false, withheld: undefined }));
        const sent = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const result = outcome.audited ? sent : outcome.withheld;
        const status = outcome.audited ? (response.http.status ?? 200) : 200;
        // A committed write keeps its answer whatever errors follow; a request that committed
        // nothing wrote nothing (each write is one transaction), so its key is free to run again.
        const wrote = (contextValue.committedWrites ?? 0) > 0;
        const keep = result && (wrote || !result.errors?.length);
        try {
          if (keep) {
            const stored = {
              data: result.data ?? null,
              ...(result.errors ? { errors: result.errors } : {}),
            };
            await runStatement(contextValue.em, COMPLETE, [
              JSON.stringify(stored),
              status,
              userId,
              key,
              contextValue.requestId,
            ]);
          } else {
            await runStatement(contextValue.em, RELEASE, [userId, key, contextValue.requestId]);
          }
        } catch (error) {
          // The key stays IN_PROGRESS until it expires: retries are refused, never run twice.
          log.error('idempotency key not stored', {
            requestId: contextValue.requestId,
            ...errorFields(error),
          });
        }
      },
    };
  },
};
