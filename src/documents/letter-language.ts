import { registerEnumType } from 'type-graphql';
import { CorrespondenceLanguage } from '../people/correspondence-language.enum';

/** The language one template, or one part of a sent letter, is written in. */
export enum LetterLanguage {
  ENGLISH = 'ENGLISH',
  WELSH = 'WELSH',
}

registerEnumType(LetterLanguage, {
  name: 'LetterLanguage',
  description: 'The language a letter template, or one part of a letter, is written in.',
});

/** The HTML `lang` of each language, so a screen reader reads a Welsh part as Welsh (WCAG 3.1.2). */
export const HTML_LANG: Record<LetterLanguage, string> = {
  [LetterLanguage.ENGLISH]: 'en-GB',
  [LetterLanguage.WELSH]: 'cy-GB',
};

/**
 * The parts of a letter, in order. A letter in both languages puts the Welsh first: the Welsh
 * language standards ask that Welsh be treated no less favourably, and bodies in Wales read it
 * as "Welsh first".
 */
export function letterParts(language: CorrespondenceLanguage): LetterLanguage[] {
  if (language === CorrespondenceLanguage.BOTH)
    return [LetterLanguage.WELSH, LetterLanguage.ENGLISH];
  return [
    language === CorrespondenceLanguage.WELSH ? LetterLanguage.WELSH : LetterLanguage.ENGLISH,
  ];
}

const DATES: Record<LetterLanguage, Intl.DateTimeFormat> = {
  [LetterLanguage.ENGLISH]: new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }),
  // Node's ICU carries Welsh month names: "1 Mawrth 2026".
  [LetterLanguage.WELSH]: new Intl.DateTimeFormat('cy-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }),
};

/** A date as a letter in that language writes it, in UK time; a LocalDate as that day. */
export function letterDate(value: Date | string | null | undefined, language: LetterLanguage) {
  if (value === null || value === undefined) return '';
  return DATES[language].format(typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value);
}

/** The written steps of the ladder by their Welsh names (the names Welsh councils' notices use). */
const WELSH_KINDS: Readonly<Record<string, string>> = {
  WORDS_OF_ADVICE: 'Geiriau o gyngor',
  LETTER_OF_EXPECTATION: 'Llythyr disgwyliadau',
  ASB_WARNING_LETTER: 'Llythyr rhybudd ymddygiad gwrthgymdeithasol',
  COMMUNITY_PROTECTION_WARNING: "Rhybudd diogelu'r gymuned",
  COMMUNITY_PROTECTION_NOTICE: "Hysbysiad diogelu'r gymuned",
};

/** "Community protection warning" / "Rhybudd diogelu'r gymuned". */
export function kindName(kind: string, language: LetterLanguage): string {
  if (language === LetterLanguage.WELSH && WELSH_KINDS[kind]) return WELSH_KINDS[kind];
  return kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** "A, B and C" / "A, B a C" (Welsh "ac" before a vowel). */
export function joinNames(names: readonly string[], language: LetterLanguage): string {
  if (names.length <= 1) return names[0] ?? '';
  const last = names[names.length - 1];
  const and =
    language === LetterLanguage.WELSH ? (/^[aeiouâêîôû]/i.test(last) ? 'ac' : 'a') : 'and';
  return `${names.slice(0, -1).join(', ')} ${and} ${last}`;
}
