// The vault's public shapes. Only main/vault touches keytar; everything else sees this interface.
import type { KeychainStatus, RememberedSecrets } from '../../common/ipc/contract.js';

export type SecretKind = 'webtoken' | 'password' | 'user-password';

export interface VaultEntryKey {
  apiUrl: string;
  workspaceId: number;
  integrationEmail: string;
  /** Needed for the 'user-password' kind only. */
  userEmail?: string | null;
}

/** A failure carries the keychain status to show: available false and plain words. */
export type VaultResult<T> = { ok: true; value: T } | { ok: false; unavailable: KeychainStatus };

export interface Vault {
  status(): Promise<KeychainStatus>;
  /** Saving an empty secret removes that entry (nothing to remember). */
  save(key: VaultEntryKey, kind: SecretKind, secret: string): Promise<VaultResult<null>>;
  load(key: VaultEntryKey, kind: SecretKind): Promise<VaultResult<string | null>>;
  remembered(key: VaultEntryKey, loginType: 'webtoken' | 'password'): Promise<VaultResult<RememberedSecrets>>;
  /** Removes every secret kind of that integration, including user passwords of any user email. */
  forget(key: VaultEntryKey): Promise<VaultResult<null>>;
}

/** The part of keytar the vault uses; tests can pass a stand-in through createKeytarVault's loadKeytar. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}
