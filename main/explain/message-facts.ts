// The placeholder values of an entry's documented message, read out of a message Arena sent. Shared by
// the check's diagnosis (Arena's message arrives in the response) and by explain (the admin pasted it).
import type { KnowledgeEntry } from '../knowledge/types.js';
import { compileMessage, matchMessage, type CompiledMessage } from './message-template.js';
import { normalise } from './normalise.js';
import type { StepCounter } from './literal-search.js';

const compiled = new WeakMap<KnowledgeEntry, CompiledMessage>();

/** The entry's documented message, compiled on first use; null for entries with no documented message. */
export function compiledMessageOf(entry: KnowledgeEntry): CompiledMessage | null {
  if (!entry.documented) return null;
  let message = compiled.get(entry);
  if (!message) {
    message = compileMessage(entry.documented);
    compiled.set(entry, message);
  }
  return message;
}

export function messageFacts(entry: KnowledgeEntry, message: string | null, counter: StepCounter = { steps: 0 }): Record<string, string> {
  const compiledMessage = compiledMessageOf(entry);
  if (!compiledMessage || compiledMessage.captures.length === 0 || !message) return {};
  return matchMessage(compiledMessage, normalise(message, { trim: true }), counter)?.facts ?? {};
}
