// The JSON form of a report. Its step fields {step, outcome, httpStatus, errorCode, message, durationMs,
// diagnosis: {id, title, causes[], actions[]}} are a contract that support tooling reads: add, never rename.
import type { CheckReport, Diagnosis, DiagnosisFacts, ReachReport, StepResult } from '../../common/check-report.js';
import { diagnosisSummary } from './diagnosis-summary.js';
import { failedSteps, supportRequestFacts, type SupportRequestFacts } from './support-request.js';
import { presentable, swept } from './presentable.js';

export interface JsonDiagnosis {
  id: string;
  title: string;
  causes: string[];
  actions: string[];
  meaning: string;
  recheck: Diagnosis['recheck'];
  facts: DiagnosisFacts;
  arenaMessage: string | null;
  causeDetails: Diagnosis['causes'];
}

export type JsonStep = Omit<StepResult, 'diagnosis'> & { diagnosis: JsonDiagnosis | null };

export interface JsonReport extends Omit<CheckReport, 'steps'> {
  steps: JsonStep[];
  arenaSupport: SupportRequestFacts[];
}

export function toJsonReport(report: CheckReport): JsonReport {
  return {
    ...report,
    steps: report.steps.map(toJsonStep),
    arenaSupport: failedSteps(report).map((step) => supportRequestFacts(report, step)),
  };
}

function toJsonStep(step: StepResult): JsonStep {
  const { diagnosis, ...rest } = step;
  return { ...rest, diagnosis: diagnosis ? toJsonDiagnosis(diagnosis) : null };
}

/** One diagnosis in the JSON contract; `doctor explain --json` gives the same shape. */
export function toJsonDiagnosis(diagnosis: Diagnosis): JsonDiagnosis {
  return {
    ...diagnosisSummary(diagnosis),
    meaning: diagnosis.meaning,
    recheck: diagnosis.recheck,
    facts: diagnosis.facts,
    arenaMessage: diagnosis.arenaMessage,
    causeDetails: diagnosis.causes,
  };
}

/** secrets: those the caller still knows, for the last sweep (the CLI's, or the app's last check's). */
export function renderJson(report: CheckReport, secrets: readonly string[] = []): string {
  return swept(renderJsonClean(presentable(report, secrets)), secrets);
}

/**
 * `doctor reach --json`: the same document as check's, with the one step. Arena Support gets nothing to
 * act on from a network that does not reach Arena, so arenaSupport is empty unless Arena itself answered.
 */
export function renderReachJson(report: ReachReport): string {
  const clean = presentable(report, []);
  const arenaAnswered = clean.steps.filter((step) => step.outcome === 'failed' && typeof step.errorCode === 'number');
  const document = {
    ...clean,
    steps: clean.steps.map(toJsonStep),
    arenaSupport: arenaAnswered.map((step) => ({
      endpoint: step.endpoint,
      url: step.url,
      requestHeaders: {},
      requestJson: null,
      httpStatus: step.httpStatus,
      errorCode: step.errorCode,
      message: step.message,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function renderJsonClean(report: CheckReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
