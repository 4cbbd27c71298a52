// The knowledge base as one list, and the lookup: exact endpoint + code, then 'any' + code, then 'unknown'.
import { API_ENTRIES } from './api-entries.js';
import { AUTHORIZE_ENTRIES } from './authorize-entries.js';
import { BOM_ENTRIES } from './bom-entries.js';
import { CREATE_ITEM_ENTRIES } from './create-item-entries.js';
import { FILE_ENTRIES } from './file-entries.js';
import { FORMAT_ENTRIES } from './format-entries.js';
import { ITEM_ENTRIES } from './item-entries.js';
import { LOGIN_ENTRIES } from './login-entries.js';
import { LOGOUT_ENTRIES } from './logout-entries.js';
import { NETWORK_ENTRIES } from './network-entries.js';
import { RESERVE_ENTRIES } from './reserve-entries.js';
import { USERS_ENTRIES } from './users-entries.js';
import { REACH_ENTRIES } from './reach-entries.js';
import type { KnowledgeEntry, KnowledgeScope } from './types.js';
import { UNKNOWN_ENTRY } from './unknown-entry.js';

export type { DocumentedMessage, KnowledgeCause, KnowledgeEntry, FactExtractor, KnowledgeScope } from './types.js';
export { UNKNOWN_ENTRY };

export const KNOWLEDGE_BASE: readonly KnowledgeEntry[] = [
  ...LOGIN_ENTRIES,
  ...AUTHORIZE_ENTRIES,
  ...LOGOUT_ENTRIES,
  ...REACH_ENTRIES,
  // What Onshape's sync calls later: only explained from a pasted message, never called by a check.
  ...RESERVE_ENTRIES,
  ...CREATE_ITEM_ENTRIES,
  ...ITEM_ENTRIES,
  ...FILE_ENTRIES,
  ...BOM_ENTRIES,
  ...USERS_ENTRIES,
  ...API_ENTRIES,
  ...NETWORK_ENTRIES,
  ...FORMAT_ENTRIES,
  UNKNOWN_ENTRY,
];

/** Arena codes arrive as numbers, but a numeric string ("4001") means the same code. */
function normaliseCode(code: number | string): number | string {
  if (typeof code === 'string' && /^\d+$/.test(code.trim())) return Number(code.trim());
  return typeof code === 'string' ? code.trim() : code;
}

function key(scope: KnowledgeScope | 'any', code: number | string): string {
  return `${scope}|${typeof code}|${String(code)}`;
}

function buildIndex(entries: readonly KnowledgeEntry[]): ReadonlyMap<string, KnowledgeEntry> {
  const index = new Map<string, KnowledgeEntry>();
  for (const entry of entries) {
    const scopes = entry.match.endpoints === 'any' ? (['any'] as const) : entry.match.endpoints;
    for (const scope of scopes) {
      for (const code of entry.match.codes) {
        const k = key(scope, normaliseCode(code));
        const clash = index.get(k);
        // Two entries claiming the same endpoint + code would make the lookup depend on list order.
        if (clash) throw new Error(`Knowledge base: ${entry.id} and ${clash.id} both match ${k}`);
        index.set(k, entry);
      }
    }
  }
  return index;
}

const INDEX = buildIndex(KNOWLEDGE_BASE);

export function findEntry(endpoint: KnowledgeScope, code: number | string | null): KnowledgeEntry {
  if (code === null) return UNKNOWN_ENTRY;
  const normalised = normaliseCode(code);
  return INDEX.get(key(endpoint, normalised)) ?? INDEX.get(key('any', normalised)) ?? UNKNOWN_ENTRY;
}

export function entryById(id: string): KnowledgeEntry | undefined {
  return KNOWLEDGE_BASE.find((entry) => entry.id === id);
}
