// service.handle(method, payload) under fuzzing, with the development bridge's host (keychain off, files in
// a temp folder): it never throws, and an invalid payload always comes back as exactly
// { ok: false, error: { code: 'invalid-payload', message } } with a clear message. No check reaches a real
// network: a valid runCheck payload is pointed at a closed loopback port.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCTOR_METHODS, type CheckIntent, type DoctorMethod, type Result } from '../../common/ipc/contract.js';
import { bridgeHost } from '../../main/dev-bridge/bridge-host.js';
import { createDoctorService, type DoctorService } from '../../main/service/doctor-service.js';
import { PAYLOAD_SCHEMAS } from '../../main/service/payload-schemas.js';
import { expectClearMessage, fuzzParameters, nastyString, PLANTED_SECRETS, plantedSecret, stringsIn } from './clear-message.js';
import { broken, connectionDetails, LARGE_TEXT_METHODS, VALID_PAYLOADS } from './valid-inputs.js';

let folder: string;
let service: DoctorService;
let closedPort: number;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'acd-fuzz-service-'));
  service = createDoctorService(bridgeHost({ dataDir: folder, exportDir: join(folder, 'reports'), keychain: false, timeoutMs: 1000 }));
  // A port that was free a moment ago and is closed now: a connection is refused at once.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  closedPort = typeof address === 'object' && address ? address.port : 9;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function handled(method: DoctorMethod, payload: unknown): Promise<Result<unknown>> {
  let result: Result<unknown> | undefined;
  let thrown: unknown = null;
  try {
    result = await service.handle(method, payload);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'handle threw').toBeNull();
  // A Result the window can branch on: ok with data, or an error with a code and a plain message.
  expect(result).toSatisfy(
    (answer: unknown) =>
      typeof answer === 'object' &&
      answer !== null &&
      ((answer as { ok?: unknown }).ok === true
        ? 'data' in answer
        : (answer as { ok?: unknown }).ok === false &&
          typeof (answer as { error?: { code?: unknown } }).error?.code === 'string' &&
          typeof (answer as { error?: { message?: unknown } }).error?.message === 'string' &&
          (answer as { error: { message: string } }).error.message.trim() !== ''),
  );
  return result as Result<unknown>;
}

function isValid(method: DoctorMethod, payload: unknown): boolean {
  return PAYLOAD_SCHEMAS[method].safeParse(payload).success;
}

const anything = fc.oneof(
  fc.anything({
    withNullPrototype: true,
    withMap: true,
    withDate: true,
    withSparseArray: true,
    withBigInt: true,
    maxDepth: 3,
    key: nastyString,
    values: [nastyString, fc.integer(), fc.boolean(), fc.constant(null)],
  }),
  nastyString,
);

/** Methods whose valid payloads are safe to run here (no check, and no network test, against a network). */
const SAFE_WHEN_VALID: readonly string[] = DOCTOR_METHODS.filter(
  (method) => method !== 'runCheck' && method !== 'runUsersCheck' && method !== 'runReach',
);

describe('service.handle under fuzzing', () => {
  it.each(DOCTOR_METHODS)('%s: arbitrary and broken payloads never throw; invalid ones get exactly invalid-payload', async (method) => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anything,
          broken(VALID_PAYLOADS[method] as fc.Arbitrary<unknown>, LARGE_TEXT_METHODS.includes(method)).map((mutation) => mutation.payload),
        ),
        async (payload) => {
          const valid = isValid(method, payload);
          if (valid && !SAFE_WHEN_VALID.includes(method)) return;
          const result = await handled(method, payload);
          if (!valid) {
            expect(result).toEqual({ ok: false, error: { code: 'invalid-payload', message: expect.any(String) } });
            if (!result.ok) expectClearMessage(result.error.message, { inputs: stringsIn(payload) });
          } else if (!result.ok) {
            // A valid request refused for its own reasons (an unknown scenario, a link not allowed): still one clear line.
            expectClearMessage(result.error.message, { inputs: stringsIn(payload), secrets: [] });
          }
        },
      ),
      fuzzParameters(40),
    );
  });

  it('an unknown method name (inherited ones like "constructor" included) is refused, not thrown', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'), fc.string()),
        fc.jsonValue(),
        async (name, payload) => {
          fc.pre(!(DOCTOR_METHODS as string[]).includes(name));
          const result = await handled(name as DoctorMethod, payload);
          expect(result).toEqual({ ok: false, error: { code: 'invalid-payload', message: 'Unknown request.' } });
        },
      ),
      fuzzParameters(100),
    );
  });

  it('a valid check against a closed port returns a Result and never a typed secret', async () => {
    const intent: fc.Arbitrary<CheckIntent> = fc.record({
      details: connectionDetails.map((details) => ({
        ...details,
        dataCentre: 'custom' as const,
        apiUrl: `http://127.0.0.1:${closedPort}/v1`,
      })),
      integrationSecret: plantedSecret.map((value) => ({ source: 'typed' as const, value })),
      userPassword: plantedSecret.map((value) => ({ source: 'typed' as const, value })),
      remember: fc.boolean(),
      confirmedChange: fc.constant(true),
      proxy: fc.constant({ mode: 'direct' as const }),
    });
    await fc.assert(
      fc.asyncProperty(intent, async (payload) => {
        expect(isValid('runCheck', payload)).toBe(true);
        const result = await handled('runCheck', payload);
        const text = JSON.stringify(result);
        for (const secret of PLANTED_SECRETS) expect(text).not.toContain(secret);
        if (!result.ok) expectClearMessage(result.error.message, { inputs: stringsIn(payload) });
      }),
      fuzzParameters(15),
    );
  });
});
