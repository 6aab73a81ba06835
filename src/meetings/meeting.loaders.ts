import type { EntityManager } from '@mikro-orm/postgresql';
import { Action } from '../actions/action.entity';
import { BatchWaves, groupedLoader } from '../common/batch-loader';
import { MeetingAgendaItem, MeetingPartner } from './meeting.entity';

export const meetingLoaders = (em: EntityManager, waves: BatchWaves) => ({
  partnersByMeeting: groupedLoader(
    waves,
    (ids) => em.find(MeetingPartner, { meeting: { $in: ids } }, { populate: ['partner'] }),
    (row) => row.meeting.id,
  ),
  agendaByMeeting: groupedLoader(
    waves,
    (ids) =>
      em.find(MeetingAgendaItem, { meeting: { $in: ids } }, { orderBy: { position: 'asc' } }),
    (row) => row.meeting.id,
  ),
  actionsByMeeting: groupedLoader(
    waves,
    (ids) =>
      em.find(
        Action,
        { meeting: { $in: ids } },
        { orderBy: { dueDate: 'asc', createdAt: 'asc', id: 'asc' } },
      ),
    (row) => row.meeting!.id,
  ),
});
