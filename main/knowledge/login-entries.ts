// POST /login: the integration user's login. Rows of seeds/login-errors.md, every listed cause kept apart.
import { ARENA_OUTAGE, ENTER_WORKSPACE_ID, UI, WEB_APPS, contactArenaSupport } from './shared-text.js';
import type { KnowledgeCause, KnowledgeEntry } from './types.js';

const SOURCE = 'seeds/login-errors.md';
const LOGIN = ['POST /login'] as const;

/** A feature is off because the workspace ID names another workspace (4079 and 4090 alike). */
function wrongWorkspace(whereSomethingIsOff: string): KnowledgeCause {
  return {
    id: 'wrong-workspace',
    summary: `The workspace ID points at a different workspace (for example a sandbox) where ${whereSomethingIsOff}.`,
    question: 'Could the workspace ID entered belong to another workspace, such as a sandbox or training copy?',
    questionReviewed: 'one-condition',
    fixSteps: ENTER_WORKSPACE_ID,
  };
}

export const LOGIN_ENTRIES: readonly KnowledgeEntry[] = [
  {
    id: 'login.503',
    match: { endpoints: LOGIN, codes: [503] },
    title: 'Arena is temporarily unavailable',
    meaning:
      'Arena answered, but said its service cannot take requests right now. Nothing in your settings is wrong; the login was not tested.',
    causes: [
      ARENA_OUTAGE,
      {
        id: 'workspace-unavailable',
        summary: 'The web app works, but the API for your workspace keeps refusing requests.',
        question: 'Does the Arena web app work normally while this check keeps getting 503 for more than an hour?',
        fixSteps: [contactArenaSupport('Ask Arena Support why the API answers 503 for your workspace while the web app works.')],
      },
    ],
    recheck: 'now',
    documented: { httpStatus: 503, message: 'The service is currently unavailable.', source: SOURCE },
  },
  {
    id: 'login.4079',
    match: { endpoints: LOGIN, codes: [4079] },
    title: 'The Arena API is not enabled for this workspace',
    meaning:
      'Arena accepted the request but refuses API access to this workspace: the API feature is switched off for it. Only Arena Support can switch it on.',
    causes: [
      {
        id: 'api-feature-off',
        summary: 'The workspace does not have the API feature enabled.',
        question: 'Has Arena Support never confirmed that the API feature is on for this workspace?',
        fixSteps: [contactArenaSupport('Ask Arena Support to enable the API feature for this workspace (quote its workspace ID).')],
      },
      wrongWorkspace('the API is off'),
    ],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: 'API feature is not enabled for your workspace.', source: SOURCE },
  },
  {
    id: 'login.4090',
    match: { endpoints: LOGIN, codes: [4090] },
    title: 'The Onshape integration is not enabled for this workspace',
    meaning:
      'The workspace does not have the Onshape feature. Without it no WebToken can be assigned, so the integration user cannot log in for Onshape. Only Arena Support can enable it.',
    causes: [
      {
        id: 'onshape-feature-off',
        summary: 'The Onshape integration feature is not enabled in the workspace.',
        question: 'Has Arena Support not yet confirmed that the Onshape feature is enabled in this workspace?',
        fixSteps: [
          contactArenaSupport(
            'Ask Arena Support to enable the Onshape integration feature for this workspace and to set up a WebToken for the Full License Standard Employee used as the integration user.',
          ),
          { who: 'onshape-admin', text: 'Enter the new WebToken Arena Support sends.', uiPath: UI.onshapeArena },
        ],
      },
      wrongWorkspace('the feature is off'),
    ],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: 'The Onshape feature is not enabled in your workspace.', source: SOURCE },
  },
  {
    id: 'login.4089',
    match: { endpoints: LOGIN, codes: [4089] },
    title: 'Arena rejected the WebToken',
    meaning:
      'Arena does not accept the WebToken for this workspace and integration user. Either the token itself is wrong or out of date, it belongs to another workspace, or the employee it is assigned to is not marked for integration use.',
    causes: [
      {
        id: 'webtoken-invalid',
        summary: 'The WebToken entered is not the one Arena issued: mistyped, cut short or with extra spaces.',
        question: 'Could the WebToken entered differ by even one character from the one Arena Support issued?',
        fixSteps: [
          {
            who: 'onshape-admin',
            text: 'Paste the WebToken again exactly as Arena Support sent it, with no spaces or line breaks before or after it.',
            uiPath: UI.onshapeArena,
          },
        ],
      },
      {
        id: 'webtoken-regenerated',
        summary: 'Arena Support generated a new WebToken (or updated it), so the one Onshape holds no longer works.',
        question: 'Has Arena Support issued or changed a WebToken for this workspace since the connection last worked?',
        questionReviewed: 'one-condition',
        fixSteps: [
          contactArenaSupport('Ask Arena Support for the current WebToken of the integration user (send it through a secure channel).'),
          { who: 'onshape-admin', text: 'Replace the old WebToken with the current one.', uiPath: UI.onshapeArena },
        ],
      },
      {
        id: 'wrong-workspace',
        summary: 'The workspace ID points at a workspace the WebToken was not issued for.',
        question:
          'Does your company have more than one Arena workspace (for example production and sandbox), so the ID could point at the wrong one?',
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Open the workspace the WebToken was issued for and copy the number at the end of the browser address; that is its workspace ID.',
            uiPath: UI.workspaceSettings,
          },
          { who: 'onshape-admin', text: 'Enter that number as the Arena workspace ID.', uiPath: UI.onshapeArena },
        ],
      },
      {
        id: 'integration-use-disabled',
        summary: 'The employee the WebToken is assigned to has "For Integration Use" switched off.',
        question: 'Does the integration user\'s employee record in Arena show "For Integration Use" as No?',
        fixSteps: [
          {
            who: 'arena-admin',
            text: "Open the integration user's employee record and set For Integration Use to Yes, then save.",
            uiPath: UI.integrationUse,
          },
        ],
      },
    ],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: 'Invalid Token.', source: SOURCE },
  },
  {
    id: 'login.4001',
    match: { endpoints: LOGIN, codes: [4001] },
    title: "Arena refused the integration user's login",
    meaning:
      "Arena gives this one answer for several different problems: wrong email, WebToken or password, a wrong workspace ID, a login from an address outside the workspace's allowed IP ranges, a disabled user, or a user that never completed its first Arena login.",
    causes: [
      {
        id: 'wrong-credentials',
        summary: "The integration user's email or its WebToken (or password) does not match what Arena holds.",
        question:
          "Could the integration user's email or WebToken entered differ from what Arena Support issued (a typo, a missing character, or another user's email)?",
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'onshape-admin',
            text: 'Re-enter the integration user ID (its email, exactly as in Arena) and paste the WebToken again exactly as Arena Support sent it.',
            uiPath: UI.onshapeArena,
          },
          {
            who: 'arena-admin',
            text: "Confirm the integration user's email in its employee record; it must match the integration user ID in Onshape letter for letter.",
            uiPath: UI.employee,
          },
        ],
      },
      {
        id: 'wrong-workspace-id',
        summary: "The workspace ID is wrong: it must be the workspace's internal number, not its name.",
        question:
          'Is the workspace ID entered a name, or a number other than the one at the end of the address when you open Workspace Settings in Arena?',
        questionReviewed: 'one-condition',
        fixSteps: ENTER_WORKSPACE_ID,
      },
      {
        id: 'ip-restriction',
        summary: 'The workspace only accepts logins from certain IP address ranges, and this login came from outside them.',
        question: 'Does your Arena workspace restrict logins to certain IP address ranges (an access restriction set up by Arena Support)?',
        fixSteps: [
          contactArenaSupport(
            "Ask Arena Support which IP ranges the workspace accepts, and to add Onshape's outgoing addresses (Onshape Support can give you those).",
          ),
          {
            who: 'you',
            text: "This check logs in from this computer's public address, while Onshape logs in from its own servers. If only this check fails, run it from a network inside the allowed ranges or have Arena Support add this address.",
          },
        ],
      },
      {
        id: 'user-disabled',
        summary: 'The employee the WebToken is assigned to has been disabled in Arena.',
        question: "Is the integration user's status shown as Disabled in Arena's employee list?",
        fixSteps: [
          {
            who: 'arena-admin',
            text: "Open the integration user's employee record, set its status to Enabled and save.",
            uiPath: UI.employeeEnabled,
          },
        ],
      },
      {
        id: 'first-login-not-done',
        summary: 'The integration user was created but never completed its first Arena login to set a password.',
        question: "Has nobody signed in to the Arena web app with the integration user's account yet?",
        fixSteps: [
          {
            who: 'arena-admin',
            text: `Sign in once to the Arena web app (${WEB_APPS}) as the integration user with the temporary password from Arena's welcome email, and set a new password when asked. Nobody should use this account in the web app after that.`,
          },
          contactArenaSupport(
            'If the web app will not accept that sign-in, ask Arena Support to complete the first login for the integration user.',
          ),
        ],
      },
    ],
    recheck: 'after-change',
    documented: {
      httpStatus: 400,
      message: 'The username, password or workspace ID is not valid or you are not allowed to log in due to IP restriction.',
      source: SOURCE,
    },
  },
  {
    id: 'login.4083',
    match: { endpoints: LOGIN, codes: [4083] },
    title: 'The integration user is locked out for five minutes',
    meaning:
      'Too many failed logins in a row: Arena has locked the integration user for five minutes. Any login during the lockout fails, even with the right WebToken, and failed attempts can extend it.',
    causes: [
      {
        id: 'repeated-wrong-attempts',
        summary: 'Onshape, this tool or a script kept retrying with a wrong or outdated WebToken.',
        question: 'Were several logins with this account tried in the minutes before this check?',
        fixSteps: [
          {
            who: 'onshape-admin',
            text: 'Correct the WebToken, integration user ID and workspace ID first, so the next attempt does not fail again.',
            uiPath: UI.onshapeArena,
          },
          { who: 'you', text: 'Wait five minutes without any login attempt, then check once.' },
        ],
      },
      {
        id: 'account-shared',
        summary: 'Someone else, or another integration, uses the same Arena account and is failing to log in with it.',
        question: "Does a person or another integration also log in with this integration user's account?",
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Give Onshape a dedicated integration user that no person uses day to day and no other integration shares (a Full License employee with a WebToken).',
            uiPath: UI.employee,
          },
          { who: 'you', text: 'Wait five minutes without any login attempt, then check once.' },
        ],
      },
    ],
    recheck: 'wait-five-minutes',
    documented: {
      httpStatus: 400,
      message: 'Too many invalid password attempts, account disabled for five minutes.',
      source: SOURCE,
    },
  },
];
