// "Test the network only (no sign-in)" in the wizard: the start screen's button, a small form that asks for
// nothing but where Arena is, the proxy and the connect limit, the running screen with the one step and its
// timeline, the result with its diagnosis and evidence, a report like a check's. Scripted API for the
// branches; the real service against the simulator and a refused loopback port for what they answer.
import { render } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { apiUrlProblem, connectTimeoutTextProblem } from '../../common/fields';
import type { CheckProgress, HistoryEntry } from '../../common/ipc/contract';
import { summarise } from '../../main/history/summary';
import Wizard from '../../renderer/src/Wizard.svelte';
import { DOCTOR_API_KEY } from '../../renderer/src/lib/context';
import { REACH_CANCELLED_MESSAGE, type ReachInputState } from '../../renderer/src/lib/wizard.svelte';
import { startSimulator, type SimulatorHandle } from '../../main/simulator/index.js';
import { closedPort } from '../support/loopback-server';
import { REACH_NETWORK, reachOutcome, reachRefusedOutcome } from './support/fixtures';
import { expectFocused, heading, renderApp, screen, within, type Rendered } from './support/render-app';
import { createTestApi } from './support/test-api';

let simulator: SimulatorHandle | null = null;
afterEach(async () => {
  await simulator?.close();
  simulator = null;
});

async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

const ok = <T>(data: T) => ({ ok: true as const, data });

async function openReach({ user }: Rendered): Promise<void> {
  await user.click(await screen.findByRole('button', { name: 'Test the network only (no sign-in)' }));
  await heading('Test the network only');
}

const finished = (outcome = reachRefusedOutcome()): CheckProgress[] => [
  { type: 'step-started', step: 'reach', at: '2025-11-22T10:00:00.000Z' },
  { type: 'step-finished', result: outcome.report.steps[0]! },
];

describe('Test the network only (component)', () => {
  it('asks only where Arena is and how to get there, checks those fields with the shared rules, and sends nothing else', async () => {
    const rendered = renderApp({ reachResults: [ok(reachRefusedOutcome())] });
    await openReach(rendered);
    expect(await violations()).toEqual([]);
    // No account, no secret on this form.
    for (const absent of ['Workspace ID', 'Integration user email', 'WebToken', 'Password'])
      expect(screen.queryByLabelText(absent)).toBeNull();
    const group = screen.getByRole('group', { name: 'How this computer reaches Arena' });
    expect(within(group).getByLabelText("Use this computer's proxy settings")).toBeChecked();

    await rendered.user.selectOptions(screen.getByLabelText('Data centre'), 'Custom API address');
    await rendered.user.type(screen.getByLabelText('Custom API address'), 'http://arena.example.com/v1');
    const limit = within(group).getByLabelText('Connect limit (seconds)');
    await rendered.user.clear(limit);
    await rendered.user.type(limit, '0');
    await rendered.user.click(screen.getByRole('button', { name: 'Test the network' }));
    expect(screen.getByLabelText('Custom API address')).toHaveAccessibleDescription(
      expect.stringContaining(apiUrlProblem('http://arena.example.com/v1')!),
    );
    expect(limit).toHaveAccessibleDescription(expect.stringContaining(connectTimeoutTextProblem('0')!));
    expectFocused(screen.getByLabelText('Custom API address'));
    expect(await violations()).toEqual([]);
    expect(rendered.scripted.payloadsOf('runReach')).toEqual([]);

    await rendered.user.selectOptions(screen.getByLabelText('Data centre'), 'europe');
    await rendered.user.click(screen.getByLabelText('Connect directly, without a proxy'));
    await rendered.user.clear(limit);
    await rendered.user.type(limit, '4');
    await rendered.user.click(screen.getByRole('button', { name: 'Test the network' }));
    await heading('The connection to Arena was refused');
    expect(rendered.scripted.payloadsOf('runReach')).toEqual([
      {
        target: { dataCentre: 'europe', apiUrl: 'https://api.europe.arenaplm.com/v1' },
        proxy: { mode: 'direct' },
        connectTimeoutSeconds: 4,
      },
    ]);
    expect(rendered.scripted.payloadsOf('runCheck')).toEqual([]);
  });

  it('shows the one step running and its timeline, then the diagnosis with the evidence: addresses, split DNS, certificate, clock', async () => {
    const outcome = reachRefusedOutcome();
    const rendered = renderApp({ reachResults: [ok(outcome)], progress: finished(outcome), holdRuns: true });
    await openReach(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Test the network' }));
    await heading('Testing the network (no sign-in)');
    const steps = within(screen.getByRole('list', { name: 'Steps' }));
    expect(steps.getAllByRole('listitem').filter((item) => item.classList.contains('step'))).toHaveLength(1);
    expect(steps.getByText('Reach Arena (no sign-in)').closest('li')).toHaveClass('status-failed');
    expect(screen.getByRole('list', { name: 'Time to reach Arena, by phase' })).toHaveTextContent('DNS 3 ms');
    expect(await violations()).toEqual([]);
    rendered.scripted.release();

    await heading('The connection to Arena was refused');
    expect(screen.getByText('The network test found a problem')).toBeInTheDocument();
    expect(screen.getByText(/This computer got ECONNREFUSED/)).toBeInTheDocument();
    const evidence = within(screen.getByRole('region', { name: 'How this computer reached Arena' }));
    expect(evidence.getByText('Addresses').nextElementSibling).toHaveTextContent('10.0.0.1');
    expect(evidence.getByText(/resolved to 10\.0\.0\.1, which is not a public internet address/)).toBeInTheDocument();
    expect(evidence.getByText('Certificate').nextElementSibling).toHaveTextContent('none (no TLS, or no handshake)');
    expect(evidence.getByText('Clock').nextElementSibling).toHaveTextContent('not measured');
    expect(evidence.getByRole('list', { name: 'Time to reach Arena, by phase' })).toHaveTextContent('DNS 3 ms');
    // The diagnosis is walked as a check's.
    const [firstCause, secondCause] = outcome.report.steps[0]!.diagnosis!.causes;
    expect(screen.getByText(firstCause!.question, { selector: '.question-text' })).toBeInTheDocument();
    expect(await violations()).toEqual([]);
    await rendered.user.click(screen.getByRole('button', { name: 'No' }));
    expect(screen.getByText(secondCause!.question, { selector: '.question-text' })).toBeInTheDocument();

    // The report is a check's: the answers go with it.
    await rendered.user.click(screen.getByRole('button', { name: 'Save or copy a report' }));
    await heading('Report');
    expect(await violations()).toEqual([]);
    await rendered.user.click(screen.getByRole('button', { name: 'Save as HTML' }));
    await screen.findByText(/^Saved to /);
    expect(rendered.scripted.payloadsOf('exportReport')[0]).toMatchObject({
      format: 'html',
      historyId: null,
      diagnosisPath: [{ step: 'reach', diagnosisId: 'network.ECONNREFUSED', answers: [{ causeId: firstCause!.id, answer: 'no' }] }],
    });
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    await heading('The connection to Arena was refused');

    // Test again sends the same request; Back finds the form as it was left.
    await rendered.user.click(screen.getByRole('button', { name: 'Test again' }));
    rendered.scripted.release();
    await heading('The connection to Arena was refused');
    const [first, second] = rendered.scripted.payloadsOf('runReach');
    expect(second).toEqual(first);
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    await heading('Test the network only');
    expect(screen.getByLabelText('Connect limit (seconds)')).toHaveValue('10');
  });

  it('a passed test says Arena can be reached, shows the certificate and offers the check with sign-in', async () => {
    const rendered = renderApp({ reachResults: [ok(reachOutcome())] });
    await openReach(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Test the network' }));
    await heading('Arena can be reached from this computer');
    const evidence = within(screen.getByRole('region', { name: 'How this computer reached Arena' }));
    expect(evidence.getByText('Addresses').nextElementSibling).toHaveTextContent(REACH_NETWORK.addresses.join(', '));
    expect(evidence.getByText('Certificate').nextElementSibling).toHaveTextContent('issued by CN=Amazon RSA 2048 M02, O=Amazon');
    expect(evidence.getByText('Clock').nextElementSibling).toHaveTextContent("this computer's clock matches Arena's");
    expect(screen.queryByText('Worth knowing')).toBeNull();
    expect(await violations()).toEqual([]);
    await rendered.user.click(screen.getByRole('button', { name: 'Check my connection' }));
    await heading('Connection details');
  });

  it('a cancelled test returns to its form and says nothing was sent', async () => {
    const rendered = renderApp({ reachResults: [ok(reachRefusedOutcome())], holdRuns: true });
    await openReach(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Test the network' }));
    await heading('Testing the network (no sign-in)');
    await rendered.user.click(screen.getByRole('button', { name: 'Cancel' }));
    await heading('Test the network only');
    expect(screen.getByRole('alert')).toHaveTextContent(REACH_CANCELLED_MESSAGE);
  });
});

describe('a past network test from Recent checks', () => {
  it('is listed with where it went, opens read-only with its evidence, exports the kept one, and Back returns to the start', async () => {
    const entry: HistoryEntry = { id: 'reach-refused-1', kind: 'reach', report: reachRefusedOutcome().report };
    const rendered = renderApp({ history: [{ summary: summarise(entry), entry }] });
    const list = await screen.findByRole('region', { name: 'Recent checks' });
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(
      'The connection to Arena was refused · Network test (no sign-in) failed (ECONNREFUSED)',
    );
    await rendered.user.click(within(list).getByRole('button', { name: 'Open' }));
    await heading('The connection to Arena was refused');
    expect(screen.getByText(/A past network test, from .*: shown as it was, nothing is sent again/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'How this computer reached Arena' })).toHaveTextContent('10.0.0.1');
    expect(screen.queryByRole('button', { name: 'Test again' })).toBeNull();
    expect(await violations()).toEqual([]);
    await rendered.user.click(screen.getByRole('button', { name: 'Save or copy a report' }));
    await heading('Report');
    await rendered.user.click(screen.getByRole('button', { name: 'Save as JSON' }));
    await screen.findByText(/^Saved to /);
    expect(rendered.scripted.payloadsOf('exportReport')[0]).toMatchObject({ format: 'json', historyId: 'reach-refused-1' });
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    await rendered.user.click(await screen.findByRole('button', { name: 'Back' }));
    await heading('Check the Onshape–Arena connection');
    expect(rendered.scripted.payloadsOf('runReach')).toEqual([]);
  });
});

describe('Test the network only (the real service)', () => {
  async function testAgainst(apiUrl: string): Promise<ReturnType<typeof createTestApi>> {
    const test = createTestApi();
    const initial: ReachInputState = { kind: 'reach-input', error: null };
    const user = userEvent.setup();
    render(Wizard, { props: { initial }, context: new Map([[DOCTOR_API_KEY, test.api]]) });
    // The form waits for the start-up info (the data centres), as the details screen does.
    await user.selectOptions(await screen.findByLabelText('Data centre'), 'Custom API address');
    await user.type(screen.getByLabelText('Custom API address'), apiUrl);
    await user.click(screen.getByLabelText('Connect directly, without a proxy'));
    await user.click(screen.getByRole('button', { name: 'Test the network' }));
    return test;
  }

  it('reaches the simulator with the probe alone', async () => {
    simulator = await startSimulator({ scenario: 'healthy' });
    await testAgainst(simulator.apiUrl);
    await screen.findByRole('heading', { level: 1, name: 'Arena can be reached from this computer' }, { timeout: 10_000 });
    const evidence = within(screen.getByRole('region', { name: 'How this computer reached Arena' }));
    expect(evidence.getByText('Connected to').nextElementSibling).toHaveTextContent('127.0.0.1');
    expect(
      simulator.requests.map((request) => [request.method, request.path, request.credentialFingerprint, request.sessionFingerprint]),
    ).toEqual([['PUT', '/v1/logout', null, null]]);
    expect(await violations()).toEqual([]);
  });

  it('names a refused loopback port with its diagnosis', async () => {
    await testAgainst(`http://127.0.0.1:${await closedPort()}/v1`);
    await screen.findByText('The network test found a problem', undefined, { timeout: 10_000 });
    expect(screen.getByText(/This computer got ECONNREFUSED/)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'How this computer reached Arena' })).getByText('Connected to')).toBeInTheDocument();
    expect(await violations()).toEqual([]);
  });
});
