// History: the newest check results, as their non-secret reports, in <userData>/history.json.
export { createHistoryStore, type HistoryStore, type HistoryStoreOptions } from './store.js';
export { HISTORY_ID_PATTERN, HISTORY_LIMIT, MAX_HISTORY_FILE_BYTES } from './schema.js';
export { CONNECTION_WORKS, summarise } from './summary.js';
