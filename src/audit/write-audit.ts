import type { ChangeSet, EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from './audit-action.enum';
import type { AuditRow, AuditTrail } from './audit-trail';
import { DIRECTORY_ENTITIES } from './directory-changes';

/** Bookkeeping the hub writes alongside a change, which is not itself personal data. */
const NOT_AUDITED = new Set(['AuditEntry', 'HubEvent']);

const ACTIONS: Record<string, AuditAction> = {
  create: AuditAction.CREATE,
  update: AuditAction.UPDATE,
  delete: AuditAction.DELETE,
  delete_early: AuditAction.DELETE,
};

/** What one transaction changed, one row per record, from every flush inside it. */
class WriteCollector {
  readonly rows = new Map<string, AuditRow>();

  add(changeSet: ChangeSet<any>) {
    if (NOT_AUDITED.has(changeSet.name)) return;
    const entity = changeSet.entity as Record<string, any>;
    const pk = changeSet.getPrimaryKey();
    const subjectId =
      pk !== null && typeof pk === 'object' ? Object.values(pk).join(':') : String(pk);
    const key = `${changeSet.name}|${subjectId}`;
    const fields = Object.keys(changeSet.payload ?? {});
    const row = this.rows.get(key);
    if (row) {
      row.fields = [...new Set([...row.fields, ...fields])];
      if (ACTIONS[changeSet.type] === AuditAction.DELETE) row.action = AuditAction.DELETE;
      return;
    }
    this.rows.set(key, {
      action: ACTIONS[changeSet.type] ?? AuditAction.UPDATE,
      subjectType: changeSet.name,
      subjectId,
      personId:
        changeSet.name === 'Person'
          ? subjectId
          : (entity.person?.id ?? entity.subject?.id ?? entity.victim?.id ?? null),
      caseId: changeSet.name === 'Case' ? subjectId : (entity.case?.id ?? null),
      directoryPartnerId: DIRECTORY_ENTITIES[changeSet.name]?.partnerOf(entity, subjectId) ?? null,
      fields,
    });
  }
}

const collectors = new WeakMap<object, WriteCollector>();

/** Hears every flush and hands its change sets to the collector of the transaction, if any. */
export class WriteAuditSubscriber implements EventSubscriber {
  afterFlush({ em, uow }: FlushEventArgs) {
    const collector = collectors.get(em);
    if (!collector) return;
    for (const changeSet of uow.getChangeSets()) collector.add(changeSet);
  }
}

/**
 * Runs a write and audits it in the same transaction: the write and its audit rows commit
 * together, or neither does. Rows that do not name their case take the case the write touched.
 */
export async function auditedWrite<T>(
  em: EntityManager,
  trail: AuditTrail | undefined,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  if (!trail?.enabled) return work(em);
  const collector = new WriteCollector();
  collectors.set(em, collector);
  try {
    const result = await work(em);
    await em.flush();
    const rows = [...collector.rows.values()];
    const caseId = rows.find((row) => row.caseId)?.caseId ?? null;
    await trail.writeRows(
      em,
      rows.map((row) => ({ ...row, caseId: row.caseId ?? caseId })),
    );
    return result;
  } finally {
    collectors.delete(em);
  }
}
