// How a fix step reads as text, in one place: every report's line for it, and the steps the wizard
// copies to the clipboard, so what the admin pastes says exactly what the report says.
import type { Diagnosis, DiagnosisCause, FixStep } from './check-report.js';
import { ACTOR_LABELS } from './labels.js';

/** "Onshape administrator: Replace the old WebToken with the current one. (Onshape > Settings > Arena)" */
export function formatFixStep(fix: FixStep): string {
  const where = fix.uiPath ? ` (${fix.uiPath})` : '';
  return `${ACTOR_LABELS[fix.who]}: ${fix.text}${where}`;
}

/** A cause's fix steps as plain text for the clipboard: the diagnosis, the cause, then each step numbered. */
export function fixStepsText(diagnosis: Diagnosis, cause: DiagnosisCause): string {
  const steps = cause.fixSteps.map((fix, index) => `${index + 1}. ${formatFixStep(fix)}`);
  return [diagnosis.title, `Cause: ${cause.summary}`, '', 'Steps:', ...steps].join('\n');
}
