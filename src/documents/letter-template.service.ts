import { clock } from '../common/clock';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { AuditTrail } from '../audit/audit-trail';
import type { Viewer } from '../auth/viewer';
import { PARTICIPATES } from '../permissions/row-access';
import { requireId, requireText } from '../common/validate';
import { HubError, notFound } from '../errors';
import { InterventionPartner } from '../interventions/intervention-partner.entity';
import { Intervention } from '../interventions/intervention.entity';
import { appealDeadline } from '../interventions/ladder.rules';
import { Role } from '../users/role.enum';
import { User } from '../users/user.entity';
import {
  LetterKind,
  LetterTemplate,
  LetterTemplateChange,
  SentLetter,
} from './letter-template.entity';
import { AreaConfiguration } from '../area-configuration/area-configuration.entity';
import { CorrespondenceLanguage } from '../people/correspondence-language.enum';
import { joinNames, kindName, letterDate, LetterLanguage, letterParts } from './letter-language';

/** Every placeholder a letter may use, and what it means. Anything else is refused. */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  'subject.fullName': 'The given and family name of the person the letter is to',
  'subject.givenName': 'Their given name',
  'subject.familyName': 'Their family name',
  'case.reference': 'The case reference, e.g. ASB-2026-0001',
  'intervention.kind': 'The step on the ladder, e.g. Community protection warning',
  'intervention.terms': 'The conduct named and what must stop',
  'intervention.issuedDate': 'The date the intervention was issued',
  'intervention.complianceDate': 'The date by which the conduct must stop',
  'intervention.appealDeadline': 'CPN: the last day to appeal to the magistrates (s.46)',
  'premises.description': 'The premises, for a closure notice or order',
  issuingPartners:
    'The partners issuing it, e.g. Dyfed-Powys Police and Carmarthenshire County Council',
  today: 'The date the letter is produced',
};

/** Values used to preview a template without any case: fictional, so no personal data is shown. */
export const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  'subject.fullName': 'Alex Sample',
  'subject.givenName': 'Alex',
  'subject.familyName': 'Sample',
  'case.reference': 'ASB-0000-0000',
  'intervention.kind': 'Community protection warning',
  'intervention.terms': 'Playing loud music between 11pm and 7am at 1 Example Street.',
  'intervention.issuedDate': '1 March 2026',
  'intervention.complianceDate': '15 March 2026',
  'intervention.appealDeadline': '21 March 2026',
  'premises.description': '1 Example Street',
  issuingPartners: 'Example Police and Example Council',
  today: '1 March 2026',
};

/** The same fictional values as a Welsh letter writes them. */
const SAMPLE_VALUES_WELSH: Readonly<Record<string, string>> = {
  ...SAMPLE_VALUES,
  'intervention.kind': "Rhybudd diogelu'r gymuned",
  'intervention.terms': 'Chwarae cerddoriaeth uchel rhwng 11pm a 7am yn 1 Stryd Enghraifft.',
  'intervention.issuedDate': '1 Mawrth 2026',
  'intervention.complianceDate': '15 Mawrth 2026',
  'intervention.appealDeadline': '21 Mawrth 2026',
  'premises.description': '1 Stryd Enghraifft',
  issuingPartners: 'Heddlu Enghraifft a Chyngor Enghraifft',
  today: '1 Mawrth 2026',
};

const SAMPLES: Record<LetterLanguage, Readonly<Record<string, string>>> = {
  [LetterLanguage.ENGLISH]: SAMPLE_VALUES,
  [LetterLanguage.WELSH]: SAMPLE_VALUES_WELSH,
};

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a text uses that the hub does not know (a stray `{{` or `}}` counts too). */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(TOKEN)) if (!(match[1] in PLACEHOLDERS)) unknown.add(match[1]);
  const rest = text.replace(TOKEN, '');
  if (rest.includes('{{') || rest.includes('}}')) unknown.add('(unclosed braces)');
  return [...unknown];
}

function refuseUnknown(...texts: string[]) {
  const unknown = [...new Set(texts.flatMap(unknownPlaceholders))];
  if (unknown.length) {
    throw new HubError(
      'UNKNOWN_PLACEHOLDER',
      `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((p) => `{{${p}}}`).join(', ')}. Known: ${Object.keys(PLACEHOLDERS).join(', ')}`,
      { field: 'body', placeholders: unknown },
    );
  }
}

/** Fills every placeholder; refuses a text with one the hub does not know. */
export function renderLetterText(text: string, values: Readonly<Record<string, string>>): string {
  refuseUnknown(text);
  return text.replace(TOKEN, (_all, name: string) => values[name] || '(not set)');
}

/** The letter kinds are the written steps of the ladder, with the same names. */
const kindFor = (intervention: Intervention): LetterKind | undefined =>
  (Object.values(LetterKind) as string[]).includes(intervention.kind)
    ? (intervention.kind as unknown as LetterKind)
    : undefined;

/** An intervention on a case the viewer's partner takes part in; anything else is NOT_FOUND. */
export async function visibleIntervention(
  em: EntityManager,
  viewer: Viewer,
  interventionId: string,
) {
  const id = requireId(interventionId, 'intervention');
  const found = await em
    .createQueryBuilder(Intervention, 'i')
    .select('i.*')
    .join('i.case', 'c')
    .where({ id })
    .andWhere(PARTICIPATES('c'), [viewer.partnerId])
    .getSingleResult();
  if (!found) throw notFound('intervention', interventionId);
  await em.populate(found, ['case', 'subject', 'premises']);
  return found;
}

/** The values of an intervention's letter, as a letter in `language` writes them. Reading the subject and terms is audited. */
export async function valuesFor(
  em: EntityManager,
  intervention: Intervention,
  audit?: AuditTrail,
  language: LetterLanguage = LetterLanguage.ENGLISH,
): Promise<Record<string, string>> {
  const issuers = await em.find(
    InterventionPartner,
    { intervention: intervention.id },
    { populate: ['partner'], orderBy: { id: 'asc' } },
  );
  const names = issuers.map((row) => row.partner.name).sort();
  const subject = intervention.subject;
  for (const field of ['subject', 'terms', 'premises'])
    audit?.read('Intervention', field, {
      id: intervention.id,
      personId: subject?.id ?? null,
      caseId: intervention.case.id,
    });
  const date = (value: Date | string | null | undefined) => letterDate(value, language);
  return {
    'subject.fullName': subject ? `${subject.givenName} ${subject.familyName}` : '',
    'subject.givenName': subject?.givenName ?? '',
    'subject.familyName': subject?.familyName ?? '',
    'case.reference': intervention.case.reference,
    'intervention.kind': kindName(intervention.kind, language),
    'intervention.terms': intervention.terms,
    'intervention.issuedDate': date(intervention.issuedAt),
    'intervention.complianceDate': date(intervention.complianceDate),
    'intervention.appealDeadline':
      intervention.kind === 'COMMUNITY_PROTECTION_NOTICE'
        ? date(appealDeadline(intervention.issuedAt))
        : '',
    'premises.description': intervention.premises?.description ?? '',
    issuingPartners: joinNames(names, language),
    today: date(clock.now()),
  };
}

export interface UpdateLetterTemplate {
  id: string;
  title?: string | null;
  body: string;
  reason: string;
}

/** An administrator changes a template's wording: one audited change, one version up. */
export async function updateLetterTemplate(
  em: EntityManager,
  viewer: Viewer,
  input: UpdateLetterTemplate,
) {
  const id = requireId(input.id, 'letter template');
  const reason = requireText(input.reason, 'reason', 2000);
  const body = requireText(input.body, 'body', 50_000);
  const template = await em.findOne(LetterTemplate, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!template) throw notFound('letter template', input.id);
  const title = input.title ? requireText(input.title, 'title', 200) : template.title;
  refuseUnknown(title, body);
  if (title === template.title && body === template.body) {
    throw new HubError('BAD_USER_INPUT', 'Nothing to change: the title and body are as they are', {
      field: 'body',
    });
  }
  em.create(LetterTemplateChange, {
    template,
    version: template.version + 1,
    oldTitle: template.title,
    newTitle: title,
    oldBody: template.body,
    newBody: body,
    reason,
    changedBy: em.getReference(User, viewer.userId),
  });
  template.title = title;
  template.body = body;
  template.version += 1;
  template.updatedAt = clock.now();
  template.updatedBy = em.getReference(User, viewer.userId);
  await em.flush();
  return template;
}

export interface PreviewLetter {
  templateId: string;
  title?: string | null;
  body?: string | null;
  interventionId?: string | null;
}

/**
 * Renders a template (or unsaved wording for it) without saving anything. Against an
 * intervention for casework roles; administrators, who see no personal data, preview against
 * fictional sample values.
 */
export async function previewLetter(
  em: EntityManager,
  viewer: Viewer,
  input: PreviewLetter,
  audit?: AuditTrail,
) {
  const template = await em.findOne(LetterTemplate, requireId(input.templateId, 'letter template'));
  if (!template) throw notFound('letter template', input.templateId);
  const title = input.title ?? template.title;
  const body = input.body ?? template.body;
  refuseUnknown(title, body);
  let values: Readonly<Record<string, string>> = SAMPLES[template.language as LetterLanguage];
  if (input.interventionId) {
    if (viewer.role === Role.ADMINISTRATOR) {
      throw new HubError(
        'FORBIDDEN',
        'Administrators see no personal data: preview without an intervention to use sample values',
        { field: 'interventionId' },
      );
    }
    values = await valuesFor(
      em,
      await visibleIntervention(em, viewer, input.interventionId),
      audit,
      template.language as LetterLanguage,
    );
  }
  return { title: renderLetterText(title, values), text: renderLetterText(body, values) };
}

/**
 * The language a letter goes in: the one asked for, else the recipient's recorded choice, else
 * the area's default (docs/rules.md "Letters in Welsh, English or both").
 */
async function languageFor(
  em: EntityManager,
  intervention: Intervention,
  asked: CorrespondenceLanguage | null | undefined,
): Promise<CorrespondenceLanguage> {
  if (asked) return asked;
  if (intervention.subject?.correspondenceLanguage)
    return intervention.subject.correspondenceLanguage;
  const area = await em.findOneOrFail(AreaConfiguration, { id: 1 });
  return area.defaultCorrespondenceLanguage;
}

const kindLabel = (intervention: Intervention) =>
  intervention.kind.toLowerCase().replace(/_/g, ' ');

/**
 * Renders the letter for an intervention from the current templates, in the recipient's
 * language (Welsh first when both), and keeps it as sent.
 */
export async function recordLetterSent(
  em: EntityManager,
  viewer: Viewer,
  interventionId: string,
  asked?: CorrespondenceLanguage | null,
) {
  const intervention = await visibleIntervention(em, viewer, interventionId);
  const kind = kindFor(intervention);
  if (!kind) {
    throw new HubError(
      'NO_LETTER_TEMPLATE',
      `There is no letter template for a ${kindLabel(intervention)}`,
      { field: 'interventionId' },
    );
  }
  const language = await languageFor(em, intervention, asked);
  const parts = [];
  for (const partLanguage of letterParts(language)) {
    const template = await em.findOne(LetterTemplate, { kind, language: partLanguage });
    if (!template) {
      throw new HubError(
        'NO_LETTER_TEMPLATE',
        `There is no ${partLanguage.toLowerCase()} letter template for a ${kindLabel(intervention)}`,
        { field: 'interventionId', language: partLanguage },
      );
    }
    const values = await valuesFor(em, intervention, undefined, partLanguage);
    parts.push({
      template,
      title: renderLetterText(template.title, values),
      text: renderLetterText(template.body, values),
    });
  }
  const [first, second] = parts;
  return em.create(SentLetter, {
    intervention,
    language,
    template: first.template,
    templateVersion: first.template.version,
    title: first.title,
    text: first.text,
    secondTemplate: second?.template ?? null,
    secondTemplateVersion: second?.template.version ?? null,
    secondTitle: second?.title ?? null,
    secondText: second?.text ?? null,
    sentBy: em.getReference(User, viewer.userId),
  });
}

/** The latest letter recorded as sent for an intervention the viewer can see. */
export async function latestSentLetter(em: EntityManager, viewer: Viewer, interventionId: string) {
  const intervention = await visibleIntervention(em, viewer, interventionId);
  const letter = await em.findOne(
    SentLetter,
    { intervention: intervention.id },
    { orderBy: { sentAt: 'desc', id: 'desc' }, populate: ['sentBy'] },
  );
  if (!letter) throw notFound('letter sent for intervention', interventionId);
  return { intervention, letter };
}
