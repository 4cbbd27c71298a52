// Settings: the saved profile (never a secret) in <userData>/settings.json.
export {
  createSettingsStore,
  defaultSettings,
  SettingsError,
  type Settings,
  type SettingsErrorCode,
  type SettingsStore,
  type SettingsStoreOptions,
} from './store.js';
export { savedProfileSchema, settingsSchema, SETTINGS_VERSION } from './schema.js';
