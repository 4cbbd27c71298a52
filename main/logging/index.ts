// The support log: a size-rotated JSON-lines file with redaction applied by the logger itself.
export {
  createLogger,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_FILES,
  LOG_FILE_NAME,
  nullLogger,
  REDACT_PATHS,
  type AddSecrets,
  type AppLogger,
  type LogFields,
  type LoggerOptions,
  type LogLevel,
} from './logger.js';
export { isSensitiveKey, scrubFields, scrubText, scrubValue, SENSITIVE_KEYS } from './scrub.js';
export { stepFields, targetFields } from './fields.js';
