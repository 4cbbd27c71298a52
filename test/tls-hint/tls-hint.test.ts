import { describe, expect, it, vi } from 'vitest';
import type { CheckReport, StepResult } from '../../common/check-report.js';
import type { TlsHint } from '../../common/ipc/contract.js';
import { certificateFamily, decideTlsHint, needsTlsProbe, tlsHintFor, type ProbeResult } from '../../main/tls-hint/tls-hint.js';
import { checkReport, stepResult, TEST_API } from '../support/report-builders.js';

// ---- full CheckReport objects (test/support/report-builders.ts)

const API = TEST_API;

function step(overrides: Partial<StepResult> = {}): StepResult {
  return stepResult({ timings: null, budget: null, serverDate: null, ...overrides });
}

function skipped(name: 'authorize' | 'logout'): StepResult {
  return step({
    step: name,
    endpoint: name === 'authorize' ? 'POST /login/authorizeuser' : 'PUT /logout',
    url: name === 'authorize' ? `${API}/login/authorizeuser` : `${API}/logout`,
    outcome: 'skipped',
    httpStatus: null,
    skippedReason: 'Login failed.',
  });
}

function report(steps: StepResult[], overrides: Partial<CheckReport> = {}): CheckReport {
  return checkReport({ steps, ...overrides });
}

function failedOn(code: string | number, url = `${API}/login`): CheckReport {
  return report([step({ outcome: 'failed', httpStatus: null, errorCode: code, url }), skipped('authorize'), skipped('logout')]);
}

const ANSWERED: ProbeResult = { answered: true, status: 404 };
const UNANSWERED: ProbeResult = { answered: false, errorText: 'net::ERR_CERT_AUTHORITY_INVALID' };

/** Never any advice to switch certificate checking off, in any wording. */
function expectNoDisablingAdvice(hint: TlsHint): void {
  const all = [hint.message, ...hint.askNetworkAdmin].join('\n');
  expect(all).not.toMatch(
    /NODE_TLS_REJECT_UNAUTHORIZED|rejectUnauthorized|disabl|turn(ing)? off|switch(ing)? off|ignore (the )?certificate|insecure/i,
  );
}

describe('certificateFamily', () => {
  it('groups the certificate codes and ignores the rest', () => {
    expect(certificateFamily('SELF_SIGNED_CERT_IN_CHAIN')).toBe('untrusted-issuer');
    expect(certificateFamily('UNABLE_TO_GET_ISSUER_CERT_LOCALLY')).toBe('untrusted-issuer');
    expect(certificateFamily('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe('untrusted-issuer');
    expect(certificateFamily('CERT_CHAIN_TOO_LONG')).toBe('untrusted-issuer');
    expect(certificateFamily('UNABLE_TO_VERIFY_LEAF_SIGNATURE')).toBe('incomplete-chain');
    expect(certificateFamily('ERR_TLS_CERT_ALTNAME_INVALID')).toBe('wrong-host');
    expect(certificateFamily('CERT_HAS_EXPIRED')).toBe('validity-dates');
    expect(certificateFamily('CERT_NOT_YET_VALID')).toBe('validity-dates');
    for (const other of ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EPROTO', 'HTML_RESPONSE', 'NO_SESSION_ID', 4081, null]) {
      expect(certificateFamily(other)).toBeNull();
    }
  });
});

describe('decideTlsHint', () => {
  const host = 'api.arenasolutions.com';
  const codes = [
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
  ];

  it.each(codes)('%s answered by the system: inspection likely, ask to exempt the host', (code) => {
    const hint = decideTlsHint(code, ANSWERED, host);
    expect(hint.inspectionLikely).toBe(true);
    expect(hint.message).toContain(code);
    expect(hint.message).toContain('HTTP 404');
    expect(hint.message).toMatch(/proxy or firewall/);
    expect(hint.askNetworkAdmin.join('\n')).toContain(`exempt ${host} from TLS inspection`);
    expect(hint.askNetworkAdmin.join('\n')).toMatch(/root certificate is deployed/);
    expect(hint.askNetworkAdmin.join('\n')).toMatch(/Which proxy/);
    expectNoDisablingAdvice(hint);
  });

  it.each(codes)('%s not answered by the system either: inspection not claimed', (code) => {
    const hint = decideTlsHint(code, UNANSWERED, host);
    expect(hint.inspectionLikely).toBe(false);
    expect(hint.message).toContain(code);
    expect(hint.message).toContain('net::ERR_CERT_AUTHORITY_INVALID');
    expect(hint.askNetworkAdmin.join('\n')).toContain(host);
    expectNoDisablingAdvice(hint);
  });

  it('untrusted issuer answered: the system trusts a root this tool lacks', () => {
    const hint = decideTlsHint('SELF_SIGNED_CERT_IN_CHAIN', ANSWERED, host);
    expect(hint.message).toMatch(/trusts a certificate that this tool does not/);
    expect(hint.message).toMatch(/company's own root certificate/);
  });

  it('untrusted issuer unanswered: the root may be missing from this computer', () => {
    const hint = decideTlsHint('UNABLE_TO_GET_ISSUER_CERT_LOCALLY', UNANSWERED, host);
    expect(hint.message).toMatch(/not trusted on this computer at all/);
  });

  it('incomplete chain: names the missing link', () => {
    expect(decideTlsHint('UNABLE_TO_VERIFY_LEAF_SIGNATURE', ANSWERED, host).message).toMatch(/incomplete chain/);
    expect(decideTlsHint('UNABLE_TO_VERIFY_LEAF_SIGNATURE', UNANSWERED, host).message).toMatch(/cannot be completed/);
  });

  it("wrong host: something answers in Arena's place, or the API URL is wrong", () => {
    expect(decideTlsHint('ERR_TLS_CERT_ALTNAME_INVALID', ANSWERED, host).message).toMatch(/answers in Arena's place/);
    expect(decideTlsHint('ERR_TLS_CERT_ALTNAME_INVALID', UNANSWERED, host).message).toMatch(/API URL/);
  });

  it.each(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])('%s: asks for the clock; first when the system failed too', (code) => {
    const unanswered = decideTlsHint(code, UNANSWERED, host);
    expect(unanswered.message).toMatch(/date, time and time zone/);
    expect(unanswered.askNetworkAdmin[0]).toMatch(/clock|date, time/);
    const answered = decideTlsHint(code, ANSWERED, host);
    expect(answered.message).toMatch(/clock is unlikely/);
    expect(answered.askNetworkAdmin.join('\n')).toMatch(/date, time and time zone/);
  });

  it('certificate families other than the clock do not send the admin to the clock', () => {
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
      for (const probe of [ANSWERED, UNANSWERED])
        expect(decideTlsHint(code, probe, host).askNetworkAdmin.join('\n')).not.toMatch(/time zone/);
    }
  });

  it('keeps the system error text to one bounded line', () => {
    const hint = decideTlsHint('SELF_SIGNED_CERT_IN_CHAIN', { answered: false, errorText: `line one\nline two ${'x'.repeat(500)}` }, host);
    expect(hint.message).not.toContain('\n');
    expect(hint.message).toContain('line one line two');
    expect(hint.message.length).toBeLessThan(900);
  });

  it('names the host generically when none is given', () => {
    expect(decideTlsHint('SELF_SIGNED_CERT_IN_CHAIN', ANSWERED).askNetworkAdmin.join('\n')).toContain('the Arena API host');
  });
});

describe('needsTlsProbe', () => {
  it("returns the failed step's API base for a certificate failure", () => {
    expect(needsTlsProbe(failedOn('SELF_SIGNED_CERT_IN_CHAIN'))).toBe(API);
    const authorize = report([
      step(),
      step({
        step: 'authorize',
        endpoint: 'POST /login/authorizeuser',
        url: `${API}/login/authorizeuser`,
        outcome: 'failed',
        errorCode: 'CERT_HAS_EXPIRED',
      }),
      skipped('logout'),
    ]);
    expect(needsTlsProbe(authorize)).toBe(API);
  });

  it('removes anything that could carry a credential', () => {
    const url = needsTlsProbe(
      failedOn('UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'https://user:secret@arena.example.com:8443/v1/login?token=abc#frag'),
    );
    expect(url).toBe('https://arena.example.com:8443/v1');
  });

  it('is null for non-certificate failures and passed reports', () => {
    expect(needsTlsProbe(failedOn('ECONNREFUSED'))).toBeNull();
    expect(needsTlsProbe(failedOn(4081))).toBeNull();
    expect(
      needsTlsProbe(
        report([
          step(),
          step({ step: 'authorize', endpoint: 'POST /login/authorizeuser' }),
          step({ step: 'logout', endpoint: 'PUT /logout' }),
        ]),
      ),
    ).toBeNull();
  });
});

describe('tlsHintFor', () => {
  it('probes once, with the bare API base, and reports inspection when the system answers', async () => {
    const probe = vi.fn(async (_url: string): Promise<ProbeResult> => ({ answered: true, status: 401 }));
    const hint = await tlsHintFor(failedOn('SELF_SIGNED_CERT_IN_CHAIN', 'https://user:pw@api.arenasolutions.com/v1/login?x=1'), probe);
    expect(probe).toHaveBeenCalledTimes(1);
    const [url] = probe.mock.calls[0] ?? [];
    expect(url).toBe(API);
    const parsed = new URL(url ?? '');
    expect(parsed.username).toBe('');
    expect(parsed.password).toBe('');
    expect(parsed.search).toBe('');
    expect(url).not.toMatch(/pw|integration@|designer@|898765432/);
    expect(hint?.inspectionLikely).toBe(true);
    expect(hint?.askNetworkAdmin.join('\n')).toContain('exempt api.arenasolutions.com from TLS inspection');
  });

  it('reports no inspection when the system fails too', async () => {
    const probe = vi.fn(async (): Promise<ProbeResult> => UNANSWERED);
    const hint = await tlsHintFor(failedOn('CERT_HAS_EXPIRED'), probe);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(hint?.inspectionLikely).toBe(false);
    expect(hint?.message).toMatch(/date, time and time zone/);
  });

  it('treats a probe that throws as no answer', async () => {
    const probe = vi.fn(async (): Promise<ProbeResult> => {
      throw new Error('net::ERR_PROXY_CONNECTION_FAILED');
    });
    const hint = await tlsHintFor(failedOn('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), probe);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(hint?.inspectionLikely).toBe(false);
    expect(hint?.message).toContain('net::ERR_PROXY_CONNECTION_FAILED');
  });

  it('probes once even when several steps failed on certificates', async () => {
    const probe = vi.fn(async (): Promise<ProbeResult> => ANSWERED);
    const twice = report([
      step({ outcome: 'failed', errorCode: 'SELF_SIGNED_CERT_IN_CHAIN' }),
      step({ step: 'logout', endpoint: 'PUT /logout', url: `${API}/logout`, outcome: 'failed', errorCode: 'SELF_SIGNED_CERT_IN_CHAIN' }),
    ]);
    await tlsHintFor(twice, probe);
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('does not probe for non-certificate failures or passed reports', async () => {
    const probe = vi.fn(async (): Promise<ProbeResult> => ANSWERED);
    expect(await tlsHintFor(failedOn('ECONNRESET'), probe)).toBeNull();
    expect(await tlsHintFor(failedOn('HTML_RESPONSE'), probe)).toBeNull();
    expect(await tlsHintFor(failedOn(4083), probe)).toBeNull();
    expect(await tlsHintFor(report([step()]), probe)).toBeNull();
    expect(probe).not.toHaveBeenCalled();
  });
});
