import { registerEnumType } from 'type-graphql';

/** A stage change moves forward to the next stage, or reopens an earlier one. */
export enum OsaraStageChangeKind {
  ADVANCED = 'ADVANCED',
  REOPENED = 'REOPENED',
}

registerEnumType(OsaraStageChangeKind, { name: 'OsaraStageChangeKind' });
