import { describe, expect, it } from 'vitest';
import { startupInfo } from './support/fixtures';
import { expectFocused, heading, openDetails, renderApp, screen } from './support/render-app';

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
