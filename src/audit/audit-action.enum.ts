import { registerEnumType } from 'type-graphql';

/** What an audit entry records: a read of personal data, or a write. */
export enum AuditAction {
  READ = 'READ',
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}

registerEnumType(AuditAction, { name: 'AuditAction' });
