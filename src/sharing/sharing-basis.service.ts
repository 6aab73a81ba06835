import { clock } from '../common/clock';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { requireId, requireText } from '../common/validate';
import { lockRow } from '../db/locks';
import { caseForWrite } from '../cases/case-access';
import { CasePartner } from '../cases/case-partner.entity';
import { CasePerson } from '../cases/case-person.entity';
import { Case } from '../cases/case.entity';
import { badInput, conflict, HubError, notFound } from '../errors';
import { requireRow } from '../permissions/row-access';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import { Role } from '../users/role.enum';
import { SharingBasisKind } from './sharing-basis-kind.enum';
import type {
  RecordSharingBasisInput,
  RecordSharingOverrideInput,
  WithdrawSharingBasisInput,
} from './sharing-basis.input';
import { SharingBasis } from './sharing-basis.entity';

/**
 * A partner records a basis for releasing its own fields: only the owner of data decides what
 * leaves it, so the owner is always the recorder's partner.
 */
export async function recordSharingBasis(
  em: EntityManager,
  viewer: Viewer,
  input: RecordSharingBasisInput,
  personVisible: (id: string) => Promise<boolean>,
  override?: { decisionMaker: string; lawfulBasis: string },
) {
  // Without the person's consent, releasing special category data is an override: a
  // supervisor's decision on a DPA 2018 schedule 1 condition (para 10 or 18), recorded as such.
  if (!override && input.kind !== SharingBasisKind.CONSENT) {
    throw new HubError(
      'OVERRIDE_REQUIRED',
      'Only consent is recorded this way; a basis without consent (DPA 2018 sch.1 para 10 or 18) is an override, recorded by a supervisor with recordSharingOverride',
      { field: 'kind' },
    );
  }
  const personId = requireId(input.personId, 'person');
  if (!(await personVisible(personId))) throw notFound('person', input.personId);
  const reason = requireText(input.reason, 'reason', 2000);
  const onCase = await caseForWrite(em, viewer, input.caseId);
  if (!(await em.count(CasePerson, { case: onCase, person: personId }))) {
    throw badInput(`This person is not in case ${onCase.reference}`, 'personId');
  }
  const recipientPartnerIds = await recipientsOn(em, viewer, onCase, input);
  const recordedAt = clock.now();
  if (input.expiresAt && input.expiresAt <= recordedAt) {
    throw badInput('expiresAt must be in the future', 'expiresAt');
  }
  const basis = em.create(SharingBasis, {
    person: em.getReference(Person, personId),
    ownerPartner: em.getReference(Partner, viewer.partnerId),
    case: em.getReference(Case, onCase.id),
    recipientPartnerIds,
    kind: input.kind,
    reason,
    decidedBy: em.getReference(User, viewer.userId),
    recordedAt,
    expiresAt: input.expiresAt ?? null,
    override: Boolean(override),
    decisionMaker: override?.decisionMaker ?? null,
    lawfulBasis: override?.lawfulBasis ?? null,
  });
  await em.flush();
  return basis;
}

/**
 * The partners a basis names, fixed now: the explicit list, or every other partner on the case
 * at this moment. Each must be on the case; an empty id is refused, and an id that is unknown, or
 * a partner not on the case, answers alike, as not found.
 */
async function recipientsOn(
  em: EntityManager,
  viewer: Viewer,
  onCase: Case,
  input: Pick<RecordSharingBasisInput, 'recipientPartnerIds' | 'allPartnersOnCase'>,
): Promise<string[]> {
  const field = 'recipientPartnerIds';
  const named = input.recipientPartnerIds ?? [];
  if (input.allPartnersOnCase ? named.length > 0 : named.length === 0) {
    throw badInput('Name the recipient partners, or set allPartnersOnCase; not both', field);
  }
  const onIt = (await em.find(CasePartner, { case: onCase }, { orderBy: { joinedAt: 'asc' } }))
    .map((row) => row.partner.id)
    .filter((id) => id !== viewer.partnerId);
  if (input.allPartnersOnCase) {
    if (onIt.length === 0) throw badInput('No other partner takes part in this case', field);
    return onIt;
  }
  const ids: string[] = [];
  for (const raw of named) {
    if (!raw || !raw.trim()) throw badInput('A recipient partner id must not be empty', field);
    const id = requireId(raw, 'partner');
    if (id === viewer.partnerId) {
      throw badInput('Your partner already sees its own records', field);
    }
    if (!onIt.includes(id)) throw notFound('partner', raw);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The article 9 conditions an override may rest on (DPA 2018 schedule 1). */
const OVERRIDE_KINDS: readonly SharingBasisKind[] = [
  SharingBasisKind.SAFEGUARDING,
  SharingBasisKind.PREVENTING_UNLAWFUL_ACTS,
];

/**
 * Sharing without consent. The policy lets only supervisors call it; the check is repeated here so
 * no other path can record one. A practitioner asks their supervisor: overriding a person's wishes
 * about health data is a decision the owner partner takes at supervisor level and documents.
 */
export async function recordSharingOverride(
  em: EntityManager,
  viewer: Viewer,
  input: RecordSharingOverrideInput,
  personVisible: (id: string) => Promise<boolean>,
) {
  if (viewer.role !== Role.SUPERVISOR) {
    throw new HubError(
      'FORBIDDEN',
      'Only a supervisor of the owner partner may record an override',
      {
        field: 'Mutation.recordSharingOverride',
      },
    );
  }
  if (!OVERRIDE_KINDS.includes(input.kind)) {
    throw badInput(
      'An override rests on SAFEGUARDING (DPA 2018 sch.1 para 18) or PREVENTING_UNLAWFUL_ACTS (para 10); record consent with recordSharingBasis',
      'kind',
    );
  }
  const decisionMaker = requireText(input.decisionMaker, 'decisionMaker', 200);
  const lawfulBasis = requireText(input.lawfulBasis, 'lawfulBasis', 2000);
  return recordSharingBasis(em, viewer, input, personVisible, { decisionMaker, lawfulBasis });
}

/**
 * The owner partner withdraws a basis: from the next request on, the fields it released are
 * hidden again (bases are read afresh for every request).
 */
export async function withdrawSharingBasis(
  em: EntityManager,
  viewer: Viewer,
  input: WithdrawSharingBasisInput,
) {
  // A basis the viewer's partner can see: its own, or one released to it.
  const id = await requireRow({ em, viewer }, 'sharingBasis', input.sharingBasisId);
  // Withdrawn once: the row lock makes a second withdrawal wait and see the first (CONFLICT).
  await lockRow(em, 'sharing_basis', id);
  const basis = await em.findOneOrFail(SharingBasis, { id }, { refresh: true });
  if (basis.ownerPartner.id !== viewer.partnerId) {
    throw new HubError(
      'SHARING_BASIS_NOT_YOURS',
      'Only the partner whose records a basis releases may withdraw it; ask that partner',
      { field: 'sharingBasisId' },
    );
  }
  const reason = requireText(input.reason, 'reason', 2000);
  if (basis.withdrawnAt) throw conflict('This sharing basis is already withdrawn');
  basis.withdrawnAt = clock.now();
  basis.withdrawnBy = em.getReference(User, viewer.userId);
  basis.withdrawalReason = reason;
  await em.flush();
  return basis;
}
