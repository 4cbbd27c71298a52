// What the users CLI tests take from the simulator.
export {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  generatedUser,
  startSimulator,
  usersScenario,
  type SimulatorHandle,
  type UsersWorkspaceOptions,
} from '../../main/simulator/index.js';
export { WEBTOKEN as WEBTOKEN_SECRET } from '../../main/simulator/scenarios.js';
