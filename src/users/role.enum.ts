import { registerEnumType } from 'type-graphql';

/** What a member of a partner does; together with the partner's kind it decides what they see. */
export enum Role {
  PRACTITIONER = 'PRACTITIONER',
  SUPERVISOR = 'SUPERVISOR',
  ANALYST = 'ANALYST',
  LEGAL = 'LEGAL',
  /** Manages users and configuration; sees no personal data. */
  ADMINISTRATOR = 'ADMINISTRATOR',
  /** A BI tool's service account: aggregates only, never a row about a person. */
  BI_SERVICE = 'BI_SERVICE',
  DATA_PROTECTION_OFFICER = 'DATA_PROTECTION_OFFICER',
}

registerEnumType(Role, { name: 'Role' });
