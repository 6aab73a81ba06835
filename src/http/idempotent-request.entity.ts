import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A mutation a client sent with an `Idempotency-Key` (src/http/idempotency.plugin.ts): the key is
 * reserved by the first request (primary key, so two hub processes cannot both run it) and, once
 * the mutation has written, holds its answer, which a retry with the same key gets again. The
 * answer is personal data: it is kept until `expires_at` and deleted after (docs/clients.md "Retrying a
 * mutation").
 */
@Entity({ tableName: 'idempotent_request' })
@Index({ name: 'idempotent_request_expires_at_index', properties: ['expiresAt'] })
export class IdempotentRequest {
  /** The signed-in user who sent the key: keys are per user. */
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  /** The client's key, 1–200 printable ASCII characters. */
  @PrimaryKey({ type: 'text' })
  key!: string;

  /** SHA-256 of the query text, operation name and variables: the same key for another request is refused. */
  @Property({ type: 'text' })
  requestSha256!: string;

  /** IN_PROGRESS while the first request runs; COMPLETED once its answer is stored. */
  @Property({ type: 'text' })
  status!: string;

  /** The hub's request id of the request that ran the mutation (named in the replay's audit). */
  @Property({ type: 'text' })
  requestId!: string;

  /** The answer sent (data and errors), replayed to a retry. */
  @Property({ type: 'json', nullable: true })
  response?: unknown;

  @Property({ type: 'integer', nullable: true })
  httpStatus?: number;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  /** After this the key may be used again and the stored answer is deleted. */
  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
