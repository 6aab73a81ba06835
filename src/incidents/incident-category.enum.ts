import { registerEnumType } from 'type-graphql';

/** The Home Office ASB categories. */
export enum IncidentCategory {
  PERSONAL = 'PERSONAL',
  NUISANCE = 'NUISANCE',
  ENVIRONMENTAL = 'ENVIRONMENTAL',
  /** The source did not say: data.police.uk publishes ASB without its category. */
  UNCLASSIFIED = 'UNCLASSIFIED',
}

registerEnumType(IncidentCategory, { name: 'IncidentCategory' });
