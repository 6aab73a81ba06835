import { PartnerKind } from '../partners/partner-kind.enum';
import { Role } from '../users/role.enum';
import type { FieldPolicy, Grant } from './grant';
import { policy } from './policy';
import { ROW_KINDS } from './row-access';

const ROLE_ABBREVIATIONS: Record<Role, string> = {
  [Role.PRACTITIONER]: 'P',
  [Role.SUPERVISOR]: 'S',
  [Role.LEGAL]: 'L',
  [Role.ANALYST]: 'A',
  [Role.ADMINISTRATOR]: 'Adm',
  [Role.BI_SERVICE]: 'BI',
  [Role.DATA_PROTECTION_OFFICER]: 'DPO',
};

const KIND_HEADINGS: Record<PartnerKind, string> = {
  [PartnerKind.POLICE]: 'Police',
  [PartnerKind.COUNCIL]: 'Council',
  [PartnerKind.HOUSING]: 'Housing',
  [PartnerKind.MENTAL_HEALTH]: 'Mental health',
  [PartnerKind.DRUG_ALCOHOL]: 'Drug & alcohol',
  [PartnerKind.OTHER]: 'Other',
};

function condition(grant: Grant): string {
  if (grant.owner) return ' (own records)';
  if (grant.basis)
    return ` (with ${grant.basis.map((b) => b.toLowerCase().replace(/_/g, ' ')).join(' or ')})`;
  return '';
}

/** One cell: the roles of this kind of partner that may read, and on what condition. */
function cell(fieldPolicy: FieldPolicy, kind: PartnerKind): string {
  const parts = fieldPolicy
    .filter((grant) => grant.partners === 'ALL' || grant.partners.includes(kind))
    .map(
      (grant) => grant.roles.map((role) => ROLE_ABBREVIATIONS[role]).join(' ') + condition(grant),
    );
  return parts.length ? parts.join('; ') : '\u2014';
}

/** The policy as the schedule a data protection officer signs off: partner x role x field. */
export function renderPermissionsDoc(): string {
  const kinds = Object.values(PartnerKind);
  const lines = [
    '# Sharing schedule: who sees what',
    '',
    'Generated from `src/permissions/policy.ts` by `npm run permissions:doc`; a test fails if this file and the policy differ. Do not edit by hand.',
    '',
    'Rows first: a partner sees a case only if it leads or takes part in it, and people and records only through such cases. A hidden case or person answers exactly like one that does not exist. The tables then say, field by field, which roles of which kind of partner may read.',
    '',
    `Roles: ${Object.entries(ROLE_ABBREVIATIONS)
      .map(([role, abbreviation]) => `${abbreviation} = ${role.toLowerCase().replace(/_/g, ' ')}`)
      .join(', ')}.`,
    '"(free text)": text a person wrote, which in practice names people and their health: personal data, audited whenever read, never released to analysts, BI service accounts or administrators. "(own records)": only members of the partner that holds the record. "(with consent or safeguarding)": members of other partners on the case, once the holder records that sharing basis for the person on that case, naming their partner; the record is then read through that case only (reached by the person\u2019s id, through any case the basis names that the reader\u2019s partner takes part in). A partner added to the case later is not covered. \u2014 : nobody.',
    '',
    '## Row access',
    '',
    'Every id a client sends, in a query argument, a mutation input or a nested input list, is resolved through `src/permissions/row-access.ts`, a batch of ids of one kind in one statement. An id the viewer cannot reach answers `NOT_FOUND` exactly as a random or malformed one. Who reaches a row of each kind:',
    '',
    '| kind | a partner reaches |',
    '| --- | --- |',
    ...Object.entries(ROW_KINDS).map(([kind, access]) => `| ${kind} | ${access.rule} |`),
    '',
  ];
  for (const [typeName, typePolicy] of Object.entries(policy)) {
    lines.push(`## ${typeName}`, '', typePolicy.description, '');
    if (typePolicy.rows) {
      lines.push(
        `Who may know such a record exists: ${kinds.map((kind) => `${KIND_HEADINGS[kind]}: ${cell(typePolicy.rows!, kind)}`).join('; ')}.`,
        '',
      );
    }
    lines.push(`| field | ${kinds.map((kind) => KIND_HEADINGS[kind]).join(' | ')} |`);
    lines.push(`|---|${kinds.map(() => '---').join('|')}|`);
    for (const [field, fieldPolicy] of Object.entries(typePolicy.fields)) {
      const name = fieldPolicy.freeText ? `${field} (free text)` : field;
      lines.push(`| ${name} | ${kinds.map((kind) => cell(fieldPolicy, kind)).join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
