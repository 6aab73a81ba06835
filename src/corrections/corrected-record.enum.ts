import { registerEnumType } from 'type-graphql';

/** The kinds of record a partner can correct (docs/rules.md "Corrections"). */
export enum CorrectedRecord {
  INCIDENT = 'INCIDENT',
  CASE = 'CASE',
  /** Someone's part in a case (role, vulnerabilities), or their removal from it. */
  CASE_PERSON = 'CASE_PERSON',
}

registerEnumType(CorrectedRecord, { name: 'CorrectedRecord' });
