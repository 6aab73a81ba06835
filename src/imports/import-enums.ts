import { registerEnumType } from 'type-graphql';

export enum ImportFormat {
  /** data.police.uk street-level CSV, as published. */
  POLICE_UK = 'POLICE_UK',
  /** A partner system's CSV, read through a mapping file. */
  MAPPED_CSV = 'MAPPED_CSV',
}

export enum ImportStatus {
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

registerEnumType(ImportFormat, { name: 'ImportFormat' });
registerEnumType(ImportStatus, { name: 'ImportStatus' });
