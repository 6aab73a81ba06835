import { registerEnumType } from 'type-graphql';

/** The Home Office ASB categories. */
export enum IncidentCategory {
  PERSONAL = 'PERSONAL',
  NUISANCE = 'NUISANCE',
  ENVIRONMENTAL = 'ENVIRONMENTAL',
}

registerEnumType(IncidentCategory, { name: 'IncidentCategory' });
