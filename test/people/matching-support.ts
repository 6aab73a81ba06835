import { randomInt } from 'node:crypto';
import { gql } from '../support/gql';
import type { Member } from '../support/factories';
import type { TestHub } from '../support/hub';

/* Shared by the one-person-across-partners tests: identifiers, names and the operations. */

/** A valid NHS number: nine random digits and their mod-11 check digit. */
export function nhsNumber(): string {
  for (;;) {
    const digits = Array.from({ length: 9 }, () => randomInt(10));
    const check = (11 - (digits.reduce((sum, d, i) => sum + d * (10 - i), 0) % 11)) % 11;
    if (check !== 10) return [...digits, check].join('');
  }
}

/** A valid PNC id in the short form YY/NNNNNNNL. */
export function pncId(): string {
  const year = String(randomInt(100)).padStart(2, '0');
  const serial = String(randomInt(10_000_000)).padStart(7, '0');
  return `${year}/${serial}${'ZABCDEFGHJKLMNPQRTUVWXY'[Number(year + serial) % 23]}`;
}

/** A family name no other test uses: letters only, as names are. */
export function familyName(): string {
  const letters = 'BCDFGHJKLMNPRSTVWZ';
  const vowels = 'AEIOU';
  let name = '';
  for (let i = 0; i < 5; i++) name += letters[randomInt(letters.length)] + vowels[randomInt(5)];
  return name[0] + name.slice(1).toLowerCase();
}

export const ADD_PERSON = gql<
  { addPersonToCase: { person: { id: string } | null } | null },
  { input: Record<string, unknown> }
>(`
  mutation ($input: AddPersonToCaseInput!) {
    addPersonToCase(input: $input) { role person { id givenName familyName nhsNumber pncId yourReference } }
  }
`);

export interface Match {
  id: string;
  status: string;
  method: string;
  evidence: string;
  score: number | null;
  people: { id: string }[];
  knownToAnotherPartner: string | null;
}

const MATCH_FIELDS = 'id status method evidence score people { id } knownToAnotherPartner';

export const MATCHES = gql<{ personMatches: Match[] | null }, { status?: string }>(`
  query ($status: PersonLinkStatus) { personMatches(status: $status) { ${MATCH_FIELDS} } }
`);

export const CONFIRM = gql<{ confirmPersonMatch: Match | null }, { id: string }>(`
  mutation ($id: ID!) { confirmPersonMatch(id: $id) { ${MATCH_FIELDS} } }
`);

export const REJECT = gql<{ rejectPersonMatch: Match | null }, { id: string }>(`
  mutation ($id: ID!) { rejectPersonMatch(id: $id) { ${MATCH_FIELDS} } }
`);

export const UNLINK = gql<{ unlinkPersonMatch: Match | null }, { id: string }>(`
  mutation ($id: ID!) { unlinkPersonMatch(id: $id) { ${MATCH_FIELDS} } }
`);

export const RECORD_INCIDENT = gql<
  { recordIncident: Record<string, unknown> | null },
  { input: Record<string, unknown> }
>(`
  mutation ($input: RecordIncidentInput!) {
    recordIncident(input: $input) { attachedToExistingIncident incident { id description people { role person { id } } } }
  }
`);

/** Adds someone new to a case through the API, as `member`; returns the whole answer. */
export function addNewPerson(
  hub: TestHub,
  member: Member,
  caseId: string,
  newPerson: Record<string, unknown>,
  role = 'PERPETRATOR',
) {
  return hub.request(ADD_PERSON, { input: { caseId, role, newPerson } }, member.token);
}
