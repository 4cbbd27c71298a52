// The keychain's part of the service: which secrets are remembered, forgetting them, taking a secret from
// the keychain for a check, and remembering typed ones afterwards.
import type { CheckIntent, ConnectionDetails, Result, SecretInput } from '../../common/ipc/contract.js';
import type { SecretKind, Vault, VaultEntryKey } from '../vault/index.js';
import { normaliseDetails } from './details.js';
import { fail, ok, type Handlers } from './handler.js';
import type { ServiceHost } from './host.js';

export function keychainHandlers(host: ServiceHost): Pick<Handlers, 'rememberedFor' | 'forgetSecrets'> {
  return {
    rememberedFor: async (details) => {
      const result = await host.vault.remembered(vaultKey(details), details.loginType);
      return result.ok ? ok(result.value) : fail('keychain-unavailable', result.unavailable.message ?? 'The keychain cannot be used.');
    },
    forgetSecrets: async (details) => {
      const result = await host.vault.forget(vaultKey(details));
      if (!result.ok) return fail('keychain-unavailable', result.unavailable.message ?? 'The keychain cannot be used.');
      return ok({ integration: false, user: false });
    },
  };
}

export function vaultKey(details: ConnectionDetails): VaultEntryKey {
  const normalised = normaliseDetails(details);
  return {
    apiUrl: normalised.apiUrl,
    workspaceId: normalised.workspaceId,
    integrationEmail: normalised.integrationEmail,
    userEmail: normalised.userEmail,
  };
}

export function integrationSecretKind(details: ConnectionDetails): SecretKind {
  return details.loginType === 'webtoken' ? 'webtoken' : 'password';
}

/** The secret to send: typed now, or taken from the keychain; a plain refusal when there is none. */
export async function resolveSecret(
  vault: Vault,
  details: ConnectionDetails,
  kind: SecretKind,
  input: SecretInput,
): Promise<Result<string>> {
  const what = kind === 'webtoken' ? 'WebToken' : kind === 'password' ? "integration user's password" : "Onshape user's password";
  if (input.source === 'typed') return ok(input.value);
  if (input.source === 'none') return fail('secret-missing', `Enter the ${what}.`);
  const loaded = await vault.load(vaultKey(details), kind);
  if (!loaded.ok)
    return fail('keychain-unavailable', `${loaded.unavailable.message ?? 'The keychain cannot be used.'} Enter the ${what} instead.`);
  if (loaded.value === null) return fail('secret-missing', `No ${what} is remembered for these details; enter it.`);
  return ok(loaded.value);
}

/**
 * Stores typed secrets when asked to, but only those Arena accepted in this check (a refused or unjudged
 * secret is not worth remembering); returns notices for what was not remembered (the check still ran).
 */
export async function remember(
  host: ServiceHost,
  intent: Pick<CheckIntent, 'remember' | 'integrationSecret' | 'userPassword'>,
  details: ConnectionDetails,
  accepted: { integration: boolean; user: boolean },
): Promise<string[]> {
  if (!intent.remember) return [];
  const key = vaultKey(details);
  const notices: string[] = [];
  const kind = integrationSecretKind(details);
  const pending: [SecretKind, SecretInput, boolean, string][] = [
    [kind, intent.integrationSecret, accepted.integration, kind === 'webtoken' ? 'The WebToken' : "The integration user's password"],
  ];
  if (details.userEmail) pending.push(['user-password', intent.userPassword, accepted.user, "The Onshape user's password"]);
  for (const [secretKind, input, wasAccepted, what] of pending) {
    if (input.source !== 'typed') continue;
    if (!wasAccepted) {
      notices.push(`${what} was not remembered in the keychain: Arena did not accept it in this check.`);
      continue;
    }
    const saved = await host.vault.save(key, secretKind, input.value);
    if (!saved.ok && saved.unavailable.message) notices.push(saved.unavailable.message);
  }
  return notices;
}
