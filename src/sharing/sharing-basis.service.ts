import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { requireId, requireText } from '../common/validate';
import { badInput, notFound } from '../errors';
import { Partner } from '../partners/partner.entity';
import { Person } from '../people/person.entity';
import { User } from '../users/user.entity';
import type { RecordSharingBasisInput } from './sharing-basis.input';
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
) {
  const personId = requireId(input.personId, 'person');
  if (!(await personVisible(personId))) throw notFound('person', input.personId);
  const reason = requireText(input.reason, 'reason', 2000);
  let recipient: Partner | null = null;
  if (input.recipientPartnerId) {
    recipient = await em.findOne(Partner, { id: requireId(input.recipientPartnerId, 'partner') });
    if (!recipient) throw notFound('partner', input.recipientPartnerId);
    if (recipient.id === viewer.partnerId) {
      throw badInput('Your partner already sees its own records', 'recipientPartnerId');
    }
  }
  const recordedAt = new Date();
  if (input.expiresAt && input.expiresAt <= recordedAt) {
    throw badInput('expiresAt must be in the future', 'expiresAt');
  }
  const basis = em.create(SharingBasis, {
    person: em.getReference(Person, personId),
    ownerPartner: em.getReference(Partner, viewer.partnerId),
    recipientPartner: recipient,
    kind: input.kind,
    reason,
    decidedBy: em.getReference(User, viewer.userId),
    recordedAt,
    expiresAt: input.expiresAt ?? null,
  });
  await em.flush();
  return basis;
}
