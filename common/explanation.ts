// What explaining a pasted Onshape error produces (doctor explain, the wizard's explain path). Plain
// data, shared by the core, the CLI, reports, the IPC contract and the renderer. No connection is made.
import type { Answer, Diagnosis } from './check-report.js';

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

/** Said wherever an explanation is shown or exported: it came from text alone. */
export const EXPLAINED_NOTE = 'Explained from a message, no connection made.';

/** Said when nothing matched. */
export const NOT_IN_CATALOGUE = "This message is not in Arena's published list of Onshape connection errors; general guidance follows.";

/** An explanation as exported or copied: what was explained, when, by which version, and the admin's choice. */
export interface ExplanationReport {
  tool: { name: string; version: string };
  createdAt: string;
  explanation: Explanation;
  /** The candidate the admin picked by answering "What were you doing…?"; null: the best-ranked one. */
  chosenId: string | null;
  /** The admin's answers to the shown diagnosis's questions, when they walked them. */
  answers: ExplainAnswers | null;
}

/** The question walk over the shown diagnosis's causes, as a check's diagnosis path records it. */
export interface ExplainAnswers {
  diagnosisId: string;
  answers: { causeId: string; question: string; answer: Answer }[];
  /** The cause the answers pointed to; null when no answer was "yes". */
  concludedCauseId: string | null;
}

/** The candidate's diagnosis a report shows: the chosen one, else the best-ranked, else the generic one. */
export function shownDiagnosisIndex(report: Pick<ExplanationReport, 'explanation' | 'chosenId'>): number {
  const index = report.explanation.candidates.findIndex((candidate) => candidate.id === report.chosenId);
  return index >= 0 ? index : 0;
}
