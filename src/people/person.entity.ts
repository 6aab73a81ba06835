import { clock } from '../common/clock';
import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { RecordKey } from '../db/record-key';
import { CorrespondenceLanguage } from './correspondence-language.enum';

/** Someone in one or more cases, as victim, perpetrator, witness or reporter. */
@Entity({ tableName: 'person' })
// Candidate blocking for matching (docs/rules.md "One person across partners"): records whose
// family names sound alike (double metaphone, contrib fuzzystrmatch) are compared, no others.
@Index({
  name: 'person_family_name_dmetaphone_index',
  expression: `create index "person_family_name_dmetaphone_index" on "person" (dmetaphone("family_name"))`,
})
export class Person {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'text' })
  givenName!: string;

  @Property({ type: 'text' })
  familyName!: string;

  /** ISO date; age matters for the ladder (a CPN subject must be 16 or over, s.43). */
  @Index()
  @Property({ type: 'date', nullable: true })
  dateOfBirth?: string | null;

  /** NHS number, 10 digits with a valid mod-11 check digit: a strong identifier for matching. */
  @Index()
  @Property({ type: 'text', nullable: true })
  nhsNumber?: string | null;

  /** Police National Computer id, YYYY/NNNNNNNL (check letter verified): a strong identifier. */
  @Index()
  @Property({ type: 'text', nullable: true })
  pncId?: string | null;

  /**
   * The language they asked for letters in; null until recorded, when the area's default is used
   * (docs/rules.md "Letters in Welsh, English or both").
   */
  @Enum({ items: () => CorrespondenceLanguage, type: 'text', nullable: true })
  correspondenceLanguage?: CorrespondenceLanguage | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = clock.now();

  /** The record key of the cell key method: never shown (src/db/record-key.ts). */
  @RecordKey()
  recordKey?: number & Opt;
}
