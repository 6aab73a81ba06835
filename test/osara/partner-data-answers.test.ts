import { OsaraStage } from '../../src/cases/case-enums';
import { OsaraPartnerRequest } from '../../src/osara/osara-partner-request.entity';
import { makePartnerMember, PartnerKind } from '../support/factories';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { AskPartner, DataAnswered, makeCaseAt } from './osara-operations';

/* OSARA scanning: the partner asked for its data is the one that answers. */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

describe('answering a request for partner data', () => {
  it('refuses the lead answering for the partner it asked, and lets the asked partner answer', async () => {
    const em = hub.em();
    const police = await makePartnerMember(em, PartnerKind.POLICE);
    const housing = await makePartnerMember(em, PartnerKind.HOUSING);
    const onCase = await makeCaseAt(em, police, [housing.partner], OsaraStage.SCANNING);
    const asked = await hub.request(
      AskPartner as never,
      { input: { caseId: onCase.id, partnerId: housing.partner.id } } as never,
      police.token,
    );
    const requestId = (asked.data as { askPartnerForData: { id: string } }).askPartnerForData.id;
    const byLead = await hub.request(
      DataAnswered,
      { input: { requestId, nothingHeld: true } },
      police.token,
    );
    expect(codes(byLead)).toEqual(['PARTNER_DATA_REQUEST_NOT_YOURS']);
    const unanswered = await hub.em().findOneOrFail(OsaraPartnerRequest, { id: requestId });
    expect(unanswered.answeredAt ?? null).toBeNull();
    const byAsked = await hub.request(
      DataAnswered,
      { input: { requestId, nothingHeld: true } },
      housing.token,
    );
    expect(byAsked.errors).toBeUndefined();
    expect(byAsked.data?.recordPartnerDataAnswered?.answeredAt).toEqual(expect.any(String));
  });
});
