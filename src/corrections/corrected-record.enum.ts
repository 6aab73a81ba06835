import { registerEnumType } from 'type-graphql';

/** The kinds of record a partner can correct (docs/rules.md "Corrections"). */
export enum CorrectedRecord {
  INCIDENT = 'INCIDENT',
  CASE = 'CASE',
  /** Someone's part in a case (role, vulnerabilities), or their removal from it. */
  CASE_PERSON = 'CASE_PERSON',
  /** A partner's part in a case: only its removal, the history keeping what it had there. */
  CASE_PARTNER = 'CASE_PARTNER',
}

registerEnumType(CorrectedRecord, { name: 'CorrectedRecord' });
