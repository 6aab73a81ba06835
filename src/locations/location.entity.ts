import { Entity, Enum, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { LocationKind } from './location-kind.enum';
import { RecordKey } from '../db/record-key';

/** An address or a public place. Cases can centre on one: a closure order is about premises. */
@Entity({ tableName: 'location' })
export class Location {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Enum({ items: () => LocationKind, type: 'text' })
  kind!: LocationKind;

  /** The address, or a description of the place ("On or near Castle Road"). */
  @Property({ type: 'text' })
  description!: string;

  /** Unique property reference number, for addresses where known. */
  @Property({ type: 'text', nullable: true })
  uprn?: string | null;

  @Property({ type: 'double', nullable: true })
  latitude?: number | null;

  @Property({ type: 'double', nullable: true })
  longitude?: number | null;

  /** Lower layer super output area: the unit aggregates are published by. */
  @Property({ type: 'text', nullable: true })
  lsoaCode?: string | null;

  /** The record key of the cell key method: never shown (src/db/record-key.ts). */
  @RecordKey()
  recordKey?: number & Opt;
}
