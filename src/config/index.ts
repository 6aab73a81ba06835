/**
 * Configuration, read and validated once at start-up (`loadConfig`). Split by subject: the shape
 * the code reads (hub-config.ts), how a variable's text is parsed (parsers.ts), each subject's
 * variables (*.settings.ts), the rules across variables (cross-rules.ts), and the reading itself
 * (load-config.ts). docs/configuration.md is printed from the settings (`npm run config:doc`).
 */
export * from './hub-config';
export { PROVISIONED_ROLES } from './parsers';
export { SETTINGS } from './settings';
export { ConfigError, loadConfig } from './load-config';
export { settingsBySubject, settingsTable } from './settings-table';
