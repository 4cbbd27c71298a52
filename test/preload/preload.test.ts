// The bundled preload, run the way a sandboxed renderer runs it (CommonJS, with only `electron` to
// require), with electron's contextBridge and ipcRenderer replaced at that boundary.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  DOCTOR_METHODS,
  PROGRESS_CHANNEL,
  type CheckProgress,
  type DoctorApi,
  type DoctorMethod,
} from '../../common/ipc/contract.js';
import { PAYLOAD_SCHEMAS } from '../../main/service/payload-schemas.js';

const PRELOAD = fileURLToPath(new URL('../../out/preload/preload.cjs', import.meta.url));

function loadPreload(): {
  exposed: Map<string, unknown>;
  invoked: [string, unknown][];
  emit: (payload: CheckProgress) => void;
  listeners: () => number;
} {
  const exposed = new Map<string, unknown>();
  const invoked: [string, unknown][] = [];
  const listeners = new Set<(event: unknown, payload: CheckProgress) => void>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, payload: unknown) => {
        invoked.push([channel, payload]);
        return { ok: true, data: null };
      },
      on: (channel: string, listener: (event: unknown, payload: CheckProgress) => void) => {
        if (channel === PROGRESS_CHANNEL) listeners.add(listener);
      },
      removeListener: (_channel: string, listener: (event: unknown, payload: CheckProgress) => void) => listeners.delete(listener),
    },
  };
  const required: string[] = [];
  const require = (name: string): unknown => {
    required.push(name);
    if (name !== 'electron') throw new Error(`the preload may only require electron, not ${name}`);
    return electron;
  };
  runInNewContext(readFileSync(PRELOAD, 'utf8'), { require, module: { exports: {} }, exports: {} });
  expect(required).toEqual(['electron']);
  return {
    exposed,
    invoked,
    emit: (payload) => {
      for (const listener of listeners) listener({ sender: 'ipc-event-with-internals' }, payload);
    },
    listeners: () => listeners.size,
  };
}

describe('the preload', () => {
  it('exposes only window.doctor, with exactly the contract methods', () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual(['doctor']);
    const api = exposed.get('doctor') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...DOCTOR_METHODS, 'onCheckProgress'].sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it.each(DOCTOR_METHODS)('sends %s on its own channel with the payload as given (null when it takes none)', async (method) => {
    const { exposed, invoked } = loadPreload();
    const api = exposed.get('doctor') as Record<DoctorMethod, (payload?: unknown) => Promise<unknown>>;
    const payload = { marker: `payload of ${method}` };
    // A method whose schema takes no payload is called without one; the others get a marker to pass on.
    const takesNone = PAYLOAD_SCHEMAS[method].safeParse(null).success;
    await expect(api[method](takesNone ? undefined : payload)).resolves.toEqual({ ok: true, data: null });
    expect(invoked).toEqual([[CHANNELS[method], takesNone ? null : payload]]);
  });

  it('uses a different channel for every method', () => {
    expect(new Set(DOCTOR_METHODS.map((method) => CHANNELS[method])).size).toBe(DOCTOR_METHODS.length);
  });

  it('passes progress to the page without the IPC event, and unsubscribes', () => {
    const { exposed, emit, listeners } = loadPreload();
    const api = exposed.get('doctor') as DoctorApi;
    const received: unknown[][] = [];
    const stop = api.onCheckProgress((...args: unknown[]) => received.push(args));
    emit({ type: 'step-started', step: 'login', at: '2026-11-22T10:00:00Z' });
    expect(received).toEqual([[{ type: 'step-started', step: 'login', at: '2026-11-22T10:00:00Z' }]]);
    stop();
    expect(listeners()).toBe(0);
  });
});
