import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaConfiguration } from './area-configuration.entity';
import { BankHoliday } from './bank-holiday.entity';
import { WorkingCalendar } from './working-days';

/** The area's rules as in force now: the configuration row and the working calendar. */
export interface AreaRules {
  configuration: AreaConfiguration;
  calendar: WorkingCalendar;
}

/** Reads the rules inside the caller's transaction, so a decision uses the values it commits with. */
export async function loadAreaRules(em: EntityManager): Promise<AreaRules> {
  const [configuration, holidays] = await Promise.all([
    em.findOneOrFail(AreaConfiguration, { id: 1 }),
    em.find(BankHoliday, {}),
  ]);
  return { configuration, calendar: new WorkingCalendar(new Set(holidays.map((h) => h.date))) };
}
