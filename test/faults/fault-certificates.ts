// Certificates for the fault suite, made with openssl at test time (OpenSSL 3.0, as on Debian 12): a root,
// an intermediate it signed, and leaves the intermediate signed: good, for another host, expired, not yet
// valid. `openssl ca -startdate/-enddate` sets past and future dates (x509 -not_before needs OpenSSL 3.4).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyAndChain {
  key: string;
  /** The leaf alone. */
  cert: string;
}

export interface FaultCertificates {
  /** Where the PEM files live (NODE_EXTRA_CA_CERTS for the CLI process points at rootFile). */
  folder: string;
  root: string;
  rootFile: string;
  intermediate: string;
  /** For 127.0.0.1, signed by the intermediate. */
  leaf: KeyAndChain;
  /** Signed by the intermediate for api.example.invalid only. */
  wrongHost: KeyAndChain;
  /** Signed by the intermediate, valid from 2020-01-01 to 2020-02-01. */
  expired: KeyAndChain;
  /** Signed by the intermediate, valid from 2099-01-01. */
  notYetValid: KeyAndChain;
  /** Signed by itself. */
  selfSigned: KeyAndChain;
  /**
   * A TLS-inspection chain named as Zscaler's are: a leaf for 127.0.0.1, its intermediate
   * ("Zscaler Intermediate Root CA", O=Zscaler Inc.) and the root, none of them trusted here.
   */
  inspected: KeyAndChain & { intermediate: string; root: string };
}

let cached: FaultCertificates | null = null;

const KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export function faultCertificates(): FaultCertificates {
  if (cached) return cached;
  const folder = mkdtempSync(join(tmpdir(), 'doctor-fault-certs-'));
  const path = (name: string): string => join(folder, name);
  const read = (name: string): string => readFileSync(path(name), 'utf8');
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'ignore' });
  };

  // Root and intermediate: real CA certificates (basicConstraints CA:TRUE, keyCertSign).
  const caExtensions = ['-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'];
  openssl(
    'req',
    '-x509',
    ...KEY,
    '-subj',
    '/CN=Fault Suite Corporate Root',
    '-days',
    '2',
    ...caExtensions,
    '-keyout',
    path('root.key'),
    '-out',
    path('root.crt'),
  );
  writeFileSync(path('intermediate.ext'), 'basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\n');
  openssl(
    'req',
    ...KEY,
    '-subj',
    '/CN=Fault Suite Inspection Intermediate',
    '-keyout',
    path('intermediate.key'),
    '-out',
    path('intermediate.csr'),
  );
  openssl(
    'x509',
    '-req',
    '-in',
    path('intermediate.csr'),
    '-CA',
    path('root.crt'),
    '-CAkey',
    path('root.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    path('intermediate.ext'),
    '-out',
    path('intermediate.crt'),
  );

  // `openssl ca` needs a small database; it is the only 3.0 command that takes explicit start and end dates.
  mkdirSync(path('issued'));
  writeFileSync(path('index.txt'), '');
  writeFileSync(path('serial'), '1000\n');
  writeFileSync(
    path('ca.cnf'),
    [
      '[ ca ]',
      'default_ca = fault_ca',
      '[ fault_ca ]',
      `database = ${path('index.txt')}`,
      `new_certs_dir = ${path('issued')}`,
      `serial = ${path('serial')}`,
      'default_md = sha256',
      'policy = any_name',
      'unique_subject = no',
      'email_in_dn = no',
      '[ any_name ]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );

  const leaf = (name: string, san: string, dates: { start: string; end: string } | null): KeyAndChain => {
    writeFileSync(
      path(`${name}.ext`),
      `basicConstraints=CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${san}\n`,
    );
    openssl('req', ...KEY, '-subj', `/CN=${name}`, '-keyout', path(`${name}.key`), '-out', path(`${name}.csr`));
    openssl(
      'ca',
      '-batch',
      '-notext',
      '-config',
      path('ca.cnf'),
      '-cert',
      path('intermediate.crt'),
      '-keyfile',
      path('intermediate.key'),
      '-in',
      path(`${name}.csr`),
      '-out',
      path(`${name}.crt`),
      '-extfile',
      path(`${name}.ext`),
      ...(dates ? ['-startdate', dates.start, '-enddate', dates.end] : ['-days', '2']),
    );
    return { key: read(`${name}.key`), cert: read(`${name}.crt`) };
  };

  openssl(
    'req',
    '-x509',
    ...KEY,
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-days',
    '2',
    '-keyout',
    path('self.key'),
    '-out',
    path('self.crt'),
  );

  // What an inspecting proxy presents: its own root and intermediate, named after the product.
  openssl(
    'req',
    '-x509',
    ...KEY,
    '-subj',
    '/O=Zscaler Inc./CN=Zscaler Root CA',
    '-days',
    '2',
    ...caExtensions,
    '-keyout',
    path('zs-root.key'),
    '-out',
    path('zs-root.crt'),
  );
  openssl(
    'req',
    ...KEY,
    '-subj',
    '/O=Zscaler Inc./CN=Zscaler Intermediate Root CA',
    '-keyout',
    path('zs-intermediate.key'),
    '-out',
    path('zs-intermediate.csr'),
  );
  openssl(
    'x509',
    '-req',
    '-in',
    path('zs-intermediate.csr'),
    '-CA',
    path('zs-root.crt'),
    '-CAkey',
    path('zs-root.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    path('intermediate.ext'),
    '-out',
    path('zs-intermediate.crt'),
  );
  writeFileSync(
    path('zs-leaf.ext'),
    'basicConstraints=CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n',
  );
  openssl('req', ...KEY, '-subj', '/CN=127.0.0.1', '-keyout', path('zs-leaf.key'), '-out', path('zs-leaf.csr'));
  openssl(
    'x509',
    '-req',
    '-in',
    path('zs-leaf.csr'),
    '-CA',
    path('zs-intermediate.crt'),
    '-CAkey',
    path('zs-intermediate.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    path('zs-leaf.ext'),
    '-out',
    path('zs-leaf.crt'),
  );

  cached = {
    folder,
    root: read('root.crt'),
    rootFile: path('root.crt'),
    intermediate: read('intermediate.crt'),
    leaf: leaf('leaf', 'IP:127.0.0.1', null),
    wrongHost: leaf('other-host', 'DNS:api.example.invalid', null),
    expired: leaf('expired', 'IP:127.0.0.1', { start: '20200101000000Z', end: '20200201000000Z' }),
    notYetValid: leaf('not-yet-valid', 'IP:127.0.0.1', { start: '20990101000000Z', end: '20990201000000Z' }),
    selfSigned: { key: read('self.key'), cert: read('self.crt') },
    inspected: {
      key: read('zs-leaf.key'),
      cert: read('zs-leaf.crt'),
      intermediate: read('zs-intermediate.crt'),
      root: read('zs-root.crt'),
    },
  };
  return cached;
}
