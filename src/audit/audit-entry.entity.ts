import { clock } from '../common/clock';
import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { AuditAction } from './audit-action.enum';

/**
 * One audited read or write of personal data: who (user, partner, role), what (a type, an id and
 * the fields), about whom and in which case when known, when, in which request, and for what
 * purpose the client stated. Append-only: the database refuses UPDATE, DELETE and TRUNCATE.
 *
 * No foreign keys, on purpose: the audit outlives the records it mentions (closed cases are
 * deleted after review) and must never block, nor cascade from, their deletion.
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['personId', 'occurredAt'] })
@Index({ properties: ['userId', 'occurredAt'] })
@Index({ properties: ['caseId', 'occurredAt'] })
// The administrators' list of onboarding changes (src/audit/onboarding-changes.ts), newest first,
// all of them or one partner's: small partial indexes, as these are a sliver of the audit.
@Index({
  name: 'audit_entry_directory_changes_index',
  expression:
    'create index "audit_entry_directory_changes_index" on "audit_entry" ("occurred_at", "id") where "directory_partner_id" is not null',
})
@Index({
  name: 'audit_entry_directory_partner_id_index',
  expression:
    'create index "audit_entry_directory_partner_id_index" on "audit_entry" ("directory_partner_id", "occurred_at", "id") where "directory_partner_id" is not null',
})
export class AuditEntry {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string & Opt = randomUUID();

  /** The transaction's time: every entry of one request shares it. */
  @Index()
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt: Date & Opt = clock.now();

  /** The request id the hub logs and quotes in errors, to join the audit with the logs. */
  @Property({ type: 'uuid' })
  requestId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  partnerId!: string;

  @Property({ type: 'text' })
  role!: string;

  @Enum({ items: () => AuditAction, type: 'text' })
  action!: AuditAction;

  /** Reads: the GraphQL type (Person, MentalHealthRecord); writes: the entity (IncidentReport). */
  @Property({ type: 'text' })
  subjectType!: string;

  @Property({ type: 'text' })
  subjectId!: string;

  /** The person the data is about, when it is about one. */
  @Property({ type: 'uuid', nullable: true })
  personId?: string | null;

  /** The case it was read in or written to, when known. */
  @Property({ type: 'uuid', nullable: true })
  caseId?: string | null;

  /**
   * A change to the staff directory (a partner, its identity-provider claims, a user): the partner
   * it concerns, kept here because an identity claim removed is gone from partner_identity. Null
   * for every other entry; set only on writes (src/audit/directory-changes.ts).
   */
  @Property({ type: 'uuid', nullable: true })
  directoryPartnerId?: string | null;

  /** The fields read or written. */
  @Property({ type: 'text[]' })
  fields!: string[];

  /** Why, in the client's words (the `x-purpose` header), when it gave one. */
  @Property({ type: 'text', nullable: true })
  purpose?: string | null;

  /** The GraphQL root fields of the request (`case`, `recordIncident`). */
  @Property({ type: 'text', nullable: true })
  operation?: string | null;
}
