// Transport failures: Node's own error codes, kept as Node names them. They concern the network this check
// runs on; Onshape reaches Arena from its own servers, so they block the check rather than explain Onshape.
import { INSPECTION_PRODUCTS } from './inspection-products.js';
import { API_BASES, KEEP_CERT_CHECKS } from './shared-text.js';
import type { FixStep, KnowledgeCause, KnowledgeEntry } from './types.js';

const CHECK_API_URL: FixStep = {
  who: 'you',
  text: `Set the Arena API URL to your data centre's API address exactly: ${API_BASES}.`,
};

const EXEMPT_FROM_INSPECTION: FixStep = {
  who: 'network-admin',
  text: `Exempt the Arena API host from TLS inspection (recommended: the WebToken must not be readable by a middlebox). ${KEEP_CERT_CHECKS}`,
};

const TRUST_PROXY_ROOT: FixStep = {
  who: 'network-admin',
  text: "Or install the inspecting proxy's root certificate properly in the operating system's trusted roots: the desktop app trusts that store, as browsers do. (The command-line tool on Node before 22.15 reads only NODE_EXTRA_CA_CERTS=path to the root certificate in PEM form.)",
};

/** The first few inspecting products of the network kind, as the admin knows them: examples in the question. */
const NETWORK_INSPECTORS = INSPECTION_PRODUCTS.filter((product) => product.runsOn === 'network')
  .slice(0, 5)
  .map((product) => product.name)
  .join(', ');

const TLS_INSPECTION: KnowledgeCause = {
  id: 'tls-inspection',
  summary:
    "A corporate proxy or firewall inspects HTTPS: it replaces Arena's certificate with one signed by the company's own root, which this tool does not trust.",
  question: `Does your company route web traffic through a proxy or firewall that inspects HTTPS (for example ${NETWORK_INSPECTORS})?`,
  questionReviewed: 'one-condition',
  fixSteps: [EXEMPT_FROM_INSPECTION, TRUST_PROXY_ROOT],
};

const ANTIVIRUS_SCANNING: KnowledgeCause = {
  id: 'antivirus-https-scanning',
  summary: 'Security software on this computer scans HTTPS traffic and presents its own certificate.',
  question: 'Does this computer run antivirus or endpoint security with HTTPS or web scanning switched on?',
  questionReviewed: 'one-condition',
  fixSteps: [
    {
      who: 'network-admin',
      text: `Exclude the Arena API host from HTTPS scanning in the security software. ${KEEP_CERT_CHECKS}`,
    },
    { who: 'you', text: 'Run the check from another computer or network to confirm.' },
  ],
};

const OFFLINE: KnowledgeCause = {
  id: 'offline',
  summary: 'This computer has no working internet connection right now.',
  question: 'Do ordinary websites also fail to open on this computer right now?',
  fixSteps: [{ who: 'you', text: 'Restore the internet connection (network cable, Wi-Fi, VPN) and check again.' }],
};

const PROXY_REQUIRED: KnowledgeCause = {
  id: 'proxy-required',
  summary: 'This network only lets traffic out through a proxy, and the check went direct.',
  question: 'Does your browser on this computer use a proxy server (set by your company) to reach the internet?',
  answerFrom: 'browser-proxy',
  fixSteps: [
    { who: 'network-admin', text: 'Tell the person running this check the proxy address to use for HTTPS.' },
    { who: 'you', text: 'Give this tool that proxy address and check again.' },
  ],
};

const FIREWALL_DROP: KnowledgeCause = {
  id: 'firewall-blocks',
  summary: 'A firewall blocks outgoing HTTPS (port 443) to the Arena API host.',
  question: 'Do other websites open on this computer while the Arena API host cannot be reached?',
  fixSteps: [{ who: 'network-admin', text: 'Allow outgoing HTTPS (TCP port 443) from this computer to the Arena API host.' }],
};

/** When the reach step read the certificate and its issuer is a known inspection product, the title names it. */
const NAMES_THE_INSPECTOR: KnowledgeEntry['titleWhenKnown'] = [
  { fact: 'inspectionProduct', title: "Your network's {inspectionProduct} service replaced Arena's certificate" },
  { fact: 'scanningProduct', title: "{scanningProduct} on this computer replaced Arena's certificate" },
];

/** The issuer in plain words, where the reach step read the certificate. */
const ISSUED_BY = ' The certificate presented was issued by {certificateIssuer|a certificate authority this tool could not read}.';

export const NETWORK_ENTRIES: readonly KnowledgeEntry[] = [
  {
    id: 'network.ENOTFOUND',
    match: { endpoints: 'any', codes: ['ENOTFOUND'] },
    title: 'The Arena API address could not be found',
    meaning: "This computer's DNS says the host name in the Arena API URL does not exist, so no connection was attempted.",
    causes: [
      {
        id: 'api-url-typo',
        summary: 'The host name in the API URL is misspelt or is not an Arena API host.',
        question: "Does the API URL differ from your data centre's API address?",
        answerFrom: 'api-url-differs',
        fixSteps: [CHECK_API_URL],
      },
      {
        id: 'dns-filtered',
        summary: 'The company DNS does not resolve outside names for this computer (traffic must go through a proxy).',
        question: 'Does your browser on this computer use a proxy server to reach the internet?',
        answerFrom: 'browser-proxy',
        fixSteps: PROXY_REQUIRED.fixSteps,
      },
      OFFLINE,
    ],
    recheck: 'after-change',
  },
  {
    id: 'network.EAI_AGAIN',
    match: { endpoints: 'any', codes: ['EAI_AGAIN'] },
    title: 'The DNS server did not answer',
    meaning: 'This computer could not get an answer from its DNS server for the Arena API host. Often temporary.',
    causes: [
      OFFLINE,
      {
        id: 'dns-server-unreachable',
        summary: 'The DNS server is unreachable, for example while a VPN connects or after it drops.',
        question: 'Did a VPN connect, disconnect or reconnect on this computer around the time of the check?',
        questionReviewed: 'one-condition',
        fixSteps: [{ who: 'you', text: 'Wait for the network or VPN to settle and check again.' }],
      },
      {
        id: 'dns-filtered',
        summary: 'This network only resolves outside names through a proxy.',
        question: 'Does your browser on this computer use a proxy server to reach the internet?',
        answerFrom: 'browser-proxy',
        fixSteps: PROXY_REQUIRED.fixSteps,
      },
    ],
    recheck: 'now',
  },
  {
    id: 'network.ECONNREFUSED',
    match: { endpoints: 'any', codes: ['ECONNREFUSED'] },
    title: 'The connection to Arena was refused',
    meaning:
      "The address was reached, but nothing there accepted the connection. Arena's API hosts accept HTTPS on port 443, so the address or a proxy setting is most likely wrong.",
    causes: [
      {
        id: 'wrong-address',
        summary: "The API URL has a port or host that is not Arena's.",
        question: 'Does the API URL contain a port number (":8080") or a host other than your data centre\'s API address?',
        answerFrom: 'api-url-port-or-host',
        questionReviewed: 'one-condition',
        fixSteps: [CHECK_API_URL],
      },
      {
        id: 'proxy-not-running',
        summary: 'This tool is set to use a proxy whose address is wrong or not running.',
        question: 'Is this tool set to use a proxy?',
        answerFrom: 'tool-proxy',
        fixSteps: [
          { who: 'network-admin', text: 'Confirm the correct proxy address and port for HTTPS traffic.' },
          { who: 'you', text: 'Correct the proxy address in this tool, or remove it if the network needs none.' },
        ],
      },
      {
        id: 'local-firewall',
        summary: 'A firewall on this computer or network actively rejects the connection.',
        question: 'Do other HTTPS websites open on this computer?',
        fixSteps: FIREWALL_DROP.fixSteps,
      },
    ],
    recheck: 'after-change',
  },
  {
    id: 'network.ETIMEDOUT',
    match: { endpoints: 'any', codes: ['ETIMEDOUT'] },
    title: 'Arena did not answer in time',
    meaning:
      'The connection or the answer took too long. Firewalls that silently drop traffic cause this, as do networks that require a proxy.',
    causes: [
      FIREWALL_DROP,
      PROXY_REQUIRED,
      {
        id: 'arena-slow',
        summary: 'Arena or the network path to it is slow right now.',
        question: 'Does the Arena web app also load very slowly or not at all right now?',
        questionReviewed: 'one-condition',
        fixSteps: [{ who: 'you', text: 'Check again in a few minutes.' }],
      },
    ],
    recheck: 'now',
  },
  {
    id: 'network.ENETUNREACH',
    match: { endpoints: 'any', codes: ['ENETUNREACH', 'EHOSTUNREACH'] },
    title: 'There is no network route to Arena',
    meaning: 'This computer has no route to the Arena API host: the network is down, or a VPN or firewall sends the traffic nowhere.',
    causes: [
      OFFLINE,
      {
        id: 'vpn-routing',
        summary: 'A VPN routes traffic for the Arena API host to a network that cannot reach it.',
        question: 'Is a VPN connected on this computer?',
        fixSteps: [
          { who: 'you', text: 'Disconnect the VPN and check again to confirm.' },
          { who: 'network-admin', text: 'Route traffic for the Arena API host through a path that reaches the internet.' },
        ],
      },
    ],
    recheck: 'after-change',
  },
  {
    id: 'network.ECONNRESET',
    match: { endpoints: 'any', codes: ['ECONNRESET', 'EPIPE', 'ECONNABORTED'] },
    title: 'The connection to Arena was cut off',
    meaning:
      "The connection was opened and then broken before Arena's answer arrived. A firewall, proxy or web filter in the way usually does this.",
    causes: [
      {
        id: 'middlebox-reset',
        summary: 'A firewall, proxy or web filter closes connections to hosts it does not allow.',
        question: 'Does the error come back every time, on this network only?',
        fixSteps: [
          { who: 'network-admin', text: 'Allow HTTPS from this computer to the Arena API host in the firewall, proxy or web filter.' },
          { who: 'you', text: 'Run the check from another network (for example a phone hotspot) to confirm.' },
        ],
      },
      {
        id: 'unstable-network',
        summary: 'The network connection dropped briefly.',
        question: 'Does the check pass when you run it again?',
        fixSteps: [{ who: 'you', text: 'Check again; if it passes now, the network dropped briefly.' }],
      },
      {
        // A TLS server closes a plain-HTTP connection without a word (OpenSSL sends no alert for it).
        id: 'http-to-https-port',
        summary:
          'The API URL or the proxy address starts with http:// but that port speaks HTTPS, and it closes plain connections without answering.',
        question:
          'Does the API URL or the proxy address start with http:// while its port expects HTTPS (for example an HTTPS proxy on port 443 or 8443)?',
        questionReviewed: 'one-condition',
        fixSteps: [
          CHECK_API_URL,
          {
            who: 'network-admin',
            text: "Confirm the proxy's address and scheme: http://host:port for an ordinary proxy, https:// only if the proxy itself speaks TLS.",
          },
        ],
      },
    ],
    recheck: 'now',
  },
  {
    id: 'network.HPE_INVALID_CONSTANT',
    // Node's HTTP parser codes: the bytes that came back were not an HTTP answer at all.
    match: {
      endpoints: 'any',
      codes: [
        'HPE_INVALID_CONSTANT',
        'HPE_INVALID_VERSION',
        'HPE_INVALID_STATUS',
        'HPE_INVALID_HEADER_TOKEN',
        'HPE_INVALID_CONTENT_LENGTH',
        'HPE_UNEXPECTED_CONTENT_LENGTH',
        'HPE_INVALID_TRANSFER_ENCODING',
        'HPE_INVALID_CHUNK_SIZE',
        'HPE_HEADER_OVERFLOW',
        'HPE_CR_EXPECTED',
        'HPE_LF_EXPECTED',
      ],
    },
    title: 'What answered does not speak HTTP',
    meaning:
      'Something answered at the address, but its bytes are not an HTTP answer: the port speaks another protocol (most often HTTPS on an address written http://), or a device in the way mangled the answer.',
    causes: [
      {
        id: 'http-to-https-port',
        summary: 'The API URL or the proxy address starts with http:// but the port speaks HTTPS (or another protocol).',
        question: 'Does the API URL or the proxy address start with http://?',
        questionReviewed: 'one-condition',
        fixSteps: [
          CHECK_API_URL,
          {
            who: 'network-admin',
            text: "Confirm the proxy's address, port and scheme (usually http://host:port for the proxy, https:// for Arena).",
          },
        ],
      },
      {
        id: 'middlebox-mangles',
        summary: 'A proxy, firewall or security software in the way answers with something broken or not HTTP.',
        question: 'Does traffic from this computer go through a proxy, firewall or security software that inspects web traffic?',
        questionReviewed: 'one-condition',
        fixSteps: [
          { who: 'network-admin', text: 'Exempt the Arena API host from inspection in the proxy, firewall or security software.' },
          { who: 'you', text: 'Run the check from another network (for example a phone hotspot) to confirm.' },
        ],
      },
    ],
    recheck: 'after-change',
  },
  {
    id: 'network.SELF_SIGNED_CERT_IN_CHAIN',
    match: { endpoints: 'any', codes: ['SELF_SIGNED_CERT_IN_CHAIN'] },
    title: "Something in the network replaced Arena's certificate",
    titleWhenKnown: NAMES_THE_INSPECTOR,
    meaning:
      "The certificate chain presented for the Arena API host ends in a root this tool does not trust. Arena's real certificate chains to a public root, so something between this computer and Arena is presenting its own." +
      ISSUED_BY,
    causes: [TLS_INSPECTION, ANTIVIRUS_SCANNING],
    recheck: 'after-change',
    extract: ['certificate-issuer'],
  },
  {
    id: 'network.UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    match: { endpoints: 'any', codes: ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT'] },
    title: "The certificate's issuer is not trusted here",
    titleWhenKnown: NAMES_THE_INSPECTOR,
    meaning:
      'The certificate for the Arena API host was issued by a certificate authority this tool does not know. Arena uses a public authority, so a proxy or security software is most likely presenting its own certificate.' +
      ISSUED_BY,
    causes: [TLS_INSPECTION, ANTIVIRUS_SCANNING],
    recheck: 'after-change',
    extract: ['certificate-issuer'],
  },
  {
    id: 'network.DEPTH_ZERO_SELF_SIGNED_CERT',
    match: { endpoints: 'any', codes: ['DEPTH_ZERO_SELF_SIGNED_CERT'] },
    title: 'The server presented a self-signed certificate',
    titleWhenKnown: NAMES_THE_INSPECTOR,
    meaning:
      'Whatever answered at the Arena API address used a certificate it signed itself. Arena never does, so this is not Arena answering.' +
      ISSUED_BY,
    causes: [
      {
        id: 'interception-device',
        summary: "A captive portal, proxy or firewall answered in Arena's place with its own certificate.",
        question: 'Are you on a guest, hotel or public network, or behind a company firewall that inspects HTTPS?',
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'you',
            text: 'On a guest or hotel network, open any website in a browser and complete the sign-in page, then check again.',
          },
          EXEMPT_FROM_INSPECTION,
        ],
      },
      {
        id: 'wrong-address',
        summary: "The API URL points at a server that is not Arena's.",
        question: "Does the API URL differ from your data centre's API address?",
        answerFrom: 'api-url-differs',
        fixSteps: [CHECK_API_URL],
      },
    ],
    recheck: 'after-change',
    extract: ['certificate-issuer'],
  },
  {
    id: 'network.UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    match: { endpoints: 'any', codes: ['UNABLE_TO_VERIFY_LEAF_SIGNATURE'] },
    title: 'The certificate chain is incomplete',
    titleWhenKnown: NAMES_THE_INSPECTOR,
    meaning:
      'The server sent its certificate without the intermediate certificate that links it to a trusted root, so it cannot be verified.' +
      ISSUED_BY,
    causes: [
      {
        id: 'proxy-incomplete-chain',
        summary: 'An inspecting proxy presents its own certificate without its intermediate certificate.',
        question: 'Does your company route web traffic through a proxy or firewall that inspects HTTPS?',
        questionReviewed: 'one-condition',
        fixSteps: [
          EXEMPT_FROM_INSPECTION,
          { who: 'network-admin', text: 'Or configure the proxy to send its full certificate chain, intermediate included.' },
        ],
      },
      {
        id: 'server-incomplete-chain',
        summary: 'The server at the API address itself sends an incomplete chain.',
        question: 'Does the same error appear from a network without any proxy (for example a phone hotspot)?',
        fixSteps: [
          CHECK_API_URL,
          {
            who: 'arena-support',
            text: 'If the URL is a genuine Arena API address, report the incomplete certificate chain to Arena Support.',
          },
        ],
      },
    ],
    recheck: 'after-change',
    extract: ['certificate-issuer'],
  },
  {
    id: 'network.ERR_TLS_CERT_ALTNAME_INVALID',
    match: { endpoints: 'any', codes: ['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH'] },
    title: 'The certificate is for a different host',
    titleWhenKnown: NAMES_THE_INSPECTOR,
    meaning:
      "The server's certificate does not name the host in the Arena API URL: the URL names the wrong host, or something else answered in Arena's place." +
      ISSUED_BY,
    causes: [
      {
        id: 'wrong-api-host',
        summary: 'The API URL uses a host name the certificate does not cover (an alias, an IP address, a shortened name).',
        question: "Does the host in the API URL differ from your data centre's API address?",
        fixSteps: [CHECK_API_URL],
      },
      {
        id: 'interception',
        summary: 'A captive portal or proxy answered with its own certificate for another name.',
        question: 'Are you on a guest, hotel or public network, or behind a company firewall that inspects HTTPS?',
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'you',
            text: 'On a guest or hotel network, open any website in a browser and complete the sign-in page, then check again.',
          },
          EXEMPT_FROM_INSPECTION,
        ],
      },
    ],
    recheck: 'after-change',
    extract: ['certificate-issuer'],
  },
  {
    id: 'network.CERT_HAS_EXPIRED',
    match: { endpoints: 'any', codes: ['CERT_HAS_EXPIRED'] },
    title: 'The certificate looks expired from this computer',
    meaning: "The certificate presented is past its end date by this computer's clock, which reads {localClock} (UTC).",
    causes: [
      {
        id: 'clock-ahead',
        summary: "This computer's clock is set in the future, so valid certificates look expired.",
        question: 'Is {localClock} (UTC) later than the real time now?',
        fixSteps: [
          { who: 'you', text: "Set this computer's date, time and time zone correctly (turn on automatic time), then check again." },
        ],
      },
      {
        id: 'interception-expired',
        summary: 'A proxy or security device presents an expired certificate of its own.',
        question: 'Does your company route web traffic through a proxy or firewall that inspects HTTPS?',
        questionReviewed: 'one-condition',
        fixSteps: [
          { who: 'network-admin', text: "Renew the inspecting device's certificate, or exempt the Arena API host from inspection." },
        ],
      },
      {
        id: 'server-cert-expired',
        summary: "The server's certificate really has expired.",
        question: 'Does the same error appear from another computer with a correct clock on another network?',
        fixSteps: [{ who: 'arena-support', text: 'Report the expired certificate on the Arena API host to Arena Support.' }],
      },
    ],
    recheck: 'after-change',
    extract: ['local-clock'],
  },
  {
    id: 'network.CERT_NOT_YET_VALID',
    match: { endpoints: 'any', codes: ['CERT_NOT_YET_VALID'] },
    title: "The certificate is not valid yet by this computer's clock",
    meaning:
      "The certificate's start date is after this computer's clock, which reads {localClock} (UTC). This computer's clock is almost certainly behind.",
    causes: [
      {
        id: 'clock-behind',
        summary: "This computer's clock is set in the past (a flat clock battery, a restored virtual machine, manual time).",
        question: 'Is {localClock} (UTC) earlier than the real time now?',
        fixSteps: [
          { who: 'you', text: "Set this computer's date, time and time zone correctly (turn on automatic time), then check again." },
        ],
      },
      {
        id: 'interception-new-cert',
        summary: "An inspecting proxy issues certificates dated slightly ahead of this computer's clock.",
        question: 'Does your company route web traffic through a proxy or firewall that inspects HTTPS?',
        questionReviewed: 'one-condition',
        fixSteps: [EXEMPT_FROM_INSPECTION],
      },
    ],
    recheck: 'after-change',
    extract: ['local-clock'],
  },
  {
    id: 'network.EPROTO',
    match: { endpoints: 'any', codes: ['EPROTO', 'ERR_SSL_WRONG_VERSION_NUMBER'] },
    title: 'The secure connection could not start',
    meaning: 'This tool started HTTPS, but the other side answered with something that is not HTTPS, typically plain HTTP.',
    causes: [
      {
        id: 'http-port',
        summary: 'The API URL points at a plain-HTTP port or service.',
        question: "Does the API URL contain a port number, or a host other than your data centre's API address?",
        answerFrom: 'api-url-port-or-host',
        questionReviewed: 'one-condition',
        fixSteps: [CHECK_API_URL],
      },
      {
        id: 'proxy-in-the-way',
        summary:
          'A proxy or firewall answers in plain text (for example a block page) inside the HTTPS connection, or the proxy is set with the wrong scheme.',
        question: 'Does traffic from this computer go through a proxy or web filter?',
        answerFrom: 'traffic-through-proxy',
        questionReviewed: 'one-condition',
        fixSteps: [
          {
            who: 'network-admin',
            text: "Allow HTTPS to the Arena API host through the proxy or web filter, and confirm the proxy's address and scheme (usually http://host:port).",
          },
          { who: 'you', text: 'Correct the proxy address in this tool and check again.' },
        ],
      },
    ],
    recheck: 'after-change',
  },
];
