// The GitHub workflows are valid against the workflow schema (offline, @action-validator/core), so a
// broken release workflow is caught here instead of after a version tag is pushed.
import { readdirSync, readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';

const folder = new URL('../../.github/workflows/', import.meta.url);
const workflows = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');

describe('GitHub workflows', () => {
  it('there are workflows to check (CI and release)', () => {
    expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
  });

  it.each(workflows)('%s matches the workflow schema', (name) => {
    expect(validateWorkflow(read(name)).errors).toEqual([]);
  });

  it.each([
    ['a misspelt key in a job', (text: string) => text.replace(/^ {4}runs-on:/m, '    runs_on:')],
    ['a step with neither run nor uses', (text: string) => text.replace(/^(\s+)run: npm ci --no-audit --no-fund$/m, '$1rn: npm ci')],
    ['an unknown trigger', (text: string) => text.replace(/^on:\n/m, 'on:\n  tag_pushed:\n')],
  ])('a release workflow with %s is refused', (_label, breakIt) => {
    const broken = breakIt(read('release.yml'));
    expect(broken).not.toBe(read('release.yml'));
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });
});
