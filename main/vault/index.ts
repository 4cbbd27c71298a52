// The vault: remembers WebTokens and passwords in the OS keychain, and nowhere else.
export type { KeytarLike, SecretKind, Vault, VaultEntryKey, VaultResult } from './types.js';
export { createKeytarVault, DEFAULT_SERVICE, DEFAULT_TIMEOUT_MS, type KeytarVaultOptions } from './keytar-vault.js';
export { unavailableVault } from './unavailable-vault.js';
export { keychainErrorMessage, keychainLoadErrorMessage, keychainTimeoutMessage } from './keychain-errors.js';
