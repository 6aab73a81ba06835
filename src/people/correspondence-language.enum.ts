import { registerEnumType } from 'type-graphql';

/**
 * The language a person wants letters in. Public bodies in Wales work to the Welsh language
 * standards (Welsh Language (Wales) Measure 2011): correspondence goes in the language the person
 * chose, and Welsh is treated no less favourably than English, so a letter in both puts Welsh first.
 */
export enum CorrespondenceLanguage {
  ENGLISH = 'ENGLISH',
  WELSH = 'WELSH',
  /** Welsh and English in one letter, Welsh first. */
  BOTH = 'BOTH',
}

registerEnumType(CorrespondenceLanguage, {
  name: 'CorrespondenceLanguage',
  description:
    'The language of letters to a person: Welsh, English, or both (Welsh first, as the Welsh language standards ask).',
});
