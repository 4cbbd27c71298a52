// The service's side effects, done the Electron way: save dialog, clipboard, system browser, Chromium's
// network stack for the TLS hint and the system proxy, the OS keychain, settings in the app's folder.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, clipboard, dialog, net, session, shell, type BrowserWindow } from 'electron';
import type { ExportFormat, ExportResult } from '../../common/ipc/contract.js';
import type { AppLogger } from '../logging/index.js';
import { createRecheckStore } from '../check/recheck-store.js';
import { createHistoryStore } from '../history/index.js';
import type { ServiceHost } from '../service/doctor-service.js';
import { createSettingsStore } from '../settings/index.js';
import type { ProbeResult } from '../tls-hint/tls-hint.js';
import { createKeytarVault } from '../vault/index.js';

const PROBE_TIMEOUT_MS = 10_000;

const FILE_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  html: { name: 'Web page', extensions: ['html'] },
  json: { name: 'JSON', extensions: ['json'] },
  csv: { name: 'CSV (spreadsheet)', extensions: ['csv'] },
  md: { name: 'Markdown', extensions: ['md'] },
};

export function electronHost(window: BrowserWindow, logger?: AppLogger): ServiceHost {
  return {
    ...(logger ? { logger } : {}),
    vault: createKeytarVault(),
    settings: createSettingsStore(join(app.getPath('userData'), 'settings.json')),
    saveFile: async ({ suggestedName, content, format }): Promise<ExportResult> => {
      const choice = await dialog.showSaveDialog(window, {
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [FILE_FILTERS[format]],
      });
      if (choice.canceled || !choice.filePath) return { saved: false };
      await writeFile(choice.filePath, content, 'utf8');
      return { saved: true, fileName: choice.filePath };
    },
    writeClipboard: async (text) => clipboard.writeText(text),
    openExternal: (url) => shell.openExternal(url),
    probeWithSystemStack: probeThroughChromium,
    // A corporate root that IT installed on this computer is trusted here as the browser trusts it.
    network: { trustSystemStore: true },
    recheckStore: createRecheckStore(join(app.getPath('userData'), 'recheck.json')),
    history: createHistoryStore(join(app.getPath('userData'), 'history.json')),
    resolveSystemProxy: (url) => session.defaultSession.resolveProxy(url),
    electronVersion: process.versions.electron ?? null,
  };
}

/** One credential-free GET through Chromium's stack (system trust store and proxy). Any HTTP answer counts. */
async function probeThroughChromium(url: string): Promise<ProbeResult> {
  try {
    const response = await net.fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return { answered: true, status: response.status };
  } catch (error) {
    return { answered: false, errorText: error instanceof Error ? error.message : String(error) };
  }
}
