import { clock } from '../common/clock';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { requireLocalDate, requireText } from '../common/validate';
import { badInput, conflict, HubError } from '../errors';
import { User } from '../users/user.entity';
import type { AddBankHolidayInput, UpdateAreaConfigurationInput } from './area-configuration.input';
import { AreaConfiguration } from './area-configuration.entity';
import { BankHoliday } from './bank-holiday.entity';
import { ConfigurationChange } from './configuration-change.entity';

type Setting = Exclude<keyof UpdateAreaConfigurationInput, 'reason'>;

/** The range each whole-number setting may take, and where a limit comes from the law, which section. */
const LIMITS: Partial<Record<Setting, { min: number; max: number; source?: string }>> = {
  caseReviewThreshold: {
    min: 1,
    max: 3,
    source: '2014 Act s.104(4): the threshold may not exceed 3 qualifying complaints',
  },
  caseReviewWindowMonths: { min: 1, max: 12 },
  qualifyingComplaintMonths: { min: 1, max: 12 },
  locationRouteReports: { min: 0, max: 100 },
  locationRouteVictims: { min: 1, max: 100 },
  acknowledgeWorkingDays: { min: 1, max: 60 },
  decideWorkingDays: { min: 1, max: 60 },
  meetWorkingDays: { min: 1, max: 90 },
  respondWorkingDays: { min: 1, max: 60 },
  appealWindowWorkingDays: { min: 1, max: 90 },
  cpnMinimumAge: {
    min: 10,
    max: 16,
    source: '2014 Act s.43: a CPN subject must be 16 or over (10 where the law has been changed)',
  },
  smallNumberThreshold: { min: 1, max: 100 },
  perturbationMaxNoise: { min: 0, max: 10 },
  perturbationVariance: { min: 0, max: 25 },
  retentionYears: { min: 1, max: 100 },
};

function checkedValue(setting: Setting, value: unknown): unknown {
  if (setting === 'appealHeardBy') return requireText(value as string, setting, 200);
  const limit = LIMITS[setting];
  if (!limit) return value;
  const n = value as number;
  if (n < limit.min || n > limit.max) {
    if (limit.source) {
      throw new HubError(
        'STATUTORY_LIMIT',
        `${setting} must be from ${limit.min} to ${limit.max} (${limit.source})`,
        {
          field: setting,
        },
      );
    }
    throw badInput(`${setting} must be from ${limit.min} to ${limit.max}`, setting);
  }
  return n;
}

/** Changes the settings given, recording one audited change for each value that differs. */
export async function updateAreaConfiguration(
  em: EntityManager,
  viewer: Viewer,
  input: UpdateAreaConfigurationInput,
) {
  const reason = requireText(input.reason, 'reason', 2000);
  const configuration = await em.findOneOrFail(
    AreaConfiguration,
    { id: 1 },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  const changes: ConfigurationChange[] = [];
  for (const setting of Object.keys(input) as (keyof UpdateAreaConfigurationInput)[]) {
    if (setting === 'reason' || input[setting] === null || input[setting] === undefined) continue;
    let value = checkedValue(setting, input[setting]);
    // 0 reports turns the location route off.
    if (setting === 'locationRouteReports' && value === 0) value = null;
    const old = configuration[setting];
    if (old === value) continue;
    (configuration as unknown as Record<string, unknown>)[setting] = value;
    changes.push(
      em.create(ConfigurationChange, {
        changedBy: em.getReference(User, viewer.userId),
        setting,
        oldValue: old === null || old === undefined ? null : String(old),
        newValue: value === null ? null : String(value),
        reason,
      }),
    );
  }
  if (changes.length === 0)
    throw badInput('Nothing to change: every value given is already in force', 'reason');
  configuration.updatedAt = clock.now();
  configuration.updatedBy = em.getReference(User, viewer.userId);
  await em.flush();
  return configuration;
}

export async function addBankHoliday(
  em: EntityManager,
  viewer: Viewer,
  input: AddBankHolidayInput,
) {
  const date = requireLocalDate(input.date, 'date');
  const name = requireText(input.name, 'name', 200);
  const reason = requireText(input.reason, 'reason', 2000);
  if (await em.count(BankHoliday, { date })) throw conflict(`${date} is already a bank holiday`);
  const holiday = em.create(BankHoliday, {
    date,
    name,
    addedBy: em.getReference(User, viewer.userId),
  });
  em.create(ConfigurationChange, {
    changedBy: em.getReference(User, viewer.userId),
    setting: 'bankHoliday',
    oldValue: null,
    newValue: `${date} ${name}`,
    reason,
  });
  await em.flush();
  return holiday;
}
