// The service's side effects for the browser variant: files go to a folder, the clipboard and opened
// links are kept in memory (a browser page cannot be given the desktop's), the keychain is real or off.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRecheckStore } from '../check/recheck-store.js';
import { createHistoryStore } from '../history/index.js';
import { createLogger, nullLogger, type AppLogger } from '../logging/index.js';
import type { ServiceHost } from '../service/doctor-service.js';
import { createSettingsStore } from '../settings/index.js';
import { createKeytarVault, unavailableVault } from '../vault/index.js';

export interface BridgeHostOptions {
  /** Where settings.json lives. */
  dataDir: string;
  /** Where exported reports are written. */
  exportDir: string;
  /** Use the real OS keychain (true) or run as if none were reachable. */
  keychain: boolean;
  keychainService?: string | undefined;
  timeoutMs?: number;
  now?: (() => Date) | undefined;
  /** Write the support log (as the app does) into <dataDir>/logs. */
  log?: boolean;
}

export interface BridgeHost extends ServiceHost {
  clipboard: string[];
  openedLinks: string[];
  logger: AppLogger;
}

export function bridgeHost(options: BridgeHostOptions): BridgeHost {
  const clipboard: string[] = [];
  const openedLinks: string[] = [];
  return {
    clipboard,
    openedLinks,
    logger: options.log ? createLogger({ directory: join(options.dataDir, 'logs') }) : nullLogger,
    vault: options.keychain
      ? createKeytarVault(options.keychainService ? { service: options.keychainService } : {})
      : unavailableVault('The keychain is switched off for this browser session, so nothing is remembered.'),
    settings: createSettingsStore(join(options.dataDir, 'settings.json')),
    recheckStore: createRecheckStore(join(options.dataDir, 'recheck.json')),
    history: createHistoryStore(join(options.dataDir, 'history.json')),
    saveFile: async ({ suggestedName, content }) => {
      await mkdir(options.exportDir, { recursive: true });
      // No dialog asks before overwriting here, so never overwrite: the first free name wins.
      for (let copy = 1; ; copy += 1) {
        const name = copy === 1 ? suggestedName : suggestedName.replace(/(\.\w+)$/, `-${copy}$1`);
        const fileName = join(options.exportDir, name);
        try {
          await writeFile(fileName, content, { encoding: 'utf8', flag: 'wx' });
          return { saved: true, fileName };
        } catch (error) {
          if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
        }
      }
    },
    writeClipboard: async (text) => {
      clipboard.push(text);
    },
    openExternal: async (url) => {
      openedLinks.push(url);
    },
    timeoutMs: options.timeoutMs,
    now: options.now,
  };
}
