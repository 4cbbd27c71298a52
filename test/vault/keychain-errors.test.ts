// The keychain error table, fed with the text each OS really produces (Linux samples captured from
// keytar 7.9 + libsecret on Debian 12; macOS from SecCopyErrorMessageString; Windows from FormatMessage).
import { describe, expect, it } from 'vitest';
import { errorText, keychainErrorMessage, keychainLoadErrorMessage, keychainTimeoutMessage } from '../../main/vault/keychain-errors.js';

const STILL_WORKS = /Everything else works/;

describe('Linux (libsecret over D-Bus)', () => {
  it.each([
    ['no D-Bus session and no X11 display', 'Cannot autolaunch D-Bus without X11 $DISPLAY'],
    ['an empty bus address', 'The given address is empty'],
    ['a bus address whose socket is gone', 'Could not connect: No such file or directory'],
    ['a refused bus socket', 'Could not connect: Connection refused'],
    ['no Secret Service provider on the bus', 'The name org.freedesktop.secrets was not provided by any .service files'],
    ['the same, as a D-Bus error name', 'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name is not activatable'],
  ])('%s: no Secret Service, install GNOME Keyring or KWallet', (_, text) => {
    const message = keychainErrorMessage(new Error(text), 'linux');
    expect(message).toMatch(/No keychain service \(Secret Service\) is running/);
    expect(message).toMatch(/GNOME Keyring or KWallet/);
    expect(message).toMatch(STILL_WORKS);
    expect(message).not.toContain('D-Bus');
  });

  it.each([
    ['no login collection (keyring never unlocked)', 'Object does not exist at path “/org/freedesktop/secrets/collection/login”'],
    ['a locked collection', 'Cannot create an item in a locked collection'],
    ['a dismissed unlock prompt', 'The prompt was dismissed'],
  ])('%s: locked keychain, unlock it', (_, text) => {
    const message = keychainErrorMessage(new Error(text), 'linux');
    expect(message).toMatch(/locked or has no default \("Login"\) keyring/);
    expect(message).toMatch(/Unlock it/);
    expect(message).toMatch(STILL_WORKS);
  });

  it('missing libsecret when loading the native module', () => {
    const error = new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
    expect(keychainLoadErrorMessage(error, 'linux')).toMatch(/libsecret library is missing.*libsecret-1-0/);
  });
});

describe('macOS Keychain', () => {
  it.each([
    ['errSecAuthFailed', 'The user name or passphrase you entered is not correct.'],
    ['errSecUserCanceled', 'User canceled the operation.'],
    ['errSecInteractionNotAllowed', 'User interaction is not allowed.'],
  ])('%s: access denied, choose Allow', (_, text) => {
    const message = keychainErrorMessage(new Error(text), 'darwin');
    expect(message).toMatch(/not allowed to use the macOS Keychain/);
    expect(message).toMatch(/choose Allow/);
    expect(message).toMatch(STILL_WORKS);
  });

  it.each([
    ['errSecNoDefaultKeychain', 'A default keychain could not be found.'],
    ['errSecNoSuchKeychain', 'The specified keychain could not be found.'],
    ['errSecNotAvailable', 'No keychain is available. You may need to restart your computer.'],
  ])('%s: no default keychain', (_, text) => {
    expect(keychainErrorMessage(new Error(text), 'darwin')).toMatch(/macOS has no default keychain available/);
  });

  it('the fallback text keytar uses when macOS gives none is reported as is', () => {
    expect(keychainErrorMessage(new Error('An unknown error occurred.'), 'darwin')).toBe(
      'The macOS Keychain could not be used (An unknown error occurred), so the WebToken and passwords are not remembered. ' +
        'Everything else works; the WebToken and passwords just have to be typed each time.',
    );
  });
});

describe('Windows Credential Manager', () => {
  it('ERROR_NO_SUCH_LOGON_SESSION: not available in this sign-in session', () => {
    const text = 'A specified logon session does not exist. It may already have been terminated.\r\n';
    expect(keychainErrorMessage(new Error(text), 'win32')).toMatch(/not available in this sign-in session/);
  });

  it.each(['Access is denied.\r\n', 'The parameter is incorrect.\r\n', 'Element not found.\r\n'])(
    'other errors are generic with their own text: %j',
    (text) => {
      const message = keychainErrorMessage(new Error(text), 'win32');
      expect(message).toMatch(/^The Windows Credential Manager could not be used \(/);
      expect(message).toContain(text.trim().replace(/\.$/, ''));
      expect(message).not.toMatch(/[\r\n]/);
    },
  );
});

describe('unknown and odd errors', () => {
  it('an unknown error keeps its own text, on one line and bounded', () => {
    const message = keychainErrorMessage(new Error(`Something\nodd\u0007 ${'x'.repeat(500)}`), 'linux');
    expect(message).toMatch(/^The system keychain could not be used \(Something odd x+…\)/);
    expect(message).not.toMatch(/[\n\u0007]/);
  });

  it('patterns of one OS do not fire on another', () => {
    expect(keychainErrorMessage(new Error('User canceled the operation.'), 'linux')).toMatch(/^The system keychain could not be used/);
    expect(keychainErrorMessage(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'), 'darwin')).toMatch(
      /^The macOS Keychain could not be used/,
    );
  });

  it('non-Error values', () => {
    expect(errorText('plain string')).toBe('plain string');
    expect(errorText(undefined)).toBe('no details given');
    expect(errorText(new Error('   '))).toBe('no details given');
  });

  it('a native module that does not load', () => {
    const message = keychainLoadErrorMessage(new Error('The module was compiled against a different Node.js version'), 'win32');
    expect(message).toMatch(/talks to the Windows Credential Manager could not be loaded \(The module was compiled/);
    expect(message).toMatch(STILL_WORKS);
  });

  it('a timeout names the keychain and the wait', () => {
    expect(keychainTimeoutMessage(60, 'darwin')).toMatch(/^The macOS Keychain did not answer within 60 seconds; an unlock prompt/);
  });
});
