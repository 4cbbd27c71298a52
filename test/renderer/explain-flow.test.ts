// The wizard's explain path against the real service: start → paste → the explained error with its
// values, the stage question, the question walk and its fix, the report export and copy, and a check
// offered next for a login error. Nothing reaches Arena: the host has no network and no simulator runs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import App from '../../renderer/src/App.svelte';
import { heading, screen } from './support/render-app';
import { createTestApi } from './support/test-api';

async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

function start() {
  const test = createTestApi({ now: () => new Date('2026-03-04T05:06:07.000Z') });
  const user = userEvent.setup();
  render(App, { props: { api: test.api } });
  return { ...test, user };
}

async function paste(user: ReturnType<typeof userEvent.setup>, text: string): Promise<void> {
  await user.click(await screen.findByRole('button', { name: 'Explain an error I see in Onshape' }));
  await heading('Explain an error I see in Onshape');
  await user.click(screen.getByLabelText('The error as Onshape shows it'));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Explain' }));
}

describe('explain path', () => {
  it('explains a pasted message with its values, walks to the fix, and exports a report saying no connection was made', async () => {
    const { user, host, dataDir } = start();
    await paste(user, 'Sync failed: The category “Mechanical Part” (guid J1L49Y1KSGZ9SBNUN5OX) is deleted.');
    await heading('The Arena category the Onshape category is mapped to was deleted');
    expect(screen.getByText('Explained from a message, no connection made.')).toBeTruthy();
    expect(screen.getByText('Mechanical Part')).toBeTruthy();
    expect(screen.getByText('J1L49Y1KSGZ9SBNUN5OX')).toBeTruthy();
    // One cause: its fix is shown at once, with who acts where.
    expect(screen.getByText('Arena > Workspace Settings > Categories > Items')).toBeTruthy();
    expect(screen.getByText('Onshape > Settings > Arena > Mappings')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check my connection next' })).toBeNull();
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Save or copy a report' }));
    await heading('Report');
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Save as HTML' }));
    await screen.findByText(/^Saved to /);
    const page = readFileSync(join(dataDir, 'reports', readdirSync(join(dataDir, 'reports'))[0] ?? ''), 'utf8');
    expect(page).toContain('Explained from a message, no connection made.');
    expect(page).toContain('Mechanical Part');
    await user.click(screen.getByRole('button', { name: 'Copy summary' }));
    await screen.findByText('Summary copied to the clipboard.');
    expect(host.clipboard.at(-1)).toMatch(/^The Arena category the Onshape category is mapped to was deleted \(Arena code 3238/);

    // Markdown for a support ticket: the saved file and the copy are the same text.
    await user.click(screen.getByRole('button', { name: 'Save as Markdown' }));
    const savedAs = (await screen.findByText(/^Saved to .*\.md$/)).textContent?.replace(/^Saved to /, '') ?? '';
    const markdown = readFileSync(savedAs, 'utf8');
    expect(markdown).toMatch(/^# Arena Connect Doctor report\n\n\*\*The Arena category the Onshape category is mapped to was deleted\*\*/);
    expect(markdown).toContain('Explained from a message, no connection made.');
    await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await screen.findByText('Markdown copied to the clipboard: paste it into the support ticket.');
    expect(host.clipboard.at(-1)).toBe(markdown);
  });

  it('asks what the admin was doing when a code means different things, and follows the answer', async () => {
    const { user, host } = start();
    await paste(user, '3024');
    await heading('The integration user may not reserve item numbers');
    const group = screen.getByRole('group', { name: 'What were you doing in Onshape when this appeared?' });
    expect(group).toBeTruthy();
    expect(await violations()).toEqual([]);
    await user.click(screen.getByLabelText('Adding a file (a drawing, PDF or export) to a part in Arena'));
    await heading('The Onshape user may not add files to this item');
    // Four causes: the walk asks one question at a time.
    expect(screen.getByText('Question 1 of 4')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Yes' }));
    await screen.findByRole('heading', { name: 'The likely cause' });
    expect(screen.getByText('The account lacks an access policy rule granting Item Read & Write.')).toBeTruthy();
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Save or copy a report' }));
    await user.click(screen.getByRole('button', { name: 'Copy summary' }));
    await screen.findByText('Summary copied to the clipboard.');
    expect(host.clipboard.at(-1)).toMatch(
      /^The Onshape user may not add files to this item \(Arena code 3024, POST \/items\/\{guid\}\/files\)/,
    );
    // Back to the answers as they were, then Back undoes the last answer.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('heading', { name: 'The likely cause' });
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByText('Question 2 of 4');
  });

  it("says plainly when a message is not in Arena's list, keeping the text", async () => {
    const { user } = start();
    await paste(user, 'Something odd happened');
    await heading('This message is not in Arena’s list');
    expect(
      screen.getByText("This message is not in Arena's published list of Onshape connection errors; general guidance follows."),
    ).toBeTruthy();
    expect(screen.getByText('Something odd happened')).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('offers a check next for a login error, and keeps the text on Back', async () => {
    const { user } = start();
    await paste(user, 'Invalid Token.');
    await heading('Arena rejected the WebToken');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await heading('Explain an error I see in Onshape');
    expect((screen.getByLabelText('The error as Onshape shows it') as HTMLTextAreaElement).value).toBe('Invalid Token.');
    await user.click(screen.getByRole('button', { name: 'Explain' }));
    await heading('Arena rejected the WebToken');
    await user.click(screen.getByRole('button', { name: 'Check my connection next' }));
    await heading('Connection details');
  });

  it('asks for text before explaining nothing', async () => {
    const { user } = start();
    await user.click(await screen.findByRole('button', { name: 'Explain an error I see in Onshape' }));
    await heading('Explain an error I see in Onshape');
    await user.click(screen.getByRole('button', { name: 'Explain' }));
    expect(screen.getByText('Paste the error message first.')).toBeTruthy();
    expect(screen.getByLabelText('The error as Onshape shows it').getAttribute('aria-invalid')).toBe('true');
    expect(await violations()).toEqual([]);
  });
});
