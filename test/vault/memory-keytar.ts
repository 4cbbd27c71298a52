// An in-memory stand-in for keytar, for the vault's own logic (timeouts, load failures, message hygiene).
// The real keychain is exercised in keychain.test.ts.
import type { KeytarLike } from '../../main/vault/types.js';

export function memoryKeytar(): KeytarLike & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const id = (service: string, account: string) => JSON.stringify([service, account]);
  return {
    entries,
    getPassword: async (service, account) => entries.get(id(service, account)) ?? null,
    setPassword: async (service, account, password) => void entries.set(id(service, account), password),
    deletePassword: async (service, account) => entries.delete(id(service, account)),
    findCredentials: async (service) =>
      [...entries].flatMap(([entry, password]) => {
        const [s, account] = JSON.parse(entry) as [string, string];
        return s === service ? [{ account, password }] : [];
      }),
  };
}
