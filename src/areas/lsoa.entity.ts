import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A lower layer super output area, the unit area statistics are published by, with the local
 * authority it lies in. Filled from the names data.police.uk publishes with each incident.
 */
@Entity({ tableName: 'lsoa' })
export class Lsoa {
  /** The ONS code, e.g. E01014399. */
  @PrimaryKey({ type: 'text' })
  code!: string;

  /** The ONS name, e.g. "Bath and North East Somerset 001A". */
  @Property({ type: 'text' })
  name!: string;

  /** The local authority district: the name without its trailing LSOA number. */
  @Property({ type: 'text', index: true })
  localAuthority!: string;
}
