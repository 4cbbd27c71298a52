// The keychain "account" name of each secret. A JSON-encoded tuple is stable and unambiguous (no
// separator inside an email or URL can make two keys collide), and it can be parsed back to find every
// secret of one integration when forgetting.
import { canonicalApiUrl, canonicalEmail } from '../accounts/identity.js';
import type { SecretKind, VaultEntryKey } from './types.js';

/** A name no real entry can have (real ones are 4- or 5-element tuples): reading it checks access only. */
export const PROBE_ACCOUNT = JSON.stringify(['arena-connect-doctor', 'probe']);

interface NormalisedKey {
  apiUrl: string;
  workspaceId: number;
  integrationEmail: string;
  userEmail: string | null;
}

/** Invalid keys are programming errors (the IPC layer validates first), so they throw. */
export function normaliseKey(key: VaultEntryKey): NormalisedKey {
  if (!Number.isSafeInteger(key.workspaceId) || key.workspaceId <= 0) {
    throw new TypeError('Vault key: the workspace ID must be a positive whole number.');
  }
  // The same integration typed slightly differently (an email's case, the address's spelling) is the same entry.
  const apiUrl = canonicalApiUrl(key.apiUrl);
  const integrationEmail = canonicalEmail(key.integrationEmail);
  if (apiUrl === '') throw new TypeError('Vault key: the API address is empty.');
  if (integrationEmail === '') throw new TypeError('Vault key: the integration email is empty.');
  const userEmail = key.userEmail == null || key.userEmail.trim() === '' ? null : canonicalEmail(key.userEmail);
  return { apiUrl, workspaceId: key.workspaceId, integrationEmail, userEmail };
}

/** The account name of one secret; null for a user password when the key has no user email. */
export function accountFor(key: VaultEntryKey, kind: SecretKind): string | null {
  const k = normaliseKey(key);
  if (kind === 'user-password') {
    if (k.userEmail === null) return null;
    return JSON.stringify([k.apiUrl, k.workspaceId, k.integrationEmail, kind, k.userEmail]);
  }
  return JSON.stringify([k.apiUrl, k.workspaceId, k.integrationEmail, kind]);
}

/** Whether an account name (as listed by the keychain) holds a secret of this key's integration. */
export function belongsTo(account: string, key: VaultEntryKey): boolean {
  const k = normaliseKey(key);
  let parsed: unknown;
  try {
    parsed = JSON.parse(account);
  } catch {
    return false;
  }
  return (
    Array.isArray(parsed) &&
    (parsed.length === 4 || parsed.length === 5) &&
    parsed[0] === k.apiUrl &&
    parsed[1] === k.workspaceId &&
    parsed[2] === k.integrationEmail
  );
}
