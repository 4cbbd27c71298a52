// What the service needs from its host (Electron, or the development bridge): every side effect.
import type { ExportFormat, ExportResult } from '../../common/ipc/contract.js';
import type { ArenaNetwork } from '../arena/client.js';
import type { RecheckStore } from '../check/recheck-store.js';
import type { HistoryStore } from '../history/index.js';
import type { AppLogger } from '../logging/index.js';
import type { SystemProxyResolver } from '../network/proxy.js';
import type { SettingsStore } from '../settings/index.js';
import type { ProbeResult } from '../tls-hint/tls-hint.js';
import type { Vault } from '../vault/index.js';

export interface ServiceHost {
  vault: Vault;
  settings: SettingsStore;
  /** Asks where to save (a dialog in Electron) and writes the file. */
  saveFile(request: { suggestedName: string; content: string; format: ExportFormat }): Promise<ExportResult>;
  writeClipboard(text: string): Promise<void>;
  openExternal(url: string): Promise<void>;
  /** One plain request through the system's network stack, for the TLS-inspection hint. */
  probeWithSystemStack?: (url: string) => Promise<ProbeResult>;
  resolveSystemProxy?: SystemProxyResolver;
  now?: (() => Date) | undefined;
  electronVersion?: string | null;
  timeoutMs?: number | undefined;
  /** The connect limit (DNS, TCP, TLS each); absent: the client's default. */
  connectTimeoutMs?: number | undefined;
  /** Trust (extra CAs, the system store) and name resolution for every check; handed to the Arena client as is. */
  network?: ArenaNetwork;
  /** The recent checks, kept between runs of the app; absent: none are kept. */
  history?: HistoryStore | undefined;
  /** Where the re-check guard keeps its state between runs of the app; absent: in memory only. */
  recheckStore?: RecheckStore;
  /** The support log; it is told the secrets of each request, and removes them from everything logged. */
  logger?: AppLogger;
}
