import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { CasePerson } from '../cases/case-person.entity';
import { clock } from '../common/clock';
import { lockDecision } from '../db/locks';
import { badInput, HubError } from '../errors';
import { Partner } from '../partners/partner.entity';
import { requireRow } from '../permissions/row-access';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import type { PartnerRecordSpec } from './partner-record-kinds';
import type { PartnerRecordBase } from './partner-record.base';
import { PartnerRecordRevision } from './partner-record-revision.entity';

/** What every write names: the person, seen through a case the writer's partner takes part in. */
export interface PartnerRecordWrite {
  personId: string;
  caseId: string;
  sourceReference?: string | null;
  [field: string]: unknown;
}

/** What a write did: the record, and the fields it changed (none when it said nothing new). */
export interface PartnerRecordWritten<E = PartnerRecordBase> {
  record: E;
  created: boolean;
  changedFields: string[];
}

const text100 = (value: string) => {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > 100) {
    throw badInput('sourceReference must be 1 to 100 characters', 'sourceReference');
  }
  return trimmed;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The owner partner records or updates its own record about a person: one record per owner and
 * person for each kind, created on the first write. Only a partner of the record's kind writes it,
 * only about someone in a case it takes part in (the ids go through row access, so anything else
 * answers NOT_FOUND like a missing row), and never another partner's record: the record written is
 * always the writer's partner's own. Every write that changes something keeps a revision with the
 * earlier values; a write that changes nothing writes nothing (imports repeat safely).
 */
export async function recordPartnerRecord(
  em: EntityManager,
  viewer: Viewer,
  spec: PartnerRecordSpec,
  input: PartnerRecordWrite,
): Promise<PartnerRecordWritten> {
  const asker = { em, viewer };
  const caseId = await requireRow(asker, 'case', input.caseId);
  const personId = await requireRow(asker, 'person', input.personId);
  if (viewer.partnerKind !== spec.partnerKind) {
    throw new HubError(
      'PARTNER_RECORD_WRONG_KIND',
      `Only a ${spec.partnerKind} partner holds ${spec.typeName} records; record your own partner's kind of record`,
      { field: 'input' },
    );
  }
  if (!(await em.count(CasePerson, { case: caseId, person: personId }))) {
    throw badInput('This person is not in that case', 'personId');
  }
  const values: Record<string, unknown> = {};
  for (const [field, parse] of Object.entries(spec.fields)) {
    if (input[field] !== undefined) values[field] = parse(input[field], field);
  }
  if (Object.keys(values).length === 0) {
    throw badInput(`Give at least one of: ${Object.keys(spec.fields).join(', ')}`, 'input');
  }
  const reference =
    input.sourceReference === undefined || input.sourceReference === null
      ? null
      : (text100(input.sourceReference) as string);

  // One record per owner, person and kind, and per owner's reference: two writers of the first
  // record wait for each other.
  await lockDecision(em, 'partner-record', `${spec.kind}:${viewer.partnerId}:${personId}`);
  if (reference) {
    await lockDecision(em, 'partner-record', `${spec.kind}:${viewer.partnerId}:ref:${reference}`);
  }
  const byReference = reference
    ? await em.findOne(
        spec.entity,
        { ownerPartner: viewer.partnerId, sourceReference: reference },
        { refresh: true },
      )
    : null;
  if (byReference && byReference.person.id !== personId) {
    throw badInput(
      `Your reference ${reference} is already on a record about someone else`,
      'sourceReference',
    );
  }
  const existing =
    byReference ??
    (await em.findOne(
      spec.entity,
      { ownerPartner: viewer.partnerId, person: personId },
      { orderBy: { updatedAt: 'asc', id: 'asc' }, refresh: true },
    ));
  if (reference) values.sourceReference = reference;
  const record =
    existing ??
    em.create(spec.entity, {
      ownerPartner: em.getReference(Partner, viewer.partnerId),
      person: em.getReference(Person, personId),
    } as never);
  const current = record as unknown as Record<string, unknown>;
  const changedFields = Object.keys(values).filter(
    (field) => !existing || !same(current[field], values[field]),
  );
  if (existing && changedFields.length === 0) {
    return { record: existing, created: false, changedFields };
  }
  const now = clock.now();
  const earlierValues = Object.fromEntries(
    changedFields.map((field) => [field, existing ? (current[field] ?? null) : null]),
  );
  for (const field of changedFields) current[field] = values[field];
  record.updatedAt = now;
  em.create(PartnerRecordRevision, {
    recordKind: spec.kind,
    recordId: record.id,
    ownerPartner: em.getReference(Partner, viewer.partnerId),
    person: em.getReference(Person, personId),
    changedBy: em.getReference(User, viewer.userId),
    changedAt: now,
    changedFields,
    earlierValues,
  });
  await em.flush();
  return { record, created: !existing, changedFields };
}
