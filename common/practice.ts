// The practice list's groups: what fails in a scenario, in the order the list shows them. Shared by the
// simulator's scenarios (which name their group) and the wizard's practice screen.
export type ScenarioGroup = 'passes' | 'network' | 'login' | 'authorize' | 'logout';

export const SCENARIO_GROUPS: readonly { group: ScenarioGroup; label: string }[] = [
  { group: 'network', label: 'Reaching Arena' },
  { group: 'login', label: "The integration user's login" },
  { group: 'authorize', label: "The Onshape user's authorization" },
  { group: 'logout', label: 'Logging out' },
  { group: 'passes', label: 'Nothing fails' },
];
