// Answers that arrived but are not Arena's JSON (FormatFailureCode in common/check-report.ts).
import { PROXY_MODE_LABELS } from '../../common/labels.js';
import { API_BASES, UI } from './shared-text.js';
import type { FixStep, KnowledgeCause, KnowledgeEntry } from './types.js';

const CHECK_API_URL: FixStep = {
  who: 'you',
  text: `Set the Arena API URL to your data centre's API address exactly, ending in /v1: ${API_BASES}.`,
};

const FIX_ONSHAPE_API_URL: FixStep = {
  who: 'onshape-admin',
  text: 'Enter the same API address as the Arena API URL in Onshape.',
  uiPath: UI.onshapeArena,
};

export const WRONG_URL: KnowledgeCause = {
  id: 'wrong-url',
  summary: 'The API URL points at the Arena web app or another site instead of the Arena API.',
  question: "Does the API URL differ from your data centre's API address, for example because it is the web app address (https://app.…)?",
  answerFrom: 'api-url-differs',
  fixSteps: [CHECK_API_URL, FIX_ONSHAPE_API_URL],
};

export const PROXY_BLOCK_PAGE: KnowledgeCause = {
  id: 'proxy-block-page',
  summary: 'A company proxy or web filter answered with its own page (blocked, warning or sign-in) instead of passing the request on.',
  question: 'Does your company route web traffic through a proxy or web filter?',
  answerFrom: 'traffic-through-proxy',
  questionReviewed: 'one-condition',
  fixSteps: [
    {
      who: 'network-admin',
      text: 'Allow HTTPS from this computer to the Arena API host in the proxy or web filter, without a warning or sign-in page.',
    },
  ],
};

const CAPTIVE_PORTAL: KnowledgeCause = {
  id: 'captive-portal',
  summary: 'A guest, hotel or public Wi-Fi sign-in page intercepted the request.',
  question: 'Are you on a guest, hotel or public network that asks you to sign in or accept terms?',
  questionReviewed: 'one-condition',
  fixSteps: [{ who: 'you', text: "Open any website in a browser, complete the network's sign-in page, then check again." }],
};

const CUT_SHORT: KnowledgeCause = {
  id: 'cut-short',
  summary: 'The connection was cut while the answer was on its way, by an unstable network or a middlebox.',
  question: 'Does the check pass when you run it again?',
  fixSteps: [
    { who: 'you', text: 'Check again; if it passes now, the network dropped briefly.' },
    { who: 'network-admin', text: 'If it keeps happening, exempt the Arena API host from proxy or firewall content inspection.' },
  ],
};

const TOOL_OUTDATED: KnowledgeCause = {
  id: 'tool-outdated',
  summary: 'Arena changed the shape of its answer and this version of the tool does not understand it.',
  question: "Does the same failure appear with the API URL set exactly to your data centre's API address and no proxy in the way?",
  fixSteps: [
    {
      who: 'you',
      text: "Update Arena Connect Doctor; if the newest version fails too, send its report (the body excerpt included) to the tool's maintainers.",
    },
  ],
};

export const FORMAT_ENTRIES: readonly KnowledgeEntry[] = [
  {
    id: 'format.PROXY_AUTH_REQUIRED',
    match: { endpoints: 'any', codes: ['PROXY_AUTH_REQUIRED'] },
    title: 'The company proxy wants a sign-in',
    meaning: 'A proxy between this computer and Arena answered HTTP 407: it will not pass the request on without proxy credentials.',
    causes: [
      {
        id: 'proxy-credentials-missing',
        // This tool never signs in to a proxy (a proxy address with a user name is refused), so the fix is
        // a way past the sign-in, not credentials typed here.
        summary: 'The proxy needs a user name and password, and this tool does not sign in to proxies.',
        question: 'Does your browser ask for a proxy user name and password, or do you have proxy credentials from IT?',
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'network-admin',
            text: 'Let this computer reach the Arena API host through the proxy without a sign-in, or bypass the proxy for that host.',
          },
          {
            who: 'you',
            text: `If this network also lets you out without the proxy, choose "${PROXY_MODE_LABELS.direct}" (CLI: --proxy direct) and check again.`,
          },
        ],
      },
      {
        id: 'proxy-windows-auth',
        summary: 'The proxy signs users in with Windows or Kerberos authentication, which this tool cannot do.',
        question: 'Does the browser reach the internet through the proxy without ever asking you for a password?',
        fixSteps: [
          {
            who: 'network-admin',
            text: 'Allow this computer to reach the Arena API host through the proxy without authentication, or bypass the proxy for that host.',
          },
        ],
      },
    ],
    recheck: 'after-change',
  },
  {
    id: 'format.PROXY_REFUSED',
    // The Arena client names it when the proxy answers its CONNECT with a status other than 407.
    match: { endpoints: 'any', codes: ['PROXY_REFUSED'] },
    title: 'The proxy refused to connect to Arena',
    meaning: 'This tool asked the proxy to open a connection to the Arena API host, and the proxy said no. Arena was never reached.',
    causes: [
      {
        id: 'host-blocked',
        summary: "The proxy's policy does not allow connections to the Arena API host.",
        question: 'Does the proxy block sites that are not on an approved list?',
        fixSteps: [{ who: 'network-admin', text: 'Allow HTTPS connections (CONNECT on port 443) to the Arena API host in the proxy.' }],
      },
      {
        id: 'proxy-cannot-reach',
        summary: 'The proxy itself cannot reach Arena right now.',
        question: 'Do other outside websites also fail through the proxy right now?',
        fixSteps: [{ who: 'network-admin', text: "Check the proxy's own connection to the internet." }],
      },
    ],
    recheck: 'after-change',
  },
  {
    id: 'format.HTML_RESPONSE',
    match: { endpoints: 'any', codes: ['HTML_RESPONSE'] },
    title: "A web page came back instead of Arena's answer",
    meaning:
      "The answer was an HTML page, not Arena's JSON. Either the API URL is not the API, or something on the network answered in Arena's place. The page's title and text, shown with this result, tell which page it was.",
    causes: [
      WRONG_URL,
      PROXY_BLOCK_PAGE,
      CAPTIVE_PORTAL,
      {
        id: 'maintenance-page',
        summary: 'A load balancer or maintenance page answered because Arena is briefly unavailable.',
        question: "Do the page's title and text mention maintenance, an outage or a gateway error?",
        questionReviewed: 'one-condition',
        fixSteps: [{ who: 'you', text: 'Wait until the Arena web app loads normally again, then check again.' }],
        // A gateway's error page (502/503/504) is this far more often than a wrong URL.
        likelyWithStatus: [500, 502, 503, 504],
      },
    ],
    recheck: 'after-change',
  },
  {
    id: 'format.EMPTY_BODY',
    match: { endpoints: 'any', codes: ['EMPTY_BODY'] },
    title: 'The answer was empty',
    meaning: 'The server answered but sent no content, where Arena always sends JSON.',
    causes: [
      {
        id: 'middlebox-empty',
        summary: 'A proxy or firewall swallowed the answer, or answered itself with nothing.',
        question: 'Does traffic from this computer go through a proxy or firewall that inspects HTTPS?',
        questionReviewed: 'one-condition',
        fixSteps: [{ who: 'network-admin', text: 'Exempt the Arena API host from proxy or firewall content inspection.' }],
      },
      {
        id: 'arena-glitch',
        summary: "A brief fault on Arena's side.",
        question: 'Does the check pass when you run it again?',
        fixSteps: [{ who: 'you', text: 'Check again in a few minutes.' }],
      },
    ],
    recheck: 'now',
  },
  {
    id: 'format.INVALID_JSON',
    match: { endpoints: 'any', codes: ['INVALID_JSON'] },
    title: 'The answer was not readable JSON',
    meaning: 'The answer claimed to be, or looked like, JSON but could not be read, most often because it was cut short on the way.',
    causes: [CUT_SHORT, WRONG_URL],
    recheck: 'now',
  },
  {
    id: 'format.WRONG_SHAPE',
    match: { endpoints: 'any', codes: ['WRONG_SHAPE'] },
    title: "The answer was JSON, but not Arena's",
    meaning: 'The answer was valid JSON, but not shaped like any answer Arena documents for this request.',
    causes: [WRONG_URL, PROXY_BLOCK_PAGE, TOOL_OUTDATED],
    recheck: 'after-change',
  },
  {
    id: 'format.BODY_TOO_LARGE',
    match: { endpoints: 'any', codes: ['BODY_TOO_LARGE'] },
    title: 'The answer was far larger than any Arena login answer',
    meaning:
      "Arena's answers to these requests are a few hundred bytes; this one was too large to be one, so something other than the Arena API answered.",
    causes: [WRONG_URL, PROXY_BLOCK_PAGE],
    recheck: 'after-change',
  },
  {
    id: 'format.UNEXPECTED_STATUS',
    match: { endpoints: 'any', codes: ['UNEXPECTED_STATUS'] },
    title: 'An unexpected HTTP status came back',
    meaning:
      'The answer had HTTP status {httpStatus|(not recorded)} and no Arena error code. Arena does not answer this request that way, so the address is wrong, something else answered, or Arena is failing.',
    causes: [
      {
        id: 'api-url-path',
        summary: "The API URL's path is wrong: it must end in /v1, with nothing after it.",
        question: 'Does the API URL end in something other than /v1 (for example /v1/login, /api, or no path at all)?',
        answerFrom: 'api-url-path',
        questionReviewed: 'one-condition',
        fixSteps: [CHECK_API_URL, FIX_ONSHAPE_API_URL],
        likelyWithStatus: [404, 405],
      },
      {
        id: 'proxy-refused',
        summary: 'A proxy, firewall or web filter refused the request.',
        question: 'Does your company route web traffic through a proxy or web filter?',
        answerFrom: 'traffic-through-proxy',
        questionReviewed: 'one-condition',
        fixSteps: PROXY_BLOCK_PAGE.fixSteps,
        likelyWithStatus: [403, 451],
      },
      {
        id: 'server-error',
        summary: 'Arena, or a gateway in front of it, failed for the moment.',
        question: 'Does the Arena web app also show errors or fail to load right now?',
        questionReviewed: 'one-condition',
        fixSteps: [
          { who: 'you', text: 'Wait until the Arena web app loads normally again, then check again.' },
          { who: 'arena-support', text: 'If it persists, send the report to Arena Support.' },
        ],
        likelyWithStatus: [500, 502, 503, 504],
      },
    ],
    recheck: 'after-change',
    extract: ['http-status'],
  },
  {
    id: 'format.REDIRECT',
    match: { endpoints: 'any', codes: ['REDIRECT'] },
    title: 'The API address redirects somewhere else',
    meaning:
      'The API URL answered with a redirect. This tool never follows a redirect with credentials, because that could hand the WebToken to another host.',
    causes: [
      {
        id: 'not-api-base',
        summary: 'The API URL is an old, shortened or web-app address that forwards elsewhere.',
        question: "Does the API URL differ from your data centre's API address?",
        answerFrom: 'api-url-differs',
        fixSteps: [
          {
            who: 'you',
            text: `Use the address it redirects to only if it is one of the genuine Arena API addresses: ${API_BASES}. Otherwise use your data centre's API address.`,
          },
          FIX_ONSHAPE_API_URL,
        ],
      },
      {
        id: 'http-not-https',
        summary: 'The API URL starts with http:// and is being sent to https://.',
        question: 'Does the API URL start with http:// rather than https://?',
        fixSteps: [CHECK_API_URL],
      },
      {
        id: 'portal-redirect',
        summary: 'A captive portal or proxy redirects every request to its own sign-in or warning page.',
        question: 'Are you on a guest, hotel or public network, or behind a proxy that shows sign-in or warning pages?',
        questionReviewed: 'one-condition',
        fixSteps: [...CAPTIVE_PORTAL.fixSteps, ...PROXY_BLOCK_PAGE.fixSteps],
      },
    ],
    recheck: 'after-change',
  },
  {
    id: 'format.NO_SESSION_ID',
    match: { endpoints: 'any', codes: ['NO_SESSION_ID'] },
    title: 'Login succeeded but no session came back',
    meaning: 'The login answered 200 (success) but its answer held no session id (arena_session_id), so nothing after login can run.',
    causes: [WRONG_URL, PROXY_BLOCK_PAGE, TOOL_OUTDATED],
    recheck: 'after-change',
  },
];
