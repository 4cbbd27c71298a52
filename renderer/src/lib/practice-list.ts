// The practice list: scenarios grouped by what fails, narrowed by a filter that matches titles, Arena codes
// and descriptions. Every word of the filter must appear somewhere; case and accents are ignored.
import type { ScenarioSummary } from '../../../common/ipc/contract';
import { SCENARIO_GROUPS, type ScenarioGroup } from '../../../common/practice';

export interface ScenarioGroupView {
  group: ScenarioGroup;
  label: string;
  scenarios: ScenarioSummary[];
}

function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** What the list shows beside a scenario's title: the code Arena answers with, or that nothing fails. */
export function codeLabel(scenario: ScenarioSummary): string {
  if (scenario.expectedCode === null) return 'No error';
  return typeof scenario.expectedCode === 'number' ? `Arena code ${scenario.expectedCode}` : `Not Arena's answer: ${scenario.expectedCode}`;
}

export function matchesFilter(scenario: ScenarioSummary, filter: string): boolean {
  const words = folded(filter)
    .split(/\s+/)
    .filter((word) => word !== '');
  const haystack = folded(`${scenario.title} ${codeLabel(scenario)} ${scenario.description}`);
  return words.every((word) => haystack.includes(word));
}

/** The groups in the list's order, each with its matching scenarios; a group with none is left out. */
export function groupScenarios(scenarios: readonly ScenarioSummary[], filter: string): ScenarioGroupView[] {
  return SCENARIO_GROUPS.map(({ group, label }) => ({
    group,
    label,
    scenarios: scenarios.filter((scenario) => scenario.group === group && matchesFilter(scenario, filter)),
  })).filter((view) => view.scenarios.length > 0);
}
