import type { EntityManager } from '@mikro-orm/postgresql';
import { Case } from '../cases/case.entity';
import { Partner } from '../partners/partner.entity';
import type { HubEventKind } from './hub-event-kind.enum';
import { HubEvent } from './hub-event.entity';

/**
 * Writes an event to the outbox with the caller's EntityManager, so it commits or rolls back
 * with the change that caused it. Summaries must carry no personal data (see HubEvent.summary).
 */
export function recordEvent(
  em: EntityManager,
  event: {
    kind: HubEventKind;
    caseId: string;
    summary: string;
    subjectIds?: Record<string, string | string[]>;
    /** Only this partner hears of it; otherwise every partner on the case. */
    audiencePartnerId?: string;
  },
): HubEvent {
  return em.create(HubEvent, {
    kind: event.kind,
    case: em.getReference(Case, event.caseId),
    summary: event.summary,
    subjectIds: event.subjectIds ?? {},
    audiencePartner: event.audiencePartnerId
      ? em.getReference(Partner, event.audiencePartnerId)
      : null,
  });
}
