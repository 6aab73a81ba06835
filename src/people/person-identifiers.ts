import { optionalText } from '../common/validate';
import { badInput } from '../errors';

/**
 * NHS number: 10 digits, the last a mod-11 check digit (NHS Data Dictionary): the first nine
 * weighted 10 down to 2, check = 11 - (sum mod 11), 11 meaning 0 and 10 meaning no valid number.
 * Spaces and dashes as printed on letters ("943 476 5919") are dropped.
 */
export function requireNhsNumber(value: string, field: string): string {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) throw badInput('An NHS number has 10 digits', field);
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  if (check === 10 || check !== Number(digits[9])) {
    throw badInput('This NHS number fails its check digit: check it was copied correctly', field);
  }
  return digits;
}

/** The PNC check letters: the alphabet without I, O and S, Z standing for remainder 0. */
const PNC_CHECK_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY';

/**
 * Police National Computer id: year of first record, a serial number of up to 7 digits and a
 * check letter, written YY/NNNNNNNL or YYYY/NNNNNNNL. The letter is PNC_CHECK_LETTERS at
 * (two-digit year followed by the serial padded to 7 digits) mod 23. Stored in the short form
 * YY/NNNNNNNL so that both spellings of one id are equal.
 */
export function requirePncId(value: string, field: string): string {
  const match = /^(\d{2}|\d{4})\/(\d{1,7})([A-Z])$/.exec(value.trim().toUpperCase());
  if (!match) throw badInput('A PNC id is written YY/NNNNNNNL, e.g. 98/1234567K', field);
  const year = match[1].slice(-2);
  const serial = match[2].padStart(7, '0');
  if (PNC_CHECK_LETTERS[Number(`${year}${serial}`) % 23] !== match[3]) {
    throw badInput('This PNC id fails its check letter: check it was copied correctly', field);
  }
  return `${year}/${serial}${match[3]}`;
}

/** The strong identifiers a partner may give when recording someone new, validated. */
export interface StrongIdentifiers {
  nhsNumber: string | null;
  pncId: string | null;
  partnerReference: string | null;
}

export function strongIdentifiers(
  input: { nhsNumber?: string | null; pncId?: string | null; partnerReference?: string | null },
  prefix: string,
): StrongIdentifiers {
  return {
    nhsNumber: input.nhsNumber ? requireNhsNumber(input.nhsNumber, `${prefix}.nhsNumber`) : null,
    pncId: input.pncId ? requirePncId(input.pncId, `${prefix}.pncId`) : null,
    partnerReference: optionalText(input.partnerReference, `${prefix}.partnerReference`, 100),
  };
}
