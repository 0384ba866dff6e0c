export { applyToJobManager, defaultLogDir, effectiveLogDir, runDefaultsOf, type ManagerLimits } from './apply'
export {
  pruneRunFiles,
  startLogRetention,
  type LogRetentionOptions,
  type PruneResult,
  type RetentionRun,
  type RetentionTimers,
} from './log-retention'
export { migrateSettings, SETTINGS_FORMAT, SETTINGS_MIGRATIONS } from './migrations'
export { applyPatch, appSettingsSchema, checkSettings, type SettingsUpdate } from './schema'
export {
  SETTINGS_FILE,
  SettingsStore,
  type SettingsListener,
  type SettingsStoreOptions,
} from './settings-store'
