// POST /login/authorizeuser: authorizing one Onshape user. Rows of seeds/authorize-user-errors.md.
import { UI, WEB_APPS } from './shared-text.js';
import type { FixStep, KnowledgeEntry } from './types.js';

const SOURCE = 'seeds/authorize-user-errors.md';
const AUTHORIZE = ['POST /login/authorizeuser'] as const;

const SIGN_IN_AND_SET_PASSWORD = `The Onshape user signs in to the Arena web app for your data centre (${WEB_APPS}) with their Arena email, and sets a new password when Arena asks.`;

// No uiPath: where a user enters their own Arena password in Onshape is not documented in our sources.
const ENTER_NEW_PASSWORD_IN_ONSHAPE: FixStep = {
  who: 'onshape-user',
  text: 'Use the new Arena password wherever Onshape asks for your Arena sign-in, then check again.',
};

export const AUTHORIZE_ENTRIES: readonly KnowledgeEntry[] = [
  {
    id: 'authorize.4081',
    match: { endpoints: AUTHORIZE, codes: [4081] },
    title: 'The Onshape user must set a new Arena password',
    meaning:
      "The integration login worked, but this Onshape user's Arena password cannot be used: it was never set, it has expired, or an Arena administrator reset it. The user has to set a new one in the Arena web app.",
    causes: [
      {
        id: 'first-login-not-done',
        summary: 'The user was created in Arena but has never signed in to Arena to replace the temporary password.',
        question: 'Has this user never signed in to the Arena web app?',
        fixSteps: [
          { who: 'onshape-user', text: `${SIGN_IN_AND_SET_PASSWORD} Use the temporary password from Arena's welcome email.` },
          {
            who: 'arena-admin',
            text: "If the welcome email was lost, open the user's employee record and reset the password so Arena sends a new one.",
            uiPath: UI.employee,
          },
          ENTER_NEW_PASSWORD_IN_ONSHAPE,
        ],
      },
      {
        id: 'password-expired',
        summary: "The user's Arena password has expired under the account's password policy.",
        question: "Is it longer than your Arena account's password expiry period since the user last changed their Arena password?",
        fixSteps: [
          { who: 'onshape-user', text: `${SIGN_IN_AND_SET_PASSWORD} Arena asks for a new password when the old one has expired.` },
          ENTER_NEW_PASSWORD_IN_ONSHAPE,
          {
            who: 'arena-admin',
            text: "Check the password expiry period in the Arena account's password policy, so users know how often this will recur.",
          },
        ],
      },
      {
        id: 'password-reset-by-admin',
        summary: "An Arena administrator reset the user's password, so the old one no longer works.",
        question: "Did an Arena administrator reset this user's password recently?",
        fixSteps: [
          {
            who: 'arena-admin',
            text: "Confirm in the user's employee record whether the password was reset, and tell the user.",
            uiPath: UI.employee,
          },
          { who: 'onshape-user', text: `${SIGN_IN_AND_SET_PASSWORD} Use the temporary password from the reset email.` },
          ENTER_NEW_PASSWORD_IN_ONSHAPE,
        ],
      },
    ],
    recheck: 'after-change',
    documented: {
      httpStatus: 400,
      message:
        'Your password has either been reset by an Account Administrator or has expired. Please proceed to the browser-based Arena user interface and configure a new password.',
      source: SOURCE,
    },
  },
  {
    id: 'authorize.4083',
    match: { endpoints: AUTHORIZE, codes: [4083] },
    title: "The Onshape user's Arena account is locked for five minutes",
    meaning:
      "There were too many failed logins for this Onshape user's Arena account in a row, so Arena locked it for five minutes. Every attempt during the lockout fails, even with the right password.",
    causes: [
      {
        id: 'repeated-wrong-attempts',
        summary: 'The user (or Onshape on their behalf) tried a wrong or old Arena password several times.',
        question: "Was the user's Arena password tried several times in the minutes before this check?",
        fixSteps: [
          {
            who: 'onshape-user',
            text: 'Make sure you have the current Arena password before trying again; sign in to the Arena web app to confirm it.',
          },
          { who: 'you', text: 'Wait five minutes without any attempt, then check once.' },
        ],
      },
      {
        id: 'account-shared',
        summary: 'Someone else uses the same Arena account and is failing to sign in with it.',
        question: 'Does anyone besides this user sign in with this Arena account?',
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Give each Onshape user their own Arena employee account; shared accounts lock each other out.',
            uiPath: UI.employee,
          },
          { who: 'onshape-user', text: 'Change the Arena password now and periodically, and do not share it.' },
          { who: 'you', text: 'Wait five minutes without any attempt, then check once.' },
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
  {
    id: 'authorize.20001',
    match: { endpoints: AUTHORIZE, codes: [20001] },
    title: 'Arena will not let this Onshape user in',
    meaning:
      "The integration login worked, but the Onshape user's Arena account cannot be used: it is disabled, or the user never completed their first Arena login.",
    causes: [
      {
        id: 'user-disabled',
        summary: "The Onshape user's Arena employee account has been disabled.",
        question: "Is this user's status shown as Disabled in Arena's employee list?",
        fixSteps: [
          {
            who: 'arena-admin',
            text: "Open the user's employee record, set the status to Enabled and save.",
            uiPath: UI.employeeEnabled,
          },
        ],
      },
      {
        id: 'first-login-not-done',
        summary: 'The user has never signed in to Arena for the first time to set their password.',
        question: 'Has this user never signed in to the Arena web app?',
        fixSteps: [
          { who: 'onshape-user', text: `${SIGN_IN_AND_SET_PASSWORD} Use the temporary password from Arena's welcome email.` },
          {
            who: 'arena-admin',
            text: "If the welcome email was lost, reset the user's password from their employee record so Arena sends a new one.",
            uiPath: UI.employee,
          },
        ],
      },
      {
        id: 'missing-policies',
        summary: 'The user is enabled but lacks the access policies Onshape needs (at least Item & File Read & Edit).',
        question: 'Does the user lack the Item & File Read & Edit policies in Arena?',
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Give the user a Full License and at least the Item & File Read & Edit access policies in the workspace Onshape uses.',
            uiPath: UI.employee,
          },
        ],
      },
    ],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: 'Insufficient privileges for this user.', source: SOURCE },
  },
  {
    id: 'authorize.20000',
    match: { endpoints: AUTHORIZE, codes: [20000] },
    title: 'No Arena login session to authorize the user with',
    meaning:
      'Arena found no valid login session from POST /login behind this request, so it could not authorize the Onshape user. Both accounts involved need checking: the integration user that holds the WebToken, and the user being authorized.',
    causes: [
      {
        id: 'integration-user-misconfigured',
        summary: 'The integration user (the employee with the WebToken) is not set up correctly.',
        question:
          'Is anything about the integration user unusual: disabled, "For Integration Use" set to No, or not a Full License employee?',
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'arena-admin',
            text: "Open the integration user's employee record and confirm: status Enabled, Full License, For Integration Use = Yes, access to the workspace Onshape uses.",
            uiPath: UI.integrationUse,
          },
        ],
      },
      {
        id: 'authorized-user-misconfigured',
        summary: 'The Onshape user being authorized is not set up correctly in Arena.',
        question: 'Is the user being authorized disabled, without a Full License, or not a member of the workspace Onshape uses?',
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'arena-admin',
            text: "Open the user's employee record and confirm: status Enabled, Full License Standard Employee, access to the workspace, at least Item & File Read & Edit policies.",
            uiPath: UI.employee,
          },
        ],
      },
      {
        id: 'session-lost',
        summary:
          'The login session ended between login and authorization, for example because another login as the integration user replaced it.',
        question: 'Could Onshape or another tool have logged in as the same integration user while this check ran?',
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'you',
            text: "Make sure nothing else logs in as the integration user while the check runs (Onshape's own sync does: test outside working hours, or with a second integration user set up the same way), then check again. If the error comes back every time, check the two accounts as above.",
          },
        ],
      },
    ],
    recheck: 'after-change',
    documented: { httpStatus: 500, message: 'User not authenticated.', source: SOURCE },
  },
  {
    id: 'authorize.20016',
    match: { endpoints: AUTHORIZE, codes: [20016] },
    title: 'The Onshape user has no access to this workspace, or the session expired',
    meaning:
      'Arena will not authorize this user in the workspace the integration logged in to. Either the user is not a member of that workspace, or the login session has expired and login has to run again.',
    causes: [
      {
        id: 'no-workspace-access',
        summary: "The Onshape user's Arena account has no access to the target workspace.",
        question: 'When the user signs in to the Arena web app, is the workspace Onshape uses missing from their workspace list?',
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Grant the user access to the workspace Onshape uses, with a Full License and at least the Item & File Read & Edit access policies.',
            uiPath: UI.employee,
          },
        ],
      },
      {
        id: 'session-expired',
        summary: 'The login session from POST /login expired before the user was authorized.',
        question: 'Did at least 90 minutes pass between the login and this authorization, for example while the computer slept?',
        answerFrom: 'time-since-login',
        fixSteps: [
          {
            who: 'you',
            text: 'Keep this computer awake until the check has finished, then check again: it starts with a fresh POST /login.',
          },
          {
            who: 'onshape-admin',
            text: 'If Onshape shows this error, save the Arena settings again so Onshape logs in afresh.',
            uiPath: UI.onshapeArena,
          },
        ],
      },
    ],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: 'User not authorized for workspace.', source: SOURCE },
  },
  {
    id: 'authorize.20015',
    match: { endpoints: AUTHORIZE, codes: [20015] },
    title: "This Onshape user's email is not in Arena",
    meaning:
      'Arena has no employee with the email address this Onshape user was authorized with. Every Onshape user who syncs to Arena needs their own Arena employee account.',
    causes: [
      {
        id: 'user-not-in-arena',
        summary: 'The Onshape user has not been added to Arena as an employee.',
        question: "Is the user missing from Arena's employee list altogether?",
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Add the Onshape user as a Full License Standard Employee with at least the Item & File Read & Edit access policies, in the workspace Onshape uses.',
            uiPath: UI.employee,
          },
          { who: 'onshape-user', text: `Sign in to the Arena web app once (${WEB_APPS}) to set a password.` },
        ],
      },
      {
        id: 'email-differs',
        summary: 'The user exists in Arena, but under a different email than the one used here (an alias, a typo, an old domain).',
        question: "Is the user in Arena's employee list, but under an email that differs from the one this check or Onshape used?",
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'arena-admin',
            text: "Make the email in the user's Arena employee record match their Onshape email exactly, or tell the user which email to use.",
            uiPath: UI.employee,
          },
        ],
      },
    ],
    recheck: 'after-change',
    documented: { httpStatus: 400, message: 'User email address not found.', source: SOURCE },
  },
];
