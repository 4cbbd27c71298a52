// The users check in the wizard, against the real service and the simulator on loopback: paste a CSV
// export, see what it holds and costs, run with progress, then a table that filters and sorts by verdict,
// counts at the top, each row opening its advice, and a CSV export. Nothing of Arena is mocked.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import Wizard from '../../renderer/src/Wizard.svelte';
import { DOCTOR_API_KEY } from '../../renderer/src/lib/context';
import { transition, type UsersInputState } from '../../renderer/src/lib/wizard.svelte';
import { generatedUser, startSimulator, usersScenario, type SimulatorHandle } from '../../main/simulator/index.js';
import { INTEGRATION_EMAIL, WEBTOKEN } from '../../main/simulator/scenarios.js';
import { heading, screen, within } from './support/render-app';
import { closedPort } from '../support/loopback-server';
import { createTestApi } from './support/test-api';
import { INTENT, RESULT } from './support/wizard-states';
import { passedOutcome } from './support/fixtures';

let simulator: SimulatorHandle | null = null;
afterEach(async () => {
  await simulator?.close();
  simulator = null;
});

async function violations(): Promise<string[]> {
  // The wizard is rendered without App's <main> here, so the landmark rule ("region") does not apply.
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

const email = (index: number): string => generatedUser(index).email.toLowerCase();

describe('users check in the wizard', () => {
  it('reads a pasted export, runs, filters and sorts the table, opens advice, and saves a CSV', async () => {
    simulator = await startSimulator({ scenario: usersScenario({ users: 900 }) });
    const test = createTestApi();
    const initial: UsersInputState = {
      kind: 'users-input',
      intent: {
        ...INTENT,
        details: { ...INTENT.details, dataCentre: 'custom', apiUrl: simulator.apiUrl, integrationEmail: INTEGRATION_EMAIL },
        integrationSecret: { source: 'typed', value: WEBTOKEN },
        proxy: { mode: 'direct' },
      },
      text: '',
      preview: null,
      error: null,
      refusal: null,
    };
    const user = userEvent.setup();
    render(Wizard, { props: { initial }, context: new Map([[DOCTOR_API_KEY, test.api]]) });
    await heading('Check Onshape users');
    expect(await violations()).toEqual([]);

    const csv = [
      'Name,Email,Team',
      `Eng 1,${email(1)},A`,
      `Eng 14,${email(14)},A`,
      'Ghost,ghost@northwind.example,B',
      'Nobody,,C',
      `Eng 800,${email(800)},B`,
    ].join('\n');
    await user.click(screen.getByLabelText("Onshape users' emails"));
    await user.paste(csv);
    await user.click(screen.getByRole('button', { name: 'Read the list' }));
    const title = await screen.findByText(/4 emails to check/);
    expect(title.textContent).toBe('4 emails to check (from the column “Email”)');
    expect(screen.getByText(/at most 6 with the logout/)).toBeInTheDocument();
    expect(screen.getByText('line 5: Nobody,,C')).toBeInTheDocument();
    expect(simulator.requests).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Check these users' }));
    // A login, three pages and a logout on loopback: allow for a loaded machine.
    await screen.findByRole('heading', { level: 1, name: '2 of 4 Onshape users are ready' }, { timeout: 10_000 });
    expect(simulator.requests.map((request) => request.path)).toEqual([
      '/v1/logout', // the reach probe: no credential, no session
      '/v1/login',
      '/v1/settings/users',
      '/v1/settings/users',
      '/v1/settings/users',
      '/v1/logout',
    ]);
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'not found: 1' }));
    expect(screen.getByText('1 of 4 users: not found')).toBeInTheDocument();
    expect(screen.queryByText(email(1))).toBeNull();
    await user.click(screen.getByRole('button', { name: "Not among this workspace's Arena users" }));
    expect(screen.getAllByText(/Full License Standard Employee/).length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'All 4' }));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'verdict (needs work first)');
    // The open advice is a row of its own under its user's row.
    const userRows = screen
      .getAllByRole('row')
      .slice(1)
      .filter((row) => !row.classList.contains('advice-row'));
    const firstColumn = userRows.map((row) => row.querySelector('td')?.textContent);
    expect(firstColumn).toEqual([email(14), 'ghost@northwind.example', email(1), email(800)].sort((a, b) => rank(a) - rank(b)));

    await user.click(screen.getByRole('button', { name: 'Save as CSV' }));
    await screen.findByText(/^Saved: /);
    const dir = join(test.dataDir, 'reports');
    const saved = readFileSync(join(dir, readdirSync(dir)[0] ?? ''), 'utf8');
    expect(saved.split('\r\n')[0]).toBe('email,status,arena_type,arena_enabled,arena_full_name,advice,first_fix');
    expect(saved).toContain('ghost@northwind.example,not-found');
    expect(document.body.innerHTML).not.toContain(WEBTOKEN);
  });

  it('reaches Arena first: at a refused port no login is sent, and the result says Arena could not be reached and why', async () => {
    const test = createTestApi();
    const refused = `http://127.0.0.1:${await closedPort()}/v1`;
    const initial: UsersInputState = {
      kind: 'users-input',
      intent: { ...INTENT, details: { ...INTENT.details, dataCentre: 'custom', apiUrl: refused }, proxy: { mode: 'direct' } },
      text: '',
      preview: null,
      error: null,
      refusal: null,
    };
    const user = userEvent.setup();
    render(Wizard, { props: { initial }, context: new Map([[DOCTOR_API_KEY, test.api]]) });
    await heading('Check Onshape users');
    await user.click(screen.getByLabelText("Onshape users' emails"));
    await user.paste('dana@example.com');
    await user.click(screen.getByRole('button', { name: 'Read the list' }));
    await screen.findByText(/1 email to check/);
    await user.click(screen.getByRole('button', { name: 'Check these users' }));
    await screen.findByRole('heading', { level: 1, name: 'Arena could not be reached' }, { timeout: 10_000 });
    const steps = within(screen.getByRole('list', { name: 'Steps' }));
    expect(steps.getByText('Reach Arena', { exact: false }).closest('li')).toHaveClass('status-failed');
    expect(steps.getAllByText(/Arena could not be reached, so no credential was sent/)).toHaveLength(3);
    // Why: the reach step's diagnosis, as for a check.
    expect(screen.getAllByRole('heading', { level: 2 }).some((title) => /refused|not running|port/i.test(title.textContent ?? ''))).toBe(
      true,
    );
    expect(await violations()).toEqual([]);
  });

  it('offers the users check from a passed check, not from a failed one', () => {
    const passed = { ...RESULT, outcome: passedOutcome() };
    expect(transition(passed, { type: 'open-users', intent: INTENT })).toMatchObject({ kind: 'users-input', intent: INTENT });
    expect(transition(RESULT, { type: 'open-users', intent: INTENT })).toBe(RESULT);
    // Without usable details in the form, the details come first, then the list.
    const details = transition({ kind: 'start' }, { type: 'open-users', intent: null });
    expect(details).toEqual({ kind: 'details', notice: null, next: 'users' });
    expect(transition(details, { type: 'submit-details', intent: INTENT })).toMatchObject({ kind: 'users-input' });
  });
});

/** The verdict order the sort uses: disabled and not found before ready (by the generated users' kinds). */
function rank(address: string): number {
  if (address === 'ghost@northwind.example') return 0;
  if (address === email(14)) return 1;
  return 3;
}
