import { clock } from '../common/clock';
import {
  Check,
  Entity,
  Index,
  ManyToOne,
  Opt,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../cases/case.entity';
import { Partner } from '../partners/partner.entity';
import { SharingBasis } from '../sharing/sharing-basis.entity';
import { User } from '../users/user.entity';

/**
 * OSARA scanning: a partner on the case asked for the data it holds about the problem, and its
 * answer: its own partner records about people on the case (`OsaraAnswerRecord`), a note shared
 * under a sharing basis of its own, or that it holds nothing. Scanning is complete only once at
 * least one partner has been asked.
 */
@Entity({ tableName: 'osara_partner_request' })
@Unique({ properties: ['case', 'partner'] })
// A note is personal data: it never stands without the basis that says who may read it.
@Check({
  name: 'osara_partner_request_note_has_basis',
  expression: '((note IS NULL) = (note_sharing_basis_id IS NULL))',
})
export class OsaraPartnerRequest {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Case)
  case!: Case;

  /** The partner asked for its data. */
  @ManyToOne(() => Partner)
  partner!: Partner;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  askedAt: Date & Opt = clock.now();

  @ManyToOne(() => User)
  askedBy!: User;

  /** When the partner said it had shared what it holds. */
  @Property({ type: 'datetime', nullable: true })
  answeredAt?: Date | null;

  @ManyToOne(() => User, { nullable: true })
  answeredBy?: User | null;

  /** The partner looked and holds nothing about the problem: an answer, not a silence. */
  @Property({ type: 'boolean', default: false })
  nothingHeld: boolean & Opt = false;

  /** A note the partner shares with its answer: free text, personal data. */
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  /**
   * The basis the note is shared under: one the answering partner recorded for this case. Only
   * the partners it names read the note, and only while it is in force (docs/rules.md).
   */
  // Never dropped under the note: the note goes first (its case's deletion removes both).
  @ManyToOne(() => SharingBasis, { nullable: true, deleteRule: 'restrict' })
  noteSharingBasis?: SharingBasis | null;
}
