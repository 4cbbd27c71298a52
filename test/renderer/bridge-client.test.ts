import { describe, expect, it } from 'vitest';
import type { CheckProgress } from '../../common/ipc/contract';
import { createBridgeClient, readBridgeToken, type EventSourceLike } from '../../renderer/src/lib/bridge-client';
import { step, startupInfo } from './support/fixtures';

interface Sent {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(answer: () => Response | Promise<Response>): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    sent.push({ url: String(input), init });
    return answer();
  };
  return { fetch: fetchStub, sent };
}

class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  close(): void {
    this.closed = true;
  }
  send(data: string): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
}

describe('development bridge client', () => {
  it('reads the token from the meta element the bridge injects', () => {
    document.head.innerHTML = '<meta name="doctor-bridge-token" content="abc123">';
    expect(readBridgeToken(document)).toBe('abc123');
    document.head.innerHTML = '';
    expect(readBridgeToken(document)).toBeNull();
  });

  it('posts {payload} with the token header and returns the Result as sent', async () => {
    const startup = startupInfo();
    const { fetch, sent } = fakeFetch(() => Response.json({ ok: true, data: startup }));
    const client = createBridgeClient({ token: 't0k', fetch });
    expect(await client.getStartup()).toEqual({ ok: true, data: startup });
    await client.copyText('hello');
    expect(sent[0]?.url).toBe('/api/getStartup');
    expect(sent[0]?.init?.method).toBe('POST');
    expect(sent[0]?.init?.headers).toEqual({ 'content-type': 'application/json', 'x-doctor-bridge-token': 't0k' });
    expect(sent[0]?.init?.body).toBe('{"payload":null}');
    expect(sent[1]?.url).toBe('/api/copyText');
    expect(sent[1]?.init?.body).toBe('{"payload":"hello"}');
  });

  it('passes error Results through, also on non-2xx answers', async () => {
    const error = { code: 'untrusted-sender', message: 'The request did not come from the app.' };
    const { fetch } = fakeFetch(() => Response.json({ ok: false, error }, { status: 403 }));
    const client = createBridgeClient({ token: 't0k', fetch });
    expect(await client.listScenarios()).toEqual({ ok: false, error });
  });

  it('turns network failures and unreadable answers into plain-word errors', async () => {
    const down = createBridgeClient({
      token: 't0k',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const result = await down.getStartup();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'internal', message: expect.stringContaining('still running') });

    const garbled = createBridgeClient({ token: 't0k', fetch: fakeFetch(() => new Response('<html>', { status: 502 })).fetch });
    const second = await garbled.getStartup();
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.message).toContain('HTTP 502');
  });

  it('explains a rejected token (the bridge answers 401 in plain text)', async () => {
    const client = createBridgeClient({ token: 'stale', fetch: fakeFetch(() => new Response('Bad token', { status: 401 })).fetch });
    expect(await client.getStartup()).toMatchObject({
      ok: false,
      error: { code: 'not-allowed', message: expect.stringContaining('access token') },
    });
  });

  it('refuses without a token instead of calling the bridge', async () => {
    const { fetch, sent } = fakeFetch(() => Response.json({ ok: true, data: null }));
    const client = createBridgeClient({ token: null, fetch });
    const result = await client.copyText('x');
    expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(sent).toHaveLength(0);
  });

  it('delivers progress events from /events and closes the stream with the last listener', () => {
    FakeEventSource.opened = [];
    const client = createBridgeClient({
      token: 'a b',
      fetch: fakeFetch(() => Response.json({})).fetch,
      openEvents: (url) => new FakeEventSource(url),
    });
    const received: CheckProgress[] = [];
    const stop = client.onCheckProgress((progress) => received.push(progress));
    const source = FakeEventSource.opened[0];
    expect(source?.url).toBe('/events?token=a%20b');
    const finished: CheckProgress = { type: 'step-finished', result: step('login') };
    source?.send(JSON.stringify({ type: 'step-started', step: 'login', at: '2025-11-22T10:00:00Z' }));
    source?.send('not json');
    source?.send(JSON.stringify({ type: 'other' }));
    source?.send(JSON.stringify(finished));
    expect(received).toEqual([{ type: 'step-started', step: 'login', at: '2025-11-22T10:00:00Z' }, finished]);
    stop();
    expect(source?.closed).toBe(true);
  });
});
