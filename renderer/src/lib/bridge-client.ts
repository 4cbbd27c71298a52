// DoctorApi over the loopback development bridge, for running the wizard in a plain browser (only in
// the renderer's bridge build: the app's build leaves this module out, see lib/api.ts):
// POST /api/<method> with the bridge token, body {"payload": …}, answer = the Result JSON; progress
// arrives as Server-Sent Events on /events. Never throws: every failure becomes a Result error.
import { apiOverTransport } from '../../../common/ipc/api-over-transport';
import { BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } from '../../../common/dev-bridge';
import type { CheckProgress, DoctorApi, DoctorMethod, IpcError, Result } from '../../../common/ipc/contract';

export interface EventSourceLike {
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

export interface BridgeClientOptions {
  /** The token the bridge injected into index.html; null when there is none. */
  token: string | null;
  /** Prefix of the bridge's paths; same origin by default. */
  baseUrl?: string;
  fetch?: typeof fetch;
  openEvents?: (url: string) => EventSourceLike;
}

export function readBridgeToken(doc: Document): string | null {
  const meta = doc.querySelector(`meta[name="${BRIDGE_TOKEN_META}"]`);
  const token = meta?.getAttribute('content')?.trim() ?? '';
  return token === '' ? null : token;
}

function failure(code: IpcError['code'], message: string): Result<unknown> {
  return { ok: false, error: { code, message } };
}

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['code'] === 'string' && typeof candidate['message'] === 'string';
}

function isResultShape(value: unknown): value is { ok: true; data: unknown } | { ok: false; error: IpcError } {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (candidate['ok'] === true) return 'data' in candidate;
  if (candidate['ok'] === false) return isIpcError(candidate['error']);
  return false;
}

function isProgress(value: unknown): value is CheckProgress {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as Record<string, unknown>)['type'];
  return type === 'step-started' || type === 'step-finished';
}

const NO_TOKEN_MESSAGE =
  'This page is not connected to Arena Connect Doctor: open it from the app (or from the address the development bridge printed), not directly.';

export function createBridgeClient(options: BridgeClientOptions): DoctorApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const openEvents = options.openEvents ?? ((url: string): EventSourceLike => new EventSource(url));
  const token = options.token;

  async function invoke(method: DoctorMethod, payload: unknown): Promise<Result<unknown>> {
    if (token === null) return failure('not-allowed', NO_TOKEN_MESSAGE);
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: token },
        body: JSON.stringify({ payload: payload ?? null }),
      });
    } catch {
      return failure(
        'internal',
        'The wizard could not reach the app behind it. Check that Arena Connect Doctor is still running, then try again.',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      body = undefined;
    }
    if (!isResultShape(body)) {
      if (response.status === 401) {
        return failure(
          'not-allowed',
          "The app did not accept this page's access token. Open the page again from the address the app printed.",
        );
      }
      return failure(
        'internal',
        `The app behind the wizard gave an unexpected answer (HTTP ${response.status}). Try again; if it keeps happening, restart the app.`,
      );
    }
    return body;
  }

  const listeners = new Set<(progress: CheckProgress) => void>();
  let events: EventSourceLike | null = null;

  function openStream(): void {
    if (events || token === null) return;
    try {
      events = openEvents(`${base}/events?token=${encodeURIComponent(token)}`);
    } catch {
      events = null;
      return;
    }
    events.onmessage = (event: MessageEvent) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (!isProgress(parsed)) return;
      for (const listener of [...listeners]) listener(parsed);
    };
  }

  function closeStream(): void {
    events?.close();
    events = null;
  }

  return apiOverTransport({
    invoke,
    subscribe(listener) {
      listeners.add(listener);
      openStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) closeStream();
      };
    },
  });
}
