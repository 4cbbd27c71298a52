// The vault's own logic over an in-memory keytar: account names, forgetting, load failures, timeouts,
// and that no secret reaches a message. The real keychain runs in keychain.test.ts.
import { describe, expect, it } from 'vitest';
import { accountFor, belongsTo } from '../../main/vault/account.js';
import { createKeytarVault, unavailableVault, type KeytarLike, type VaultEntryKey } from '../../main/vault/index.js';
import { loadKeytarModule } from '../../main/vault/keytar-vault.js';
import { memoryKeytar } from './memory-keytar.js';

const SENTINEL = 'WT-sentinel-7f3a9c1e55';
const key: VaultEntryKey = {
  apiUrl: 'https://api.arenasolutions.com/v1',
  workspaceId: 898_123_456,
  integrationEmail: 'integration@example.com',
  userEmail: 'dana@example.com',
};

function vaultOver(keytar: KeytarLike, timeoutMs = 5_000) {
  return createKeytarVault({ service: 'test', loadKeytar: async () => keytar, timeoutMs, platform: 'linux' });
}

describe('account names', () => {
  it('are JSON tuples that keep every part apart', () => {
    expect(accountFor(key, 'webtoken')).toBe('["https://api.arenasolutions.com/v1",898123456,"integration@example.com","webtoken"]');
    expect(accountFor(key, 'user-password')).toBe(
      '["https://api.arenasolutions.com/v1",898123456,"integration@example.com","user-password","dana@example.com"]',
    );
    expect(accountFor({ ...key, userEmail: null }, 'user-password')).toBeNull();
  });

  it('treat the same integration typed differently as the same entry', () => {
    const sloppy = { ...key, apiUrl: ' https://API.arenasolutions.com/v1/ ', integrationEmail: ' Integration@Example.com' };
    expect(accountFor(sloppy, 'password')).toBe(accountFor(key, 'password'));
  });

  it('do not collide across workspaces, data centres, kinds or users', () => {
    const names = new Set([
      accountFor(key, 'webtoken'),
      accountFor({ ...key, workspaceId: 898_123_457 }, 'webtoken'),
      accountFor({ ...key, apiUrl: 'https://api.europe.arenaplm.com/v1' }, 'webtoken'),
      accountFor(key, 'password'),
      accountFor(key, 'user-password'),
      accountFor({ ...key, userEmail: 'other@example.com' }, 'user-password'),
    ]);
    expect(names.size).toBe(6);
  });

  it('belong to their own integration only', () => {
    expect(belongsTo(accountFor(key, 'user-password') ?? '', { ...key, userEmail: null })).toBe(true);
    expect(belongsTo(accountFor({ ...key, workspaceId: 1 }, 'webtoken') ?? '', key)).toBe(false);
    expect(belongsTo('not json', key)).toBe(false);
  });

  it('refuse keys that are programming errors', () => {
    expect(() => accountFor({ ...key, workspaceId: Number.NaN }, 'webtoken')).toThrow(TypeError);
    expect(() => accountFor({ ...key, integrationEmail: ' ' }, 'webtoken')).toThrow(TypeError);
  });
});

describe('vault logic', () => {
  it('saving an empty secret removes the entry', async () => {
    const keytar = memoryKeytar();
    const vault = vaultOver(keytar);
    await vault.save(key, 'webtoken', SENTINEL);
    expect(await vault.save(key, 'webtoken', '')).toEqual({ ok: true, value: null });
    expect(keytar.entries.size).toBe(0);
  });

  it('forget removes user passwords saved under an earlier user email too, and nothing of other integrations', async () => {
    const keytar = memoryKeytar();
    const vault = vaultOver(keytar);
    const other = { ...key, workspaceId: 42 };
    await vault.save(key, 'webtoken', 'a');
    await vault.save(key, 'password', 'b');
    await vault.save({ ...key, userEmail: 'old@example.com' }, 'user-password', 'c');
    await vault.save(key, 'user-password', 'd');
    await vault.save(other, 'webtoken', 'e');
    expect(await vault.forget({ ...key, userEmail: null })).toEqual({ ok: true, value: null });
    expect([...keytar.entries.values()]).toEqual(['e']);
  });

  it('a user password without a user email is nothing remembered when loading, a programming error when saving', async () => {
    const vault = vaultOver(memoryKeytar());
    expect(await vault.load({ ...key, userEmail: null }, 'user-password')).toEqual({ ok: true, value: null });
    expect(() => vault.save({ ...key, userEmail: null }, 'user-password', 'x')).toThrow(/needs the user email/);
  });

  it('a keytar module that is not installed (a real import of a missing package) says so in plain words, once', async () => {
    let attempts = 0;
    const vault = createKeytarVault({
      loadKeytar: () => {
        attempts += 1;
        return loadKeytarModule('keytar-that-is-not-installed');
      },
      platform: 'linux',
    });
    const status = await vault.status();
    expect(status.available).toBe(false);
    expect(status.message).toMatch(/^The keychain module is not installed, so the WebToken and passwords cannot be remembered\./);
    expect(status.message).toMatch(/Everything else works/);
    // No machine path from Node's own message reaches the window.
    expect(status.message).not.toMatch(/imported from|\//);
    expect(await vault.save(key, 'webtoken', SENTINEL)).toMatchObject({ ok: false, unavailable: { available: false } });
    expect(attempts).toBe(1);
  });

  it('a keychain that never answers times out in plain words instead of hanging', async () => {
    const hanging: KeytarLike = { ...memoryKeytar(), getPassword: () => new Promise<never>(() => undefined) };
    const status = await vaultOver(hanging, 50).status();
    expect(status).toEqual({
      available: false,
      message: expect.stringMatching(/^The system keychain did not answer within 1 second; an unlock prompt may be waiting/),
    });
  });

  it('a failure message never carries the secret, even if the OS echoed it', async () => {
    const echoing: KeytarLike = {
      ...memoryKeytar(),
      setPassword: async (_service, _account, password) => {
        throw new Error(`rejected value ${password}`);
      },
    };
    const result = await vaultOver(echoing).save(key, 'webtoken', SENTINEL);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(SENTINEL);
    expect(JSON.stringify(result)).toContain('[removed]');
  });

  it('errors thrown synchronously by keytar (e.g. its argument checks) are results, not throws', async () => {
    const strict: KeytarLike = {
      ...memoryKeytar(),
      getPassword: () => {
        throw new Error('Account is required.');
      },
    };
    expect(await vaultOver(strict).load(key, 'webtoken')).toMatchObject({
      ok: false,
      unavailable: { message: expect.stringContaining('Account is required') },
    });
  });
});

describe('unavailableVault', () => {
  it('answers every call with the same plain message', async () => {
    const vault = unavailableVault('Remembering is switched off.');
    const unavailable = { available: false, message: 'Remembering is switched off.' };
    expect(await vault.status()).toEqual(unavailable);
    expect(await vault.save(key, 'webtoken', SENTINEL)).toEqual({ ok: false, unavailable });
    expect(await vault.load(key, 'webtoken')).toEqual({ ok: false, unavailable });
    expect(await vault.remembered(key, 'password')).toEqual({ ok: false, unavailable });
    expect(await vault.forget(key)).toEqual({ ok: false, unavailable });
  });
});
