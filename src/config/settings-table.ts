import { RANGES } from './parsers';
import type { Setting } from './setting';
import { SETTING_GROUPS } from './settings';

export interface SettingRow {
  variable: string;
  shown: string;
  meaning: string;
}

function row(variable: string, spec: Setting<unknown>): SettingRow {
  const range = RANGES.get(spec.parser);
  return {
    variable,
    shown: spec.shown,
    meaning: range ? `${spec.meaning} Whole number, ${range[0]} to ${range[1]}.` : spec.meaning,
  };
}

/** The configuration tables, one per subject and one row per variable, for docs/configuration.md. */
export function settingsBySubject(): { title: string; rows: SettingRow[] }[] {
  return SETTING_GROUPS.map((group) => ({
    title: group.title,
    rows: Object.entries(group.settings as Record<string, Setting<unknown>>).map(([name, spec]) =>
      row(name, spec),
    ),
  }));
}

/** Every variable, one row each, in the order docs/configuration.md lists them. */
export function settingsTable(): SettingRow[] {
  return settingsBySubject().flatMap((group) => group.rows);
}
