import { registerEnumType } from 'type-graphql';

/** The part someone plays in a case or an incident; the guidance also says "person causing harm". */
export enum PersonRole {
  VICTIM = 'VICTIM',
  PERPETRATOR = 'PERPETRATOR',
  WITNESS = 'WITNESS',
  REPORTER = 'REPORTER',
}

registerEnumType(PersonRole, { name: 'PersonRole' });
