import { clock } from '../common/clock';
import {
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  Opt,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { registerEnumType } from 'type-graphql';
import { Intervention } from '../interventions/intervention.entity';
import { CorrespondenceLanguage } from '../people/correspondence-language.enum';
import { User } from '../users/user.entity';
import { LetterLanguage } from './letter-language';

/** The letters the hub holds templates for: the written steps of the escalation ladder. */
export enum LetterKind {
  WORDS_OF_ADVICE = 'WORDS_OF_ADVICE',
  LETTER_OF_EXPECTATION = 'LETTER_OF_EXPECTATION',
  ASB_WARNING_LETTER = 'ASB_WARNING_LETTER',
  /** Community protection warning (2014 Act s.43). */
  COMMUNITY_PROTECTION_WARNING = 'COMMUNITY_PROTECTION_WARNING',
  /** Community protection notice (2014 Act s.43; appeal within 21 days, s.46). */
  COMMUNITY_PROTECTION_NOTICE = 'COMMUNITY_PROTECTION_NOTICE',
}

registerEnumType(LetterKind, { name: 'LetterKind' });

/** An area's wording of one letter, edited by an administrator; seeded by the documents migration. */
@Entity({ tableName: 'letter_template' })
@Unique({ properties: ['kind', 'language'] })
export class LetterTemplate {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** One template per kind of letter; the kind matches the intervention it is sent for. */
  @Enum({ items: () => LetterKind, type: 'text' })
  kind!: LetterKind;

  /** One wording per language: Welsh and English (the Welsh language standards). */
  @Enum({ items: () => LetterLanguage, type: 'text', default: LetterLanguage.ENGLISH })
  language: LetterLanguage & Opt = LetterLanguage.ENGLISH;

  @Property({ type: 'text' })
  title!: string;

  /** The letter's text, with {{placeholders}} filled in from the case and the intervention. */
  @Property({ type: 'text' })
  body!: string;

  /** Goes up by one with each change, so a sent letter says which wording it used. */
  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = clock.now();

  @ManyToOne(() => User, { nullable: true })
  updatedBy?: User | null;
}

/** One change to a letter template: who, when, the wording before and after, and why. Never updated. */
@Entity({ tableName: 'letter_template_change' })
export class LetterTemplateChange {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => LetterTemplate)
  template!: LetterTemplate;

  /** The version this change produced. */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  oldTitle!: string;

  @Property({ type: 'text' })
  newTitle!: string;

  @Property({ type: 'text' })
  oldBody!: string;

  @Property({ type: 'text' })
  newBody!: string;

  @Property({ type: 'text' })
  reason!: string;

  @ManyToOne(() => User)
  changedBy!: User;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  changedAt: Date & Opt = clock.now();
}

/** A letter as it was sent for an intervention: the rendered text, kept as evidence. */
@Entity({ tableName: 'sent_letter' })
// A letter in both languages has its second part whole, and only such a letter has one.
@Check({
  name: 'sent_letter_second_part_check',
  expression: `("language" = 'BOTH') = ("second_text" is not null and "second_title" is not null and "second_template_version" is not null)`,
})
export class SentLetter {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Index()
  @ManyToOne(() => Intervention)
  intervention!: Intervention;

  @ManyToOne(() => LetterTemplate)
  template!: LetterTemplate;

  /** The template's version when the letter was rendered. */
  @Property({ type: 'integer' })
  templateVersion!: number;

  @Property({ type: 'text' })
  title!: string;

  /** The letter's text exactly as sent (personal data: it names the subject). */
  @Property({ type: 'text' })
  text!: string;

  /** The recipient's language when it was sent: the first part's, or BOTH (Welsh first). */
  @Enum({
    items: () => CorrespondenceLanguage,
    type: 'text',
    default: CorrespondenceLanguage.ENGLISH,
  })
  language: CorrespondenceLanguage & Opt = CorrespondenceLanguage.ENGLISH;

  /** A letter in both languages: the English part, from its own template (a database check keeps the four together). */
  @ManyToOne(() => LetterTemplate, { nullable: true, deleteRule: 'set null' })
  secondTemplate?: LetterTemplate | null;

  @Property({ type: 'integer', nullable: true })
  secondTemplateVersion?: number | null;

  @Property({ type: 'text', nullable: true })
  secondTitle?: string | null;

  /** The English part's text as sent (personal data, as `text` is). */
  @Property({ type: 'text', nullable: true })
  secondText?: string | null;

  @ManyToOne(() => User)
  sentBy!: User;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  sentAt: Date & Opt = clock.now();
}
