// Text and UI paths several entries share, kept in one place so a renamed Arena or Onshape menu changes once.
import { DATA_CENTRES } from '../arena/data-centres.js';
import type { FixStep, KnowledgeCause } from './types.js';

/** Exact UI paths named by Arena's own error pages and Onshape's help. */
export const UI = {
  employee: 'Arena > Workspace > Settings > Employees > Employee',
  employeeEnabled: 'Arena > Workspace > Settings > Employees > Employee > Status = Enabled',
  integrationUse: 'Arena > Workspace > Settings > Employees > Employee > For Integration Use = Yes',
  onshapeArena: 'Onshape > Settings > Arena',
  workspaceSettings: 'Arena > profile icon (top right) > Workspace Settings',
  // Where sync errors are fixed (Arena's connection-error pages and Onshape's Arena settings).
  onshapeMappings: 'Onshape > Settings > Arena > Mappings',
  onshapeCustomProperties: 'Onshape > Company settings > Custom properties',
  onshapePartProperties: 'Onshape > part (right-click) > Properties',
  itemAttributes: 'Arena > Workspace Settings > Attributes > Items',
  bomAttributes: 'Arena > Workspace Settings > Attributes > BOM',
  itemCategories: 'Arena > Workspace Settings > Categories > Items',
  fileCategories: 'Arena > Workspace Settings > Categories > Files',
  bomSettings: 'Arena > Workspace Settings > Summary > Settings',
  accessPolicies: 'Arena > Workspace Settings > Access Policies',
  itemChanges: 'Arena > Items > the item > Changes',
  itemFiles: 'Arena > Items > the item > Files',
  itemBom: 'Arena > Items > the item > Bill of Materials',
} as const;

/** "https://app.bom.com (United States), …": where a person signs in to the Arena web app. */
export const WEB_APPS = DATA_CENTRES.map((centre) => `https://${centre.webApp} (${centre.label})`).join(', ');

/** "https://api.arenasolutions.com/v1 (United States), …": the only genuine Arena API addresses. */
export const API_BASES = DATA_CENTRES.map((centre) => `${centre.apiBase} (${centre.label})`).join(', ');

/** What Arena Support asks for when a case is opened (arena-api-notes.md). */
export const SUPPORT_CASE_DETAILS =
  "the endpoint, the request with secrets removed, the HTTP status and response body, the workspace ID, the user email and the time of the failure (this tool's report holds all of them)";

export function contactArenaSupport(what: string): FixStep {
  return { who: 'arena-support', text: `${what} Give them ${SUPPORT_CASE_DETAILS}.` };
}

/** Shown in every certificate entry: the fix is trusting the right certificate, never switching checks off. */
export const KEEP_CERT_CHECKS = 'Keep certificate checking in place: it is what stops someone in the middle from reading the WebToken.';

/** Finding the right workspace ID and entering it in Onshape: the fix for every "wrong workspace" cause. */
export const ENTER_WORKSPACE_ID: readonly FixStep[] = [
  {
    who: 'arena-admin',
    text: 'Open Workspace Settings in the workspace Onshape should use and copy the number at the end of the browser address; that is the workspace ID.',
    uiPath: UI.workspaceSettings,
  },
  { who: 'onshape-admin', text: 'Enter that number (digits only) as the Arena workspace ID.', uiPath: UI.onshapeArena },
];

/** Arena itself is down: the first cause of a 503 on any endpoint. */
export const ARENA_OUTAGE: KnowledgeCause = {
  id: 'arena-outage',
  summary: 'Arena is down or under maintenance for your data centre.',
  question: 'Does the Arena web app for your data centre also fail to load or show a maintenance notice right now?',
  questionReviewed: 'one-condition',
  fixSteps: [
    { who: 'you', text: `Open the Arena web app for your data centre (${WEB_APPS}) to see whether Arena itself is down.` },
    { who: 'you', text: 'Check again in a few minutes; Arena usually recovers without any change on your side.' },
    contactArenaSupport('If it lasts more than an hour, ask Arena Support whether there is an outage.'),
  ],
};
