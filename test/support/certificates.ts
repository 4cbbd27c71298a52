// Certificates made at test time with openssl: a self-signed one, and a small CA with a leaf it signed,
// so tests can prove the client refuses what it must and accepts what it is told to trust.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  selfSigned: { key: string; cert: string };
  ca: { cert: string };
  /** Signed by ca, for 127.0.0.1 / localhost. */
  leaf: { key: string; cert: string };
  /** Signed by ca, but for another host name. */
  wrongHost: { key: string; cert: string };
}

let cached: TestCertificates | null = null;

export function testCertificates(): TestCertificates {
  if (cached) return cached;
  const folder = mkdtempSync(join(tmpdir(), 'doctor-certs-'));
  const path = (name: string): string => join(folder, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'ignore' });
  };
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-days',
    '2',
    '-keyout',
    path('self.key'),
    '-out',
    path('self.crt'),
  );
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=Doctor Test CA',
    '-days',
    '2',
    '-keyout',
    path('ca.key'),
    '-out',
    path('ca.crt'),
  );
  const leaf = (name: string, san: string): { key: string; cert: string } => {
    writeFileSync(path(`${name}.ext`), `subjectAltName=${san}\n`);
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', path(`${name}.key`), '-out', path(`${name}.csr`));
    openssl(
      'x509',
      '-req',
      '-in',
      path(`${name}.csr`),
      '-CA',
      path('ca.crt'),
      '-CAkey',
      path('ca.key'),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      path(`${name}.ext`),
      '-out',
      path(`${name}.crt`),
    );
    return { key: readFileSync(path(`${name}.key`), 'utf8'), cert: readFileSync(path(`${name}.crt`), 'utf8') };
  };
  cached = {
    selfSigned: { key: readFileSync(path('self.key'), 'utf8'), cert: readFileSync(path('self.crt'), 'utf8') },
    ca: { cert: readFileSync(path('ca.crt'), 'utf8') },
    leaf: leaf('leaf', 'IP:127.0.0.1,DNS:localhost'),
    wrongHost: leaf('other', 'DNS:api.example.invalid'),
  };
  return cached;
}
