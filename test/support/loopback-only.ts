// vitest setup file (Node-side and end-to-end tests): no test may reach a non-loopback address. Every
// TCP connection of this process (net, tls, http, https, got, fetch) goes through Socket#connect, so
// it is checked there: an IP must be loopback; a host name other than localhost must come with an
// injected lookup (the tests' DNS seam), whose answers must be loopback too. The system resolver is
// never asked about a real name, since that query would itself leave the machine. A refused attempt
// fails the socket with a plain error and fails the test in afterEach, even if the code under test
// swallowed the error.
import dns from 'node:dns';
import net from 'node:net';
import { afterEach } from 'vitest';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;
type Lookup = (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => void;

const refused: string[] = [];

/** The refused attempts so far, emptied (the guard's own test reads them; afterEach fails on any left). */
export function takeRefusedConnections(): string[] {
  return refused.splice(0, refused.length);
}

export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) return bare === '::1' || /^::ffff:127\./i.test(bare);
  return false;
}

function refusal(target: string): Error {
  refused.push(target);
  const error: NodeJS.ErrnoException = new Error(`Test network guard: refused a connection to ${target}, which is not a loopback address.`);
  error.code = 'ETESTNONLOOPBACK';
  return error;
}

function guardedLookup(lookup: Lookup): Lookup {
  return (hostname, options, callback) =>
    lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
      const outside = addresses.find((entry) => !isLoopbackAddress(entry));
      if (outside !== undefined) return callback(refusal(`${hostname} (${outside})`), address, family);
      callback(null, address, family);
    });
}

interface ConnectOptions {
  host?: string;
  port?: number | string;
  path?: string | null;
  lookup?: Lookup;
}

const originalConnect = net.Socket.prototype.connect;

// Socket#connect is called as (options, cb), (port, host?, cb?), (path, cb?) or, from net.connect and
// tls.connect, with the already normalised [options, cb] array.
function patchedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
  const normalised = Array.isArray(args[0]);
  const first: unknown = normalised ? (args[0] as unknown[])[0] : args[0];
  let options: ConnectOptions;
  if (typeof first === 'object' && first !== null) options = { ...(first as ConnectOptions) };
  else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    options = { port: first, ...(typeof args[1] === 'string' ? { host: args[1] } : {}) };
  } else return originalConnect.apply(this, args as never); // a local (IPC) socket path

  // Node's own test: a path (even with host and port alongside) means a local socket; http's global
  // agent passes path: null for TCP.
  if (!options.path) {
    const host = (options.host ?? 'localhost').replace(/^\[|\]$/g, '');
    let problem: Error | null = null;
    if (net.isIP(host)) {
      if (!isLoopbackAddress(host)) problem = refusal(`${host}:${options.port}`);
    } else if (host !== 'localhost' && options.lookup === undefined) {
      problem = refusal(`${host}:${options.port} (a real DNS name, with no test lookup)`);
    } else {
      options.lookup = guardedLookup(options.lookup ?? (dns.lookup as unknown as Lookup));
    }
    if (problem) {
      const failure = problem;
      process.nextTick(() => this.destroy(failure));
      return this;
    }
  }
  const listener = (normalised ? (args[0] as unknown[]) : args).find((arg) => typeof arg === 'function');
  const connect = originalConnect as (this: net.Socket, options: net.SocketConnectOpts, listener?: () => void) => net.Socket;
  return listener
    ? connect.call(this, options as net.SocketConnectOpts, listener as () => void)
    : connect.call(this, options as net.SocketConnectOpts);
}

net.Socket.prototype.connect = patchedConnect as typeof net.Socket.prototype.connect;

afterEach(() => {
  const attempts = takeRefusedConnections();
  if (attempts.length > 0) throw new Error(`This test tried to reach the network outside loopback: ${attempts.join(', ')}`);
});
