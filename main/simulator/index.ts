// The built-in Arena simulator: tests, the CLI's and the desktop app's practice modes use it.
export { ManualClock, OffsetClock, systemClock, isSteerable, type Clock, type SteerableClock } from './clock.js';
export { startSimulator, type SimulatorHandle, type SimulatorOptions } from './server.js';
export type { RecordedRequest } from './recording.js';
export {
  SCENARIOS,
  scenarioByName,
  WORKSPACE_ID,
  SANDBOX_WORKSPACE_ID,
  type Scenario,
  type ScenarioCheck,
  type ScenarioContext,
  type ScenarioExpectation,
} from './scenarios.js';
export {
  Workspace,
  LOCKOUT_THRESHOLD,
  LOCKOUT_MS,
  type ArenaReply,
  type ArenaRequest,
  type EmployeeState,
  type Incident,
  type SessionKey,
  type WorkspaceHooks,
  type WorkspaceState,
} from './workspace.js';
export { nextPacificMidnight, formatPacific } from './budget.js';
export {
  usersScenario,
  generatedUser,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  LOGIN_EMPLOYEES,
  type UsersWorkspaceOptions,
} from './users-scenarios.js';
export type { DirectoryUser, DirectoryUserType } from './workspace.js';
