// Turns what the OS keychain (through keytar) reports into plain words for the admin. keytar passes the
// OS's own text: libsecret/GDBus messages on Linux, SecCopyErrorMessageString on macOS, FormatMessage on
// Windows. Not being able to remember is never fatal, so every message says the app still works.

export type KeychainPlatform = NodeJS.Platform;

const STILL_WORKS = 'Everything else works; the WebToken and passwords just have to be typed each time.';

interface Rule {
  platforms: readonly KeychainPlatform[];
  pattern: RegExp;
  message: string;
}

const NO_SECRET_SERVICE =
  'No keychain service (Secret Service) is running on this computer, so the WebToken and passwords cannot be remembered. ' +
  'To have them remembered, install and unlock GNOME Keyring or KWallet, then restart Arena Connect Doctor. ' +
  STILL_WORKS;

const LINUX_LOCKED =
  'The keychain is locked or has no default ("Login") keyring, so the WebToken and passwords cannot be remembered right now. ' +
  'Unlock it, or create a default keyring, in Passwords and Keys (Seahorse) or KWallet, then try again. ' +
  STILL_WORKS;

const MAC_DENIED =
  'Arena Connect Doctor was not allowed to use the macOS Keychain (access was denied or the request was cancelled), so the WebToken and passwords are not remembered. ' +
  'To have them remembered, choose Allow when macOS asks, or unlock the login keychain in Keychain Access, then try again. ' +
  STILL_WORKS;

const MAC_NO_KEYCHAIN =
  'macOS has no default keychain available, so the WebToken and passwords cannot be remembered. ' +
  'Open Keychain Access and make sure a login keychain exists and is the default, then try again. ' +
  STILL_WORKS;

const WINDOWS_NO_SESSION =
  'Windows Credential Manager is not available in this sign-in session (for example when the app runs as another user or as a service), so the WebToken and passwords cannot be remembered. ' +
  STILL_WORKS;

// Order matters: the first match wins. Patterns are the OS's own wording (see the tests for real samples).
const RULES: readonly Rule[] = [
  // No D-Bus session at all, an empty or dead bus address, or a bus without a Secret Service provider.
  { platforms: ['linux', 'freebsd', 'openbsd'], pattern: /Cannot autolaunch D-Bus/i, message: NO_SECRET_SERVICE },
  { platforms: ['linux', 'freebsd', 'openbsd'], pattern: /given address is empty/i, message: NO_SECRET_SERVICE },
  { platforms: ['linux', 'freebsd', 'openbsd'], pattern: /^Could not connect:/i, message: NO_SECRET_SERVICE },
  { platforms: ['linux', 'freebsd', 'openbsd'], pattern: /DBUS_SESSION_BUS_ADDRESS/, message: NO_SECRET_SERVICE },
  { platforms: ['linux', 'freebsd', 'openbsd'], pattern: /org\.freedesktop\.secrets/i, message: NO_SECRET_SERVICE },
  {
    platforms: ['linux', 'freebsd', 'openbsd'],
    pattern: /ServiceUnknown|not provided by any \.service files/i,
    message: NO_SECRET_SERVICE,
  },
  // gnome-keyring without an unlocked default collection.
  { platforms: ['linux', 'freebsd', 'openbsd'], pattern: /Object does not exist at path .*\/collection\//i, message: LINUX_LOCKED },
  { platforms: ['linux', 'freebsd', 'openbsd'], pattern: /locked collection|collection is locked|is locked/i, message: LINUX_LOCKED },
  { platforms: ['linux', 'freebsd', 'openbsd'], pattern: /prompt.*(dismissed|cancel)|(dismissed|cancel).*prompt/i, message: LINUX_LOCKED },
  // macOS: errSecAuthFailed (-25293), errSecUserCanceled (-128), errSecInteractionNotAllowed (-25308).
  { platforms: ['darwin'], pattern: /passphrase you entered is not correct|errSecAuthFailed|-25293/i, message: MAC_DENIED },
  { platforms: ['darwin'], pattern: /User canceled the operation|errSecUserCanceled|\(-128\)/i, message: MAC_DENIED },
  { platforms: ['darwin'], pattern: /User interaction is not allowed|errSecInteractionNotAllowed|-25308/i, message: MAC_DENIED },
  { platforms: ['darwin'], pattern: /access.*denied|not allowed|not permitted|required entitlement/i, message: MAC_DENIED },
  // errSecNoDefaultKeychain (-25307), errSecNoSuchKeychain (-25294), errSecNotAvailable (-25291).
  {
    platforms: ['darwin'],
    pattern: /default keychain could not be found|specified keychain could not be found|No keychain is available/i,
    message: MAC_NO_KEYCHAIN,
  },
  // ERROR_NO_SUCH_LOGON_SESSION (1312).
  { platforms: ['win32'], pattern: /logon session does not exist/i, message: WINDOWS_NO_SESSION },
];

export function keychainName(platform: KeychainPlatform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'system keychain';
}

/** The error's own text, made safe to show: one line, no control characters, bounded. */
export function errorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : 'no details given';
  const cleaned = raw
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '');
  const text = cleaned === '' ? 'no details given' : cleaned;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** A failure of a keychain operation (read, write, delete, list). */
export function keychainErrorMessage(error: unknown, platform: KeychainPlatform): string {
  const text = errorText(error);
  const rule = RULES.find((candidate) => candidate.platforms.includes(platform) && candidate.pattern.test(text));
  if (rule) return rule.message;
  return `The ${keychainName(platform)} could not be used (${text}), so the WebToken and passwords are not remembered. ${STILL_WORKS}`;
}

// Node's codes for an import (ESM) or require (CommonJS, e.g. keytar's own .node) that found no file: keytar
// is an optional dependency, so a machine without its build tools installs without it.
function isModuleNotFound(error: unknown): boolean {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/** keytar's native module (or a library it needs, e.g. libsecret) could not be loaded at all. */
export function keychainLoadErrorMessage(error: unknown, platform: KeychainPlatform): string {
  if (isModuleNotFound(error)) {
    return (
      'The keychain module is not installed, so the WebToken and passwords cannot be remembered. ' +
      'On a development machine: install the tools keytar is built with (README, Quick start), then run npm install again. ' +
      STILL_WORKS
    );
  }
  const text = errorText(error);
  if (/libsecret/i.test(text)) {
    return (
      'The libsecret library is missing, so the WebToken and passwords cannot be remembered. ' +
      'Install it (package libsecret-1-0 on Debian and Ubuntu, libsecret on Fedora and Arch), then restart Arena Connect Doctor. ' +
      STILL_WORKS
    );
  }
  return `The part of Arena Connect Doctor that talks to the ${keychainName(platform)} could not be loaded (${text}), so the WebToken and passwords are not remembered. ${STILL_WORKS}`;
}

/** The keychain did not answer in time: typically an unlock prompt that is waiting, hidden or was closed. */
export function keychainTimeoutMessage(seconds: number, platform: KeychainPlatform): string {
  return (
    `The ${keychainName(platform)} did not answer within ${seconds} ${seconds === 1 ? 'second' : 'seconds'}; an unlock prompt may be waiting or was closed. ` +
    `Unlock it and try again. ${STILL_WORKS}`
  );
}
