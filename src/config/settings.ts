import { AUTH_SETTINGS } from './auth.settings';
import { CASE_WORK_SETTINGS } from './case-work.settings';
import { DOCUMENTS_AND_IMPORTS_SETTINGS } from './documents-and-imports.settings';
import { OBSERVABILITY_SETTINGS } from './observability.settings';
import type { Setting } from './setting';
import { START_UP_SETTINGS } from './start-up.settings';
import { SURFACE_SETTINGS } from './surface.settings';

/** Every subject's variables, in the order docs/configuration.md lists them. */
export const SETTING_GROUPS = [
  START_UP_SETTINGS,
  AUTH_SETTINGS,
  SURFACE_SETTINGS,
  CASE_WORK_SETTINGS,
  DOCUMENTS_AND_IMPORTS_SETTINGS,
  OBSERVABILITY_SETTINGS,
] as const;

/** Every variable the hub reads, by name. */
export const SETTINGS = {
  ...START_UP_SETTINGS.settings,
  ...AUTH_SETTINGS.settings,
  ...SURFACE_SETTINGS.settings,
  ...CASE_WORK_SETTINGS.settings,
  ...DOCUMENTS_AND_IMPORTS_SETTINGS.settings,
  ...OBSERVABILITY_SETTINGS.settings,
};

export type SettingName = keyof typeof SETTINGS;
export type SettingValues = {
  [K in SettingName]: (typeof SETTINGS)[K] extends Setting<infer T> ? T : never;
};
