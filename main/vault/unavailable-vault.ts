// A vault that remembers nothing: used when the keychain cannot be used at all, or when the admin runs
// without one. The app works the same; secrets are typed each time.
import type { Vault } from './types.js';

export function unavailableVault(message: string): Vault {
  const unavailable = { available: false, message } as const;
  const fail = () => Promise.resolve({ ok: false as const, unavailable: { ...unavailable } });
  return {
    status: () => Promise.resolve({ ...unavailable }),
    save: fail,
    load: fail,
    remembered: fail,
    forget: fail,
  };
}
