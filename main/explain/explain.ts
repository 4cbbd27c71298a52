// Explains an error the admin copied from Onshape, from the text alone: no credentials, no network.
// Every documented message in the knowledge base is tried as a template (linear in the input for each,
// so linear in the catalogue overall); failing that, error codes in the text are looked up. Candidates
// are ranked, and when they call for different fixes one question lets the admin choose.
import { MAX_EXPLAIN_INPUT_CHARS, type ExplainCandidate, type ExplainQuestion, type Explanation } from '../../common/explanation.js';
import { diagnoseEntry } from '../diagnosis/diagnose.js';
import { KNOWLEDGE_BASE, UNKNOWN_ENTRY } from '../knowledge/index.js';
import { STAGES } from '../knowledge/stages.js';
import type { KnowledgeEntry } from '../knowledge/types.js';
import { compileNeedle, findNeedle, type Needle, type StepCounter } from './literal-search.js';
import { compiledMessageOf } from './message-facts.js';
import { matchMessage } from './message-template.js';
import { normalise, type NormalisedText } from './normalise.js';
import { maskLabelledSecrets, showControlsAsSpaces } from './safe-input.js';

export const WHICH_STAGE_QUESTION = 'What were you doing in Onshape when this appeared?';

interface CatalogueEntry {
  entry: KnowledgeEntry;
  code: number;
  endpoint: string;
  stage: string;
  stageWords: readonly Needle[];
  /** Position in the knowledge base: the last tie-break, so ranking is deterministic. */
  order: number;
}

let catalogue: readonly CatalogueEntry[] | null = null;

/** Every entry with a documented message: the rows of Arena's published tables. */
export function explainCatalogue(): readonly CatalogueEntry[] {
  catalogue ??= KNOWLEDGE_BASE.flatMap((entry, order) => {
    const code = entry.match.codes[0];
    if (!entry.documented || typeof code !== 'number') return [];
    const stage = STAGES[entry.documented.source];
    if (!stage) throw new Error(`No stage for ${entry.documented.source}`);
    const endpoint = entry.match.endpoints === 'any' ? 'any' : entry.match.endpoints.join(' or ');
    return [{ entry, code, endpoint, stage: stage.label, stageWords: stage.words.map(compileNeedle), order }];
  });
  return catalogue;
}

interface Ranked {
  item: CatalogueEntry;
  matchedBy: 'message' | 'code';
  literalChars: number;
  codeMentioned: boolean;
  stageHits: number;
  facts: Record<string, string>;
}

/** Error codes written in the text: runs of 3 to 5 digits standing alone (not inside a GUID or "R10"). */
function codesIn(folded: string, counter: StepCounter): Set<number> {
  const codes = new Set<number>();
  const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
  const isAlnum = (char: string | undefined) => isDigit(char) || (char !== undefined && char >= 'a' && char <= 'z');
  let i = 0;
  while (i < folded.length && codes.size < 20) {
    counter.steps += 1;
    if (!isDigit(folded[i]) || isAlnum(folded[i - 1])) {
      i += 1;
      continue;
    }
    let end = i;
    while (end < folded.length && isDigit(folded[end])) end += 1;
    counter.steps += end - i;
    if (end - i >= 3 && end - i <= 5 && !isAlnum(folded[end])) codes.add(Number(folded.slice(i, end)));
    i = end;
  }
  return codes;
}

function countStageWords(words: readonly Needle[], text: string, counter: StepCounter): number {
  return words.filter((word) => findNeedle(text, word, 0, counter) >= 0).length;
}

function compareRanked(a: Ranked, b: Ranked): number {
  return (
    b.literalChars - a.literalChars ||
    Number(b.codeMentioned) - Number(a.codeMentioned) ||
    b.stageHits - a.stageHits ||
    a.item.order - b.item.order
  );
}

type MessageMatch = Ranked & { start: number; end: number };

/** Every entry whose message is in the text, in the given quote mode. */
function messageMatches(input: NormalisedText, quotes: 'mark' | 'drop', codes: Set<number>, counter: StepCounter): MessageMatch[] {
  const byMessage: MessageMatch[] = [];
  for (const item of explainCatalogue()) {
    const message = compiledMessageOf(item.entry);
    const found = message ? matchMessage(message, input, counter, quotes) : null;
    if (!found) continue;
    byMessage.push({
      item,
      matchedBy: 'message',
      literalChars: found.match.literalChars,
      codeMentioned: codes.has(item.code),
      stageHits: 0,
      facts: found.facts,
      start: found.match.start,
      end: found.match.end,
    });
  }
  return byMessage;
}

function rank(text: string, counter: StepCounter): Ranked[] {
  let input = normalise(text, { trim: true });
  const codes = codesIn(input.folded, counter);
  let byMessage = messageMatches(input, 'mark', codes, counter);
  if (byMessage.length === 0) {
    // Retyped without its quotes ("The attribute name is required."): one more pass with quotes dropped.
    input = normalise(text, { trim: true, quotes: 'drop' });
    byMessage = messageMatches(input, 'drop', codes, counter);
  }
  if (byMessage.length > 0) {
    // A shorter template inside a longer one ("…attribute "{1}"." inside "…attribute "{1}" (guid {2}).")
    // is not a second reading: only the most specific matches stay.
    const most = Math.max(...byMessage.map((ranked) => ranked.literalChars));
    const kept = byMessage.filter((ranked) => ranked.literalChars === most);
    for (const ranked of kept) {
      // Stage words count only outside the message itself ("number" is in some of Arena's messages).
      const around = `${input.folded.slice(0, ranked.start)} ${input.folded.slice(ranked.end)}`;
      ranked.stageHits = countStageWords(ranked.item.stageWords, around, counter);
    }
    return kept.sort(compareRanked);
  }
  const byCode = explainCatalogue()
    .filter((item) => codes.has(item.code))
    .map((item): Ranked => ({
      item,
      matchedBy: 'code',
      literalChars: 0,
      codeMentioned: true,
      stageHits: countStageWords(item.stageWords, input.folded, counter),
      facts: {},
    }));
  return byCode.sort(compareRanked);
}

function questionFor(ranked: readonly Ranked[]): ExplainQuestion | null {
  if (ranked.length < 2) return null;
  const advice = new Set(ranked.map((candidate) => JSON.stringify(candidate.item.entry.causes)));
  if (advice.size < 2) return null;
  const options: ExplainQuestion['options'] = [];
  for (const candidate of ranked) {
    if (options.some((option) => option.label === candidate.item.stage)) continue;
    options.push({ candidateId: candidate.item.entry.id, label: candidate.item.stage });
  }
  return options.length < 2 ? null : { text: WHICH_STAGE_QUESTION, options };
}

export interface ExplainOptions {
  now: Date;
  /** Receives the work done, so tests can prove it grows linearly with the input. */
  counter?: StepCounter;
}

/** Throws a RangeError for text over MAX_EXPLAIN_INPUT_CHARS: callers refuse it before this point. */
export function explainMessage(text: string, options: ExplainOptions): Explanation {
  if (text.length > MAX_EXPLAIN_INPUT_CHARS) {
    throw new RangeError(`The text is ${text.length} characters; at most ${MAX_EXPLAIN_INPUT_CHARS} can be explained.`);
  }
  const counter = options.counter ?? { steps: 0 };
  const shown = maskLabelledSecrets(showControlsAsSpaces(text), counter);
  const ranked = rank(shown, counter);
  const context = { now: options.now };
  const failure = (entry: KnowledgeEntry) => ({
    httpStatus: entry.documented?.httpStatus ?? null,
    message: shown,
    budget: null,
    serverDate: null,
  });
  const candidates: ExplainCandidate[] = ranked.map(({ item, matchedBy, facts }) => ({
    endpoint: item.endpoint,
    code: item.code,
    id: item.entry.id,
    title: item.entry.title,
    facts,
    stage: item.stage,
    matchedBy,
  }));
  const diagnoses =
    ranked.length > 0
      ? ranked.map(({ item }) => diagnoseEntry(item.entry, failure(item.entry), context))
      : [diagnoseEntry(UNKNOWN_ENTRY, failure(UNKNOWN_ENTRY), context)];
  return { recognized: ranked.length > 0, input: shown, candidates, diagnoses, question: questionFor(ranked) };
}
