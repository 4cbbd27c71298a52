// DNS failures without DNS: no query leaves this machine. In-process (the service) the client's `lookup`
// seam gets a resolver that fails; the CLI, a separate process, is started with `--import` of a tiny
// module that replaces dns.lookup before the CLI loads (Node's net module reads dns.lookup at call time).
// Both answer every name with the chosen error, so a fault that reaches DNS by mistake fails here too.
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type DnsFailure = 'ENOTFOUND' | 'EAI_AGAIN';

/** The error Node's getaddrinfo gives, marked so a test can tell it came from here. */
function lookupError(code: DnsFailure, hostname: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`getaddrinfo ${code} ${hostname} (fault suite: no real DNS)`);
  error.code = code;
  error.errno = code === 'ENOTFOUND' ? -3008 : -3001;
  error.syscall = 'getaddrinfo';
  return Object.assign(error, { hostname });
}

export function failingLookup(code: DnsFailure): LookupFunction {
  return (hostname, _options, callback) => {
    process.nextTick(() => callback(lookupError(code, hostname), '', 4));
  };
}

/** The environment variable the preload reads: which failure to answer with. */
export const DNS_FAILURE_VARIABLE = 'FAULT_SUITE_DNS_FAILURE';

const PRELOAD = `// Written by test/faults/fault-dns.ts: every DNS lookup in this process fails, nothing is sent.
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
const code = process.env.${DNS_FAILURE_VARIABLE} === 'EAI_AGAIN' ? 'EAI_AGAIN' : 'ENOTFOUND';
const fail = (hostname) => Object.assign(new Error('getaddrinfo ' + code + ' ' + hostname + ' (fault suite: no real DNS)'), {
  code, errno: code === 'ENOTFOUND' ? -3008 : -3001, syscall: 'getaddrinfo', hostname,
});
dns.lookup = (hostname, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  process.nextTick(() => done(fail(hostname)));
};
dns.promises.lookup = async (hostname) => { throw fail(hostname); };
syncBuiltinESMExports();
`;

let preloadUrl: string | null = null;

/** A file: URL for `node --import`, written once per test run. */
export function dnsPreload(): string {
  if (preloadUrl) return preloadUrl;
  const file = join(mkdtempSync(join(tmpdir(), 'doctor-fault-dns-')), 'no-real-dns.mjs');
  writeFileSync(file, PRELOAD);
  preloadUrl = pathToFileURL(file).href;
  return preloadUrl;
}
