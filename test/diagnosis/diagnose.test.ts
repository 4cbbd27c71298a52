import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Endpoint } from '../../common/check-report.js';
import { ACTOR_LABELS, diagnose, type DiagnosisInput } from '../../main/diagnosis/diagnose.js';
import { diagnosisSummary } from '../../main/report/diagnosis-summary.js';
import { formatFixStep as renderFixStep } from '../../common/fix-steps.js';
import { findEntry } from '../../main/knowledge/index.js';

const NOW = new Date('2025-03-04T05:06:07.000Z');

function input(endpoint: Endpoint, errorCode: number | string | null, extra: Partial<DiagnosisInput> = {}): DiagnosisInput {
  return { endpoint, httpStatus: 400, errorCode, message: null, budget: null, serverDate: null, ...extra };
}

const TRANSPORT_CODES = [
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
];

afterEach(() => {
  vi.useRealTimers();
});

describe('diagnose', () => {
  it('reads 4001 differently on login and on authorize', () => {
    const login = diagnose(input('POST /login', 4001, { message: 'The username…' }), { now: NOW });
    const authorize = diagnose(input('POST /login/authorizeuser', 4001, { message: 'Item lifecycle phase has been changed.' }), {
      now: NOW,
    });
    expect(login.id).toBe('login.4001');
    expect(login.causes.map((cause) => cause.id)).toContain('ip-restriction');
    expect(authorize.id).toBe('unknown');
    expect(authorize.title).not.toBe(login.title);
    expect(authorize.causes.map((cause) => cause.id)).not.toContain('ip-restriction');
  });

  it('copies the entry: id, title, meaning, causes in order, recheck', () => {
    const entry = findEntry('POST /login', 4089);
    const d = diagnose(input('POST /login', 4089, { message: 'Invalid Token.' }), { now: NOW });
    expect(d).toMatchObject({ id: 'login.4089', title: entry.title, meaning: entry.meaning, recheck: 'after-change' });
    expect(d.causes.map((cause) => cause.id)).toEqual([
      'webtoken-invalid',
      'webtoken-regenerated',
      'wrong-workspace',
      'integration-use-disabled',
    ]);
    expect(d.causes[3]?.fixSteps[0]).toEqual({
      who: 'arena-admin',
      text: expect.stringMatching(/For Integration Use to Yes/),
      uiPath: 'Arena > Workspace > Settings > Employees > Employee > For Integration Use = Yes',
    });
    expect(d.arenaMessage).toBe('Invalid Token.');
    expect(d.facts).toEqual({});
  });

  it("keeps Arena's raw message for a code it does not know", () => {
    const message = 'Some brand-new Arena failure, code 71234: "quoted" <b>as is</b>';
    const d = diagnose(input('POST /login', 71234, { message }), { now: NOW });
    expect(d.id).toBe('unknown');
    expect(d.title).toBe('Arena returned an error this tool does not know');
    expect(d.arenaMessage).toBe(message);
  });

  it('keeps a null message as null', () => {
    expect(diagnose(input('POST /login', 4001), { now: NOW }).arenaMessage).toBeNull();
  });

  it.each([
    ['Unknown errors encountered. Please contact Arena Technical Support 8F3A-21C.', '8F3A-21C'],
    ['Unknown errors encountered. Please contact Arena Technical Support12345.', '12345'],
    ['Unknown errors encountered. Please contact Arena Technical Support: AB12CD', 'AB12CD'],
    ['Unknown errors encountered. Please contact Arena Technical Support (reference #X9Y8).', 'X9Y8'],
    ['Unknown errors encountered. Please contact Arena Technical Support with code 7731.', '7731'],
  ])('extracts the support code from a 4087 message: %s', (message, code) => {
    const d = diagnose(input('POST /login/authorizeuser', 4087, { httpStatus: 500, message }), { now: NOW });
    expect(d.id).toBe('api.4087');
    expect(d.facts.supportCode).toBe(code);
    expect(d.meaning).toContain(`Support code: ${code}.`);
    const quote = d.causes.flatMap((cause) => cause.fixSteps).find((step) => step.who === 'arena-support');
    expect(quote?.text).toContain(`quote support code ${code}.`);
  });

  it('says so when a 4087 message carries no support code', () => {
    const d = diagnose(input('POST /login', 4087, { message: 'Unknown errors encountered. Please contact Arena Technical Support.' }), {
      now: NOW,
    });
    expect(d.facts).not.toHaveProperty('supportCode');
    expect(d.meaning).toContain('none could be read');
    expect(JSON.stringify(d)).not.toContain('{supportCode');
  });

  it('reports when the request budget resets for 4084', () => {
    const d = diagnose(
      input('POST /login/authorizeuser', 4084, {
        httpStatus: 429,
        budget: { limit: 1000, remaining: 0, resetsAt: '2025-03-04T08:00:00Z' },
      }),
      { now: NOW },
    );
    expect(d.id).toBe('api.4084');
    expect(d.facts).toEqual({
      budgetLimit: '1000',
      budgetRemaining: '0',
      budgetResetsAt: '2025-03-04T08:00:00Z',
      budgetResetsAtUtc: '2025-03-04T08:00:00.000Z',
      budgetResetsInMinutes: '174',
    });
    expect(d.meaning).toContain('(2025-03-04T08:00:00Z)');
    expect(diagnosisSummary(d).actions).toContain('You: Wait until the budget resets (2025-03-04T08:00:00Z), then check again.');
  });

  it("falls back to Arena's daily reset when 4084 arrives without budget headers", () => {
    const d = diagnose(input('POST /login', 4084, { httpStatus: 429 }), { now: NOW });
    expect(d.facts).toEqual({});
    expect(d.meaning).toContain('at the next midnight Pacific time');
  });

  it('gives the local clock for CERT_NOT_YET_VALID, and the offset when a server date is known', () => {
    const without = diagnose(input('POST /login', 'CERT_NOT_YET_VALID', { httpStatus: null }), { now: NOW });
    expect(without.id).toBe('network.CERT_NOT_YET_VALID');
    expect(without.facts).toEqual({ localClock: '2025-03-04T05:06:07.000Z' });
    expect(without.meaning).toContain('2025-03-04T05:06:07.000Z');
    expect(without.causes[0]?.question).toBe('Is 2025-03-04T05:06:07.000Z (UTC) earlier than the real time now?');

    const withServer = diagnose(
      input('PUT /logout', 'CERT_NOT_YET_VALID', { httpStatus: null, serverDate: 'Tue, 04 Mar 2025 06:06:07 GMT' }),
      { now: NOW },
    );
    expect(withServer.facts).toMatchObject({ serverDate: 'Tue, 04 Mar 2025 06:06:07 GMT', clockOffsetSeconds: '-3600' });
  });

  it('gives the local clock for CERT_HAS_EXPIRED too', () => {
    expect(diagnose(input('POST /login', 'CERT_HAS_EXPIRED'), { now: NOW }).facts.localClock).toBe(NOW.toISOString());
  });

  it.each(TRANSPORT_CODES)('maps transport code %s to a known network entry', (code) => {
    const d = diagnose(input('POST /login', code, { httpStatus: null, message: `connect ${code}` }), { now: NOW });
    expect(d.id).toMatch(/^network\./);
    expect(d.causes.length).toBeGreaterThan(0);
    expect(d.arenaMessage).toBe(`connect ${code}`);
  });

  it('puts the causes an unexpected status points to first', () => {
    const notFound = diagnose(input('POST /login', 'UNEXPECTED_STATUS', { httpStatus: 404 }), { now: NOW });
    expect(notFound.causes[0]?.id).toBe('api-url-path');
    expect(notFound.facts).toEqual({ httpStatus: '404' });
    expect(notFound.meaning).toContain('HTTP status 404');

    const forbidden = diagnose(input('POST /login', 'UNEXPECTED_STATUS', { httpStatus: 403 }), { now: NOW });
    expect(forbidden.causes.map((cause) => cause.id)).toEqual(['proxy-refused', 'api-url-path', 'server-error']);

    const gateway = diagnose(input('POST /login', 'UNEXPECTED_STATUS', { httpStatus: 502 }), { now: NOW });
    expect(gateway.causes[0]?.id).toBe('server-error');
  });

  it('is pure: the same input gives a deep-equal result, whatever the system clock says', () => {
    const sample = input('POST /login', 'CERT_HAS_EXPIRED', { serverDate: 'Tue, 04 Mar 2025 05:00:00 GMT' });
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = diagnose(sample, { now: NOW });
    vi.setSystemTime(new Date('2001-06-01T00:00:00Z'));
    const second = diagnose(sample, { now: NOW });
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });

  it('does not share objects with the knowledge base', () => {
    const first = diagnose(input('POST /login', 4001), { now: NOW });
    const cause = first.causes[0];
    if (!cause?.fixSteps[0]) throw new Error('expected a fix step');
    cause.fixSteps[0].text = 'changed by a caller';
    cause.fixSteps.push({ who: 'you', text: 'added by a caller' });
    first.causes.pop();
    const second = diagnose(input('POST /login', 4001), { now: NOW });
    expect(second.causes).toHaveLength(5);
    expect(second.causes[0]?.fixSteps.map((step) => step.text)).not.toContain('changed by a caller');
    expect(second.causes[0]?.fixSteps.map((step) => step.text)).not.toContain('added by a caller');
  });

  it('leaves uiPath out of steps that have none, rather than setting it to undefined', () => {
    const d = diagnose(input('POST /login', 4083), { now: NOW });
    const wait = d.causes[0]?.fixSteps.find((step) => step.who === 'you');
    expect(wait).toBeDefined();
    expect(Object.keys(wait ?? {})).toEqual(['who', 'text']);
  });
});

describe('diagnosisSummary', () => {
  it('renders causes as summaries and actions with who and where', () => {
    const d = diagnose(input('POST /login', 4089), { now: NOW });
    const summary = diagnosisSummary(d);
    expect(summary.id).toBe('login.4089');
    expect(summary.title).toBe(d.title);
    expect(summary.causes).toEqual(d.causes.map((cause) => cause.summary));
    expect(summary.actions).toContain(
      "Arena administrator: Open the integration user's employee record and set For Integration Use to Yes, then save. (Arena > Workspace > Settings > Employees > Employee > For Integration Use = Yes)",
    );
    expect(summary.actions.every((action) => Object.values(ACTOR_LABELS).some((label) => action.startsWith(`${label}: `)))).toBe(true);
  });

  it('lists a step shared by several causes once', () => {
    const d = diagnose(input('POST /login/authorizeuser', 4083), { now: NOW });
    const wait = 'You: Wait five minutes without any attempt, then check once.';
    const inCauses = d.causes.flatMap((cause) => cause.fixSteps).filter((step) => renderFixStep(step) === wait);
    expect(inCauses.length).toBe(2);
    expect(diagnosisSummary(d).actions.filter((action) => action === wait)).toHaveLength(1);
  });

  it('renders a step without uiPath with no trailing brackets', () => {
    expect(renderFixStep({ who: 'network-admin', text: 'Allow it.' })).toBe('Network administrator: Allow it.');
    expect(renderFixStep({ who: 'onshape-admin', text: 'Enter it.', uiPath: 'Onshape > Settings > Arena' })).toBe(
      'Onshape administrator: Enter it. (Onshape > Settings > Arena)',
    );
  });
});
