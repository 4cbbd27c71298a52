// The vault against a real Secret Service (gnome-keyring over D-Bus). Runs when this process has a D-Bus
// session whose keyring accepts a write (`npm test` provides one: dbus-run-session + an unlocked
// gnome-keyring); otherwise the suite is skipped and its title says why. Entries go under a service name
// of their own, so a developer's real keychain entries are never touched, and are removed afterwards.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeytarVault, type VaultEntryKey } from '../../main/vault/index.js';
import { loadKeytarModule } from '../../main/vault/keytar-vault.js';

const SERVICE = `Arena Connect Doctor test ${process.pid}-${randomUUID()}`;
const vault = createKeytarVault({ service: SERVICE, timeoutMs: 10_000 });

const key: VaultEntryKey = {
  apiUrl: 'https://api.arenasolutions.com/v1',
  workspaceId: 898_123_456,
  integrationEmail: 'integration@example.com',
  userEmail: 'dana@example.com',
};
const otherWorkspace: VaultEntryKey = { ...key, workspaceId: 898_123_457 };

/** Why the real keychain cannot be tested here, or null when it can. */
async function skipReason(): Promise<string | null> {
  if (process.platform !== 'linux') return 'real keychain tests use a Linux Secret Service';
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    return 'no D-Bus session (DBUS_SESSION_BUS_ADDRESS unset); run under dbus-run-session with an unlocked gnome-keyring, as npm test does';
  }
  // Reading alone succeeds on a keyring without an unlocked login collection, so probe with a write.
  const probe = { ...key, workspaceId: 1 };
  const saved = await vault.save(probe, 'webtoken', 'probe');
  if (!saved.ok) return `the keychain cannot be written: ${saved.unavailable.message}`;
  await vault.forget(probe);
  return null;
}

const reason = await skipReason();

// CI that sets up a keyring sets ACD_REQUIRE_KEYCHAIN=1, so a broken set-up fails instead of skipping quietly.
it.runIf(process.env.ACD_REQUIRE_KEYCHAIN === '1')('a real keychain is required here (ACD_REQUIRE_KEYCHAIN=1)', () => {
  expect(reason).toBeNull();
});

describe.skipIf(reason !== null)(`vault on a real Secret Service${reason === null ? '' : ` (skipped: ${reason})`}`, () => {
  afterAll(async () => {
    // Leave nothing behind, and prove it.
    const keytar = await loadKeytarModule();
    for (const credential of await keytar.findCredentials(SERVICE)) await keytar.deletePassword(SERVICE, credential.account);
    expect(await keytar.findCredentials(SERVICE)).toEqual([]);
  });

  it('reports the keychain as available', async () => {
    expect(await vault.status()).toEqual({ available: true, message: null });
  });

  it('saves, loads, reports remembered and forgets a WebToken and a user password', async () => {
    const token = 'WT-ünïcode-🔑-0123456789abcdef';
    expect(await vault.save(key, 'webtoken', token)).toEqual({ ok: true, value: null });
    expect(await vault.save(key, 'user-password', 'Dana#Arena-2023')).toEqual({ ok: true, value: null });

    expect(await vault.load(key, 'webtoken')).toEqual({ ok: true, value: token });
    expect(await vault.load(key, 'password')).toEqual({ ok: true, value: null });
    expect(await vault.load(key, 'user-password')).toEqual({ ok: true, value: 'Dana#Arena-2023' });
    expect(await vault.remembered(key, 'webtoken')).toEqual({ ok: true, value: { integration: true, user: true } });
    expect(await vault.remembered(key, 'password')).toEqual({ ok: true, value: { integration: false, user: true } });

    // Saving again replaces, rather than adding a second entry.
    await vault.save(key, 'webtoken', 'WT-replaced');
    expect(await vault.load(key, 'webtoken')).toEqual({ ok: true, value: 'WT-replaced' });

    expect(await vault.forget(key)).toEqual({ ok: true, value: null });
    expect(await vault.load(key, 'webtoken')).toEqual({ ok: true, value: null });
    expect(await vault.remembered(key, 'webtoken')).toEqual({ ok: true, value: { integration: false, user: false } });
  });

  it('keeps the entries of two workspaces apart', async () => {
    await vault.save(key, 'password', 'first-workspace-password');
    await vault.save(otherWorkspace, 'password', 'second-workspace-password');
    expect(await vault.load(key, 'password')).toEqual({ ok: true, value: 'first-workspace-password' });
    expect(await vault.load(otherWorkspace, 'password')).toEqual({ ok: true, value: 'second-workspace-password' });

    await vault.forget(key);
    expect(await vault.load(key, 'password')).toEqual({ ok: true, value: null });
    expect(await vault.load(otherWorkspace, 'password')).toEqual({ ok: true, value: 'second-workspace-password' });
    await vault.forget(otherWorkspace);
  });

  it('forget removes the user password, also one saved under an earlier user email', async () => {
    const earlier = { ...key, userEmail: 'previous.user@example.com' };
    await vault.save(earlier, 'user-password', 'old-user-password');
    await vault.save(key, 'user-password', 'new-user-password');
    await vault.save(key, 'webtoken', 'WT-x');

    expect(await vault.forget(key)).toEqual({ ok: true, value: null });
    expect(await vault.load(key, 'user-password')).toEqual({ ok: true, value: null });
    expect(await vault.load(earlier, 'user-password')).toEqual({ ok: true, value: null });
    expect(await vault.load(key, 'webtoken')).toEqual({ ok: true, value: null });
    const keytar = await loadKeytarModule();
    expect(await keytar.findCredentials(SERVICE)).toEqual([]);
  });

  it('finds an entry again when the email or address is typed differently', async () => {
    await vault.save(key, 'webtoken', 'WT-same');
    const retyped = { ...key, integrationEmail: 'Integration@Example.COM ', apiUrl: 'https://api.arenasolutions.com/v1/' };
    expect(await vault.load(retyped, 'webtoken')).toEqual({ ok: true, value: 'WT-same' });
    await vault.forget(retyped);
    expect(await vault.load(key, 'webtoken')).toEqual({ ok: true, value: null });
  });
});
