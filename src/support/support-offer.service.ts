import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { caseForWrite } from '../cases/case-access';
import { CasePartner } from '../cases/case-partner.entity';
import { optionalText, requireId, requirePast } from '../common/validate';
import { badInput } from '../errors';
import { peopleInCase } from '../incidents/incident.service';
import { Partner } from '../partners/partner.entity';
import { User } from '../users/user.entity';
import type { RecordSupportOfferInput } from './support-offer.input';
import { SupportOffer } from './support-offer.entity';

export async function recordSupportOffer(
  em: EntityManager,
  viewer: Viewer,
  input: RecordSupportOfferInput,
) {
  const found = await caseForWrite(em, viewer, input.caseId);
  const offeredAt = requirePast(input.offeredAt, 'offeredAt');
  const [person] = await peopleInCase(em, viewer, found, [input.personId]);
  const offeredBy = requireId(input.offeredByPartnerId ?? viewer.partnerId, 'partner');
  if (!(await em.count(CasePartner, { case: found, partner: offeredBy }))) {
    throw badInput(
      `Partner ${offeredBy} does not take part in case ${found.reference}`,
      'offeredByPartnerId',
    );
  }
  const offer = em.create(SupportOffer, {
    case: found,
    person,
    offeredBy: em.getReference(Partner, offeredBy),
    kind: input.kind,
    details: optionalText(input.details, 'details'),
    offeredAt,
    response: input.response,
    recordedBy: em.getReference(User, viewer.userId),
  });
  await em.flush();
  return offer;
}
