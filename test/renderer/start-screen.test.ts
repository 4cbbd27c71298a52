import { describe, expect, it } from 'vitest';
import { login4089Outcome, passedOutcome, startupInfo } from './support/fixtures';
import { expectFocused, failedHeading, heading, openDetails, renderApp, screen, within } from './support/render-app';

describe('Start screen', () => {
  it('says what the app checks and offers both ways in, with focus on its heading', async () => {
    renderApp();
    const title = await heading('Check the Onshape–Arena connection');
    expectFocused(title);
    expect(screen.getByText(/logs in to Arena PLM from this computer/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Check my connection' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Practice with sample problems' })).toBeInTheDocument();
  });

  it('shows startup notices and an unavailable keychain in plain words', async () => {
    renderApp({
      startup: startupInfo({
        notices: ['The settings file was damaged; it was set aside as settings.json.bak and defaults are used.'],
        keychain: { available: false, message: 'No keychain service (Secret Service) is running on this computer.' },
      }),
    });
    expect(await screen.findByText(/settings file was damaged/)).toBeInTheDocument();
    expect(screen.getByText("This computer's keychain cannot be used")).toBeInTheDocument();
    expect(screen.getByText(/No keychain service \(Secret Service\) is running/)).toBeInTheDocument();
  });

  it('shows a failed startup and lets the admin try again', async () => {
    const rendered = renderApp({
      failures: { getStartup: { code: 'internal', message: 'The settings could not be read.' } },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The settings could not be read.');
    expect(screen.queryByRole('button', { name: 'Check my connection' })).not.toBeInTheDocument();
    await rendered.user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(rendered.scripted.payloadsOf('getStartup')).toHaveLength(2);
  });

  it('moves focus to the next screen heading', async () => {
    const rendered = renderApp();
    await openDetails(rendered);
    expectFocused(screen.getByRole('heading', { level: 1, name: 'Connection details' }));
  });
});

describe('Recent checks', () => {
  const failedReport = login4089Outcome().report;
  const passedReport = passedOutcome().report;
  const history = [
    {
      summary: {
        id: 'entry-failed-1',
        kind: 'check' as const,
        createdAt: failedReport.createdAt,
        apiUrl: failedReport.target.apiUrl,
        workspaceId: 123456789,
        ok: false,
        outcome: 'Log in as the integration user failed (4089)',
        title: 'Arena rejected the WebToken',
      },
      entry: { id: 'entry-failed-1', kind: 'check' as const, report: failedReport },
    },
    {
      summary: {
        id: 'entry-passed-2',
        kind: 'check' as const,
        createdAt: passedReport.createdAt,
        apiUrl: passedReport.target.apiUrl,
        workspaceId: 123456789,
        ok: true,
        outcome: 'passed',
        title: 'The connection works',
      },
      entry: { id: 'entry-passed-2', kind: 'check' as const, report: passedReport },
    },
  ];

  it('lists when, where, the outcome and the diagnosis title of each kept check', async () => {
    renderApp({ history });
    const list = await screen.findByRole('region', { name: 'Recent checks' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Arena rejected the WebToken · Log in as the integration user failed (4089)');
    expect(items[0]).toHaveTextContent(
      `${new Date(failedReport.createdAt).toLocaleString()} · https://api.arenasolutions.com/v1, workspace 123456789`,
    );
    expect(items[1]).toHaveTextContent('The connection works · passed');
  });

  it('opens one read-only: its result screen again, nothing to check again, and its export names the entry', async () => {
    const rendered = renderApp({ history });
    const list = await screen.findByRole('region', { name: 'Recent checks' });
    await rendered.user.click(within(list).getAllByRole('button', { name: 'Open' })[0]!);
    expect(await failedHeading()).toHaveTextContent('Arena rejected the WebToken');
    expect(screen.getByText(/A past check, from .*: shown as it was, nothing is sent again/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check again' })).not.toBeInTheDocument();
    await rendered.user.click(screen.getByRole('button', { name: 'Save or copy a report' }));
    await heading('Report');
    await rendered.user.click(screen.getByRole('button', { name: 'Save as HTML' }));
    expect(rendered.scripted.payloadsOf('exportReport')[0]).toMatchObject({ format: 'html', historyId: 'entry-failed-1' });
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    await failedHeading();
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    await heading('Check the Onshape–Arena connection');
    expect(rendered.scripted.payloadsOf('runCheck')).toEqual([]);
  });

  it('deletes one, and all after a confirmation beside the control', async () => {
    const rendered = renderApp({ history });
    const list = await screen.findByRole('region', { name: 'Recent checks' });
    await rendered.user.click(within(list).getAllByRole('button', { name: 'Delete' })[0]!);
    expect(await within(list).findByText('The check was deleted.')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(rendered.scripted.payloadsOf('deleteHistory')).toEqual(['entry-failed-1']);
    await rendered.user.click(within(list).getByRole('button', { name: 'Delete all recent checks' }));
    expect(rendered.scripted.payloadsOf('clearHistory')).toHaveLength(0);
    expect(within(list).getByText('Delete all 1 recent checks from this computer?')).toBeInTheDocument();
    await rendered.user.click(within(list).getByRole('button', { name: 'Yes, delete them all' }));
    expect(await within(list).findByText('All recent checks were deleted.')).toBeInTheDocument();
    expect(rendered.scripted.payloadsOf('clearHistory')).toHaveLength(1);
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('says why the list is empty when the history file was set aside', async () => {
    renderApp({
      history: [],
      historyNotices: ['The history file /x/history.json is damaged (not valid JSON), so the list of recent checks starts empty.'],
    });
    const list = await screen.findByRole('region', { name: 'Recent checks' });
    expect(within(list).getByText(/history\.json is damaged/)).toBeInTheDocument();
  });
});
