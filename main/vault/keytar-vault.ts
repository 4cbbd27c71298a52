// The OS keychain through keytar. keytar is imported lazily so a missing native module, a missing
// libsecret or a dead D-Bus session makes remembering unavailable instead of crashing start-up.
// Nothing here logs: the only place a secret goes is keytar.
import type { KeychainStatus, RememberedSecrets } from '../../common/ipc/contract.js';
import { PROBE_ACCOUNT, accountFor, belongsTo } from './account.js';
import { keychainErrorMessage, keychainLoadErrorMessage, keychainTimeoutMessage, type KeychainPlatform } from './keychain-errors.js';
import type { KeytarLike, SecretKind, Vault, VaultEntryKey, VaultResult } from './types.js';

export const DEFAULT_SERVICE = 'Arena Connect Doctor';
/** Long enough to type a keyring password into an unlock prompt; short enough not to hang forever. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface KeytarVaultOptions {
  service?: string;
  loadKeytar?: () => Promise<KeytarLike>;
  /** Each keychain call gives up after this long (a prompt that never answers would otherwise hang). */
  timeoutMs?: number;
  /** Which OS's wording to use; defaults to process.platform. */
  platform?: KeychainPlatform;
}

/** keytar is an optional dependency (it builds from C++ where no prebuilt binary fits), so it may be absent. */
export const KEYTAR_MODULE = 'keytar';

/**
 * Imports keytar by name. The name is a parameter so neither the type check nor the build needs keytar
 * installed (the command line never uses it); tests pass a name that is not installed.
 */
export async function loadKeytarModule(moduleName: string = KEYTAR_MODULE): Promise<KeytarLike> {
  // keytar is CommonJS: its exports are the default export of the ESM namespace.
  const module = (await import(/* @vite-ignore */ moduleName)) as { default: KeytarLike };
  return module.default;
}

class KeychainTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KeychainTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function unavailable(message: string): { ok: false; unavailable: KeychainStatus } {
  return { ok: false, unavailable: { available: false, message } };
}

// Belt and braces: OS messages do not echo secrets, but a message must never carry one.
function withoutSecret(message: string, secret: string | undefined): string {
  return secret ? message.split(secret).join('[removed]') : message;
}

export function createKeytarVault(options: KeytarVaultOptions = {}): Vault {
  const service = options.service ?? DEFAULT_SERVICE;
  const loadKeytar = options.loadKeytar ?? loadKeytarModule;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const platform = options.platform ?? process.platform;
  // A module that failed to load will not load later in this process, so the failure is kept too.
  let loading: Promise<KeytarLike> | null = null;

  async function use<T>(work: (keytar: KeytarLike) => Promise<T>, secret?: string): Promise<VaultResult<T>> {
    let keytar: KeytarLike;
    try {
      loading ??= Promise.resolve().then(() => loadKeytar());
      keytar = await loading;
    } catch (error) {
      return unavailable(withoutSecret(keychainLoadErrorMessage(error, platform), secret));
    }
    try {
      return { ok: true, value: await withTimeout(work(keytar), timeoutMs) };
    } catch (error) {
      if (error instanceof KeychainTimeout) {
        return unavailable(keychainTimeoutMessage(Math.max(1, Math.round(timeoutMs / 1000)), platform));
      }
      return unavailable(withoutSecret(keychainErrorMessage(error, platform), secret));
    }
  }

  function requireAccount(key: VaultEntryKey, kind: SecretKind): string {
    const account = accountFor(key, kind);
    if (account === null) throw new TypeError('Vault key: a user password needs the user email.');
    return account;
  }

  return {
    async status() {
      // Reading an entry that never exists checks the keychain answers without writing to it.
      const result = await use((keytar) => keytar.getPassword(service, PROBE_ACCOUNT));
      return result.ok ? { available: true, message: null } : result.unavailable;
    },

    save(key, kind, secret) {
      const account = requireAccount(key, kind);
      return use(async (keytar) => {
        if (secret === '') await keytar.deletePassword(service, account);
        else await keytar.setPassword(service, account, secret);
        return null;
      }, secret);
    },

    load(key, kind) {
      const account = accountFor(key, kind);
      if (account === null) return Promise.resolve({ ok: true, value: null });
      return use((keytar) => keytar.getPassword(service, account));
    },

    remembered(key, loginType) {
      const integrationAccount = requireAccount(key, loginType);
      const userAccount = accountFor(key, 'user-password');
      return use(async (keytar): Promise<RememberedSecrets> => {
        const integration = (await keytar.getPassword(service, integrationAccount)) !== null;
        const user = userAccount !== null && (await keytar.getPassword(service, userAccount)) !== null;
        return { integration, user };
      });
    },

    forget(key) {
      const named = (['webtoken', 'password', 'user-password'] as const)
        .map((kind) => accountFor(key, kind))
        .filter((account): account is string => account !== null);
      return use(async (keytar) => {
        // Listing also finds user passwords saved under an earlier user email of the same integration.
        const listed = (await keytar.findCredentials(service))
          .map((credential) => credential.account)
          .filter((account) => belongsTo(account, key));
        for (const account of new Set([...named, ...listed])) await keytar.deletePassword(service, account);
        return null;
      });
    },
  };
}
