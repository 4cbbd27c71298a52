// What explaining a pasted Onshape error produces (doctor explain, the wizard's explain path). Plain
// data, shared by the core, the CLI, reports, the IPC contract and the renderer. No connection is made.
import type { Diagnosis } from './check-report.js';

/** The longest text explained: longer input is refused (CLI exit 2, IPC payload error, text area limit). */
export const MAX_EXPLAIN_INPUT_CHARS = 10_000;

export interface ExplainCandidate {
  /** The endpoint(s) the entry is about, e.g. "POST /items or PUT /items"; "any" for codes every endpoint shares. */
  endpoint: string;
  code: number;
  /** Knowledge-base entry id, e.g. "reserve.3238". */
  id: string;
  title: string;
  /** Placeholder values read from the message, under readable names (attribute, category, guid, maxLength…). */
  facts: Record<string, string>;
  /** What the admin was doing in Onshape when this error appears: the answer that picks this candidate. */
  stage: string;
  /** A message template matched, or only an error code was recognised. */
  matchedBy: 'message' | 'code';
}

/** Asked when the candidates call for different fixes; each option picks one candidate. */
export interface ExplainQuestion {
  text: string;
  options: { candidateId: string; label: string }[];
}

export interface Explanation {
  recognized: boolean;
  /** The admin's text as explained (control characters shown as spaces, labelled secrets masked). */
  input: string;
  /** Best first. */
  candidates: ExplainCandidate[];
  /** diagnoses[i] belongs to candidates[i]; when nothing was recognised, the one generic diagnosis. */
  diagnoses: Diagnosis[];
  question: ExplainQuestion | null;
}
