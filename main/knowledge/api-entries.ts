// Arena codes that mean the same on any endpoint (arena-api-notes.md, "Codes beyond the seed tables").
// Their HTTP status and exact wording are mostly not documented; only 3000 and 4087 (Arena's unknown-errors
// page) carry `documented`.
import { SECOND_LOGIN, IDLE_EXPIRY, SESSION_HEADER_DROPPED } from './session-causes.js';
import { ARENA_OUTAGE, ENTER_WORKSPACE_ID, UI, contactArenaSupport } from './shared-text.js';
import { reportIncident } from './sync-causes.js';
import type { KnowledgeCause, KnowledgeEntry } from './types.js';

/** For codes the check's own well-formed request should never cause: something rewrote it, or Arena changed. */
const REQUEST_ALTERED: KnowledgeCause = {
  id: 'request-altered',
  summary: 'A proxy or security device between this computer and Arena changed the request on its way.',
  question: 'Does traffic from this computer go through a corporate proxy or TLS-inspecting firewall?',
  answerFrom: 'traffic-through-proxy',
  questionReviewed: 'one-condition',
  fixSteps: [
    { who: 'network-admin', text: 'Exempt the Arena API host from content inspection so requests reach Arena unchanged.' },
    { who: 'you', text: 'Run the check from a network without the proxy (for example a phone hotspot) to confirm.' },
  ],
};

const TOOL_OUTDATED: KnowledgeCause = {
  id: 'tool-outdated',
  summary: 'Arena now expects a request this version of the tool does not send.',
  question: 'Does the error also appear on a network without any proxy?',
  fixSteps: [
    { who: 'you', text: "Update Arena Connect Doctor; if the newest version fails too, send its report to the tool's maintainers." },
  ],
};

export const API_ENTRIES: readonly KnowledgeEntry[] = [
  {
    id: 'api.4082',
    match: { endpoints: 'any', codes: [4082] },
    title: 'Arena does not allow this account to do this',
    meaning: 'Arena recognised the account but refuses it this request ("Access not allowed.").',
    causes: [
      {
        id: 'missing-policies',
        summary: 'The account lacks the access policies this request needs.',
        question: 'Is the account missing the Item & File Read & Edit policies (or others your workspace requires)?',
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Give the account at least the Item & File Read & Edit access policies in the workspace Onshape uses.',
            uiPath: UI.employee,
          },
        ],
      },
      {
        id: 'not-full-license',
        summary: 'The account does not have a Full License; the Onshape connection needs Full Licensed employees.',
        question: 'Is the account a licence type other than Full License (for example a limited or view-only licence)?',
        questionReviewed: 'one-condition',
        fixSteps: [{ who: 'arena-admin', text: 'Give the account a Full License.', uiPath: UI.employee }],
      },
    ],
    recheck: 'after-change',
  },
  {
    id: 'api.4084',
    match: { endpoints: 'any', codes: [4084] },
    title: 'The workspace has used up its Arena API requests for today',
    meaning:
      'Arena limits how many API requests a workspace may make in 24 hours (counted from midnight Pacific time), shared by every integration. The limit is reached: Arena answers HTTP 429 until it resets ({budgetResetsAt|at the next midnight Pacific time}).',
    causes: [
      {
        id: 'other-integrations',
        summary: 'Other integrations or scripts on the same workspace used up the shared daily budget.',
        question: 'Do other integrations, scripts or reports use the Arena API on this workspace?',
        questionReviewed: 'one-condition',
        fixSteps: [
          { who: 'you', text: 'Wait until the budget resets ({budgetResetsAt|at midnight Pacific time}), then check again.' },
          { who: 'arena-admin', text: 'Find which integration makes the most requests and reduce or reschedule it.' },
        ],
      },
      {
        id: 'heavy-sync',
        summary: 'A large Onshape synchronisation or release used most of the budget today.',
        question: 'Was a large Onshape release or synchronisation to Arena run today?',
        questionReviewed: 'one-condition',
        fixSteps: [
          { who: 'you', text: 'Wait until the budget resets ({budgetResetsAt|at midnight Pacific time}), then check again.' },
          { who: 'onshape-admin', text: "Schedule large releases or synchronisations early in Arena's day (after midnight Pacific time)." },
        ],
      },
      {
        id: 'limit-too-low',
        summary: "The workspace's daily limit is too low for how it is used.",
        question: 'Does the limit run out on most days, not just today?',
        fixSteps: [contactArenaSupport("Ask Arena Support about raising the workspace's daily API request limit.")],
      },
    ],
    recheck: 'after-change',
    extract: ['budget-reset'],
  },
  {
    id: 'api.4085',
    match: { endpoints: 'any', codes: [4085] },
    title: 'Arena hit a data access error on its side',
    meaning:
      'Arena reported an unexpected error while reading its own data ("Unexpected data access error, please contact support."). Nothing in your settings causes this.',
    causes: [
      {
        id: 'arena-data-error',
        summary: 'An error inside Arena while reading workspace data.',
        question: 'Does the error come back when you check again a few minutes later?',
        fixSteps: [
          { who: 'you', text: 'Check again in a few minutes.' },
          contactArenaSupport('If it persists, open a case with Arena Support.'),
        ],
      },
    ],
    recheck: 'now',
  },
  {
    id: 'api.4087',
    match: { endpoints: 'any', codes: [4087] },
    title: 'Arena hit an unexpected error and gave a support code',
    meaning:
      "Arena failed in a way it does not explain and asks you to contact Arena Technical Support. Support code: {supportCode|none could be read from Arena's message}.",
    causes: [
      {
        id: 'arena-internal-error',
        summary: 'An unexplained error inside Arena that only Arena Technical Support can look up.',
        question: 'Does the error come back when you check again a few minutes later?',
        fixSteps: [
          { who: 'you', text: 'Check again in a few minutes; some of these errors are temporary.' },
          reportIncident(
            "Contact Arena Technical Support and quote support code {supportCode|(none given: quote Arena's full message instead)}.",
          ),
        ],
      },
    ],
    recheck: 'now',
    extract: ['support-code'],
    documented: {
      httpStatus: 400,
      message: 'Unknown errors encountered. Please contact Arena Technical Support{0}.',
      source: 'arena-docs/connection-errors-unknown-system.md',
      captures: ['supportCode'],
    },
  },
  {
    id: 'api.3000',
    match: { endpoints: 'any', codes: [3000] },
    title: 'Arena had a system error',
    meaning:
      'Arena reported an unexpected error on its side ("Sorry, a system error occurred, please try again."). Nothing in your settings causes this.',
    causes: [
      {
        id: 'arena-system-error',
        summary: 'A temporary or internal failure in Arena.',
        question: 'Does the error come back when you try again a few minutes later?',
        fixSteps: [{ who: 'you', text: 'Try again in a few minutes.' }, reportIncident('If it persists, open a case with Arena Support.')],
      },
    ],
    recheck: 'now',
    // Known mistakes of Arena's unknown-errors page: this row has no status code, and its explanation is a
    // copy of a BOM row. It means an unexpected server error, reported to Arena Support with the incident.
    documented: {
      httpStatus: null,
      message: 'Sorry, a system error occurred, please try again.',
      source: 'arena-docs/connection-errors-unknown-system.md',
    },
  },
  {
    id: 'api.503',
    match: { endpoints: 'any', codes: [503] },
    title: 'Arena is temporarily unavailable',
    meaning: 'Arena answered that its service cannot take requests right now. Nothing in your settings is wrong.',
    causes: [ARENA_OUTAGE],
    recheck: 'now',
  },
  {
    id: 'api.401',
    match: { endpoints: 'any', codes: [401] },
    title: 'Arena no longer accepts the login session',
    meaning:
      'The request carried no session Arena recognises ("no access token … or the access token is not valid"). The login itself worked; the session was lost afterwards.',
    causes: [SECOND_LOGIN, SESSION_HEADER_DROPPED, IDLE_EXPIRY],
    recheck: 'now',
  },
  {
    id: 'api.20002',
    match: { endpoints: 'any', codes: [20002] },
    title: 'Arena did not accept the session for this request',
    meaning:
      'Arena answered "User not authenticated to access this endpoint.": the request reached Arena without a session it accepts for this endpoint.',
    causes: [
      SECOND_LOGIN,
      SESSION_HEADER_DROPPED,
      {
        id: 'not-integration-login',
        summary:
          'The session is not an integration (WebToken) login, so Arena does not let it authorize users. Inferred: Arena does not document this.',
        question: 'Did this check log in with a password rather than with the WebToken?',
        fixSteps: [
          { who: 'you', text: 'Switch this check to WebToken login with the integration user Onshape uses, then check again.' },
          {
            who: 'arena-admin',
            text: 'Confirm the integration user has For Integration Use = Yes and a WebToken from Arena Support.',
            uiPath: UI.integrationUse,
          },
        ],
      },
    ],
    recheck: 'now',
  },
  {
    id: 'api.20010',
    match: { endpoints: 'any', codes: [20010] },
    title: 'Arena could not read the request',
    meaning:
      'Arena says the request body is not valid JSON ("Invalid JSON data."). This tool sends valid JSON, so it was changed on the way or Arena expects something new.',
    causes: [REQUEST_ALTERED, TOOL_OUTDATED],
    recheck: 'after-change',
  },
  {
    id: 'api.20011',
    match: { endpoints: 'any', codes: [20011] },
    title: 'This account may not use that workspace',
    meaning: 'Arena refused the workspace ID for this account ("Workspace ID not allowed.").',
    causes: [
      {
        id: 'wrong-workspace-id',
        summary: "The workspace ID is not the workspace Onshape should use (a typo, or another workspace's number).",
        question:
          'Is the workspace ID entered different from the number at the end of the address when you open Workspace Settings in Arena?',
        fixSteps: ENTER_WORKSPACE_ID,
      },
      {
        id: 'not-a-member',
        summary: 'The account is not a member of that workspace.',
        question: "Is the workspace ID right, but the account missing from that workspace's employee list?",
        fixSteps: [
          {
            who: 'arena-admin',
            text: 'Add the account to the workspace with a Full License and the access policies Onshape needs.',
            uiPath: UI.employee,
          },
        ],
      },
    ],
    recheck: 'after-change',
  },
  {
    id: 'api.20012',
    match: { endpoints: 'any', codes: [20012] },
    title: 'Arena says the email address is not valid',
    meaning: 'The email sent is not a well-formed address ("Invalid email address."), so Arena did not look the account up.',
    causes: [
      {
        id: 'email-malformed',
        summary: 'The email entered has a typo, a space, or is a name rather than an email address.',
        question: "Does the email entered contain a space, lack an @ and domain, or hold a person's name instead of an address?",
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'onshape-admin',
            text: 'Enter the integration user ID as the full email address exactly as it appears in Arena.',
            uiPath: UI.onshapeArena,
          },
          { who: 'you', text: "Correct the email in this tool's settings and check again." },
        ],
      },
    ],
    recheck: 'after-change',
  },
  {
    id: 'api.20013',
    match: { endpoints: 'any', codes: [20013] },
    title: 'Arena does not allow user authorization here',
    meaning:
      'Arena answered "Authorization API call not supported.": it will not authorize Onshape users through this login. Inferred: the login is not an Onshape integration login.',
    causes: [
      {
        id: 'not-integration-login',
        summary: 'The login used a password, or a user without a WebToken, instead of the Onshape integration user.',
        question: "Did this check log in with a password, or with a user other than Onshape's integration user?",
        questionReviewed: 'one-condition',
        fixSteps: [
          { who: 'you', text: 'Switch this check to WebToken login with the integration user Onshape uses, then check again.' },
          {
            who: 'arena-admin',
            text: 'Confirm the integration user has For Integration Use = Yes and a WebToken from Arena Support.',
            uiPath: UI.integrationUse,
          },
        ],
      },
      {
        id: 'onshape-feature-off',
        summary: 'The workspace does not have the Onshape integration feature enabled.',
        question: 'Has Arena Support not yet confirmed that the Onshape feature is enabled in this workspace?',
        fixSteps: [contactArenaSupport('Ask Arena Support to enable the Onshape integration feature for this workspace.')],
      },
    ],
    recheck: 'after-change',
  },
  {
    id: 'api.20014',
    match: { endpoints: 'any', codes: [20014] },
    title: 'Arena says a value in the request has the wrong format',
    meaning: 'Arena rejected a field\'s value or format ("Data or format is invalid.").',
    causes: [
      {
        id: 'field-format',
        summary: 'A setting holds the wrong kind of value, for example a workspace name where the workspace ID number belongs.',
        question: 'Does the workspace ID contain anything but digits, or the email anything but a plain address?',
        questionReviewed: 'one-condition',
        fixSteps: ENTER_WORKSPACE_ID,
      },
      REQUEST_ALTERED,
      TOOL_OUTDATED,
    ],
    recheck: 'after-change',
  },
  {
    id: 'api.415',
    match: { endpoints: 'any', codes: [415] },
    title: "Arena did not accept the request's content type",
    meaning:
      'Arena needs the header "content-type: application/json" and did not get it. This tool always sends it, so it was changed on the way or Arena expects something new.',
    causes: [REQUEST_ALTERED, TOOL_OUTDATED],
    recheck: 'after-change',
  },
];
