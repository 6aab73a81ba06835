import { registerEnumType } from 'type-graphql';

export enum ImportFormat {
  /** data.police.uk street-level CSV, as published. */
  POLICE_UK = 'POLICE_UK',
  /** A partner system's CSV, read through a mapping file. */
  MAPPED_CSV = 'MAPPED_CSV',
  /** A partner's export of its own records (police, tenancy, ...), read through a `records` mapping. */
  PARTNER_RECORD_CSV = 'PARTNER_RECORD_CSV',
}

export enum ImportStatus {
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

registerEnumType(ImportFormat, { name: 'ImportFormat' });
registerEnumType(ImportStatus, { name: 'ImportStatus' });
