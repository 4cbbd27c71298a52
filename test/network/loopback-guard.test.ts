// The test network guard (test/support/loopback-only.ts, a setup file of every Node-side and end-to-end
// run) refuses anything outside loopback, however the connection is made, and lets loopback through.
import { once } from 'node:events';
import { createServer, request } from 'node:http';
import { connect as tlsConnect } from 'node:tls';
import net from 'node:net';
import got from 'got';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackAddress, takeRefusedConnections } from '../support/loopback-only.js';

const server = createServer((_request, response) => response.end('ok'));
let port = 0;
beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs a connection attempt and returns the error it ends with (or null) and what the guard refused. */
async function attempt(start: () => Promise<unknown>): Promise<{ error: string | null; refused: string[] }> {
  let error: string | null = null;
  try {
    await start();
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  return { error, refused: takeRefusedConnections() };
}

const socketEnd = (socket: net.Socket) =>
  new Promise<void>((resolve, reject) => {
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('secureConnect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });

describe('the test network guard', () => {
  it.each([
    ['net.connect to a public IP', () => socketEnd(net.connect(443, '203.0.113.7')), '203.0.113.7:443'],
    ['net.connect with options to an IPv6 address', () => socketEnd(net.connect({ host: '2001:db8::1', port: 443 })), '2001:db8::1:443'],
    [
      'tls.connect to a real name',
      () => socketEnd(tlsConnect({ host: 'api.arenasolutions.com', port: 443 })),
      'api.arenasolutions.com:443',
    ],
    [
      'http.request to a real name',
      () => new Promise((resolve, reject) => request('http://example.com/', resolve).on('error', reject).end()),
      'example.com:80',
    ],
    [
      'got (the Arena client library) to Arena',
      () => got('https://api.arenasolutions.com/v1/login', { retry: { limit: 0 } }),
      'api.arenasolutions.com:443',
    ],
    ['fetch to a public IP', () => fetch('http://198.51.100.1/'), '198.51.100.1:80'],
    [
      'an injected lookup that answers a public address',
      () =>
        socketEnd(
          net.connect({
            host: 'api.arenasolutions.com',
            port: 443,
            lookup: (_host, _options, callback) => callback(null, '203.0.113.9', 4),
          }),
        ),
      'api.arenasolutions.com (203.0.113.9)',
    ],
  ])('refuses %s', async (_label, start, target) => {
    const { error, refused } = await attempt(start);
    expect(error).not.toBeNull();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain(target);
  });

  it.each([
    ['127.0.0.1', () => socketEnd(net.connect(port, '127.0.0.1'))],
    ['localhost', () => socketEnd(net.connect({ host: 'localhost', port }))],
    [
      'a name the test resolves to loopback',
      () =>
        socketEnd(
          net.connect({
            host: 'arena.test',
            port,
            // Node asks for every address (all: true) when it may try several (autoSelectFamily).
            lookup: (_host, options, callback) =>
              options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4),
          }),
        ),
    ],
    ['got to the loopback server', () => got(`http://127.0.0.1:${port}/`, { retry: { limit: 0 } })],
  ])('lets %s through', async (_label, start) => {
    expect(await attempt(start)).toEqual({ error: null, refused: [] });
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1'].every(isLoopbackAddress)).toBe(true);
    expect(['10.0.0.1', '0.0.0.0', '::', '203.0.113.1', 'localhost', '128.0.0.1'].some(isLoopbackAddress)).toBe(false);
  });
});
