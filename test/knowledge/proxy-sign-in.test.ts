// A proxy that wants a sign-in (HTTP 407): the fix steps offer only what this tool can do. It never signs
// in to a proxy (a proxy address holding a user name is refused), so no step may ask for credentials.
import { describe, expect, it } from 'vitest';
import { PROXY_MODE_LABELS } from '../../common/labels.js';
import { parseCommandLine } from '../../main/cli/arguments.js';
import { proxyUrlProblem } from '../../common/fields.js';
import { findEntry } from '../../main/knowledge/index.js';

const entry = findEntry('POST /login', 'PROXY_AUTH_REQUIRED');
const steps = entry.causes.flatMap((cause) => cause.fixSteps.map((step) => step.text));

describe('the proxy sign-in entry', () => {
  it('is the 407 entry', () => {
    expect(entry.id).toBe('format.PROXY_AUTH_REQUIRED');
  });

  it('never asks the admin to give this tool proxy credentials, which it refuses', () => {
    expect(proxyUrlProblem('http://alice:secret@proxy.example.test:8080')).toMatch(/does not sign in to proxies/);
    for (const text of steps) expect(text).not.toMatch(/(give|enter|type).{0,40}(credential|user name|password)/i);
  });

  it('names the direct choice as the details form shows it, and the CLI option that it quotes works', () => {
    expect(steps.some((text) => text.includes(`"${PROXY_MODE_LABELS.direct}"`))).toBe(true);
    expect(steps.some((text) => text.includes('--proxy direct'))).toBe(true);
    const parsed = parseCommandLine(['reach', '--data-centre', 'us', '--proxy', 'direct']);
    expect(parsed.ok).toBe(true);
  });
});
