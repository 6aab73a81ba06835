import { registerEnumType } from 'type-graphql';

/**
 * How exactly a source knew when the behaviour happened. data.police.uk publishes the month only;
 * counts by day, day of week or hour leave out incidents whose time is not known that exactly.
 */
export enum OccurredPrecision {
  EXACT = 'EXACT',
  DAY = 'DAY',
  MONTH = 'MONTH',
}

registerEnumType(OccurredPrecision, { name: 'OccurredPrecision' });
