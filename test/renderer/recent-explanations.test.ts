// Explained messages in "Recent checks": listed with when, the matched entry's title (or the message's
// short form) and what was recognised; opened read-only on the explained screen with export of the kept
// report; deleted like a check. Summaries come from the service's own summarise(), over real explanations.
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { ExplanationReport } from '../../common/explanation';
import type { HistoryEntry } from '../../common/ipc/contract';
import { explainMessage } from '../../main/explain/explain';
import { summarise } from '../../main/history/summary';
import { login4089Outcome } from './support/fixtures';
import { heading, renderApp, screen, within } from './support/render-app';

const DELETED = 'Sync failed: The category “Mechanical Part” (guid J1L49Y1KSGZ9SBNUN5OX) is deleted.';
const UNKNOWN = 'The sync stopped with something nobody has seen before';

function explanationEntry(id: string, text: string): HistoryEntry {
  const at = new Date('2025-11-22T09:30:00.000Z');
  const report: ExplanationReport = {
    tool: { name: 'arena-connect-doctor', version: '0.1.0' },
    createdAt: at.toISOString(),
    explanation: explainMessage(text, { now: at }),
    chosenId: null,
    answers: null,
  };
  return { id, kind: 'explain', report };
}

const entries: HistoryEntry[] = [
  explanationEntry('explain-deleted-1', DELETED),
  explanationEntry('explain-unknown-2', UNKNOWN),
  { id: 'check-failed-3', kind: 'check', report: login4089Outcome().report },
];
const history = entries.map((entry) => ({ summary: summarise(entry), entry }));

async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

describe('explained messages in Recent checks', () => {
  it('lists each with when it was explained, the entry title or the message, and what was recognised', async () => {
    renderApp({ history });
    const list = await screen.findByRole('region', { name: 'Recent checks' });
    const items = within(list).getAllByRole('listitem');
    const recognised = entries[0]?.kind === 'explain' ? entries[0].report.explanation.candidates[0] : undefined;
    expect(recognised).toBeDefined();
    expect(items[0]).toHaveTextContent(`${recognised?.title ?? ''} · Explained message: Arena code ${String(recognised?.code)}`);
    expect(items[0]).toHaveTextContent(new Date('2025-11-22T09:30:00.000Z').toLocaleString());
    expect(items[1]).toHaveTextContent(`“${UNKNOWN}” · Explained message: not in Arena's list`);
    expect(items[2]).toHaveTextContent('Arena rejected the WebToken · Log in as the integration user failed (4089)');
    expect(await violations()).toEqual([]);
  });

  it('opens one read-only on the explained screen; its report saves the kept one; Back returns to the start', async () => {
    const rendered = renderApp({ history });
    const list = await screen.findByRole('region', { name: 'Recent checks' });
    await rendered.user.click(within(list).getAllByRole('button', { name: 'Open' })[0]!);
    await screen.findByText(/A past explanation, from .*: shown as it was kept/);
    expect(screen.getByText(DELETED)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check my connection next' })).not.toBeInTheDocument();
    expect(await violations()).toEqual([]);

    await rendered.user.click(screen.getByRole('button', { name: 'Save or copy a report' }));
    await heading('Report');
    await rendered.user.click(screen.getByRole('button', { name: 'Save as JSON' }));
    await rendered.user.click(screen.getByRole('button', { name: 'Copy summary' }));
    expect(rendered.scripted.payloadsOf('exportExplanation')[0]).toMatchObject({ format: 'json', historyId: 'explain-deleted-1' });
    expect(rendered.scripted.payloadsOf('copyExplanation')[0]).toMatchObject({ historyId: 'explain-deleted-1' });
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    await rendered.user.click(await screen.findByRole('button', { name: 'Back' }));
    await heading('Check the Onshape–Arena connection');
    expect(rendered.scripted.payloadsOf('explainMessage')).toEqual([]);
  });

  it('a freshly explained message exports by its text, not by a history id', async () => {
    const rendered = renderApp();
    await rendered.user.click(await screen.findByRole('button', { name: 'Explain an error I see in Onshape' }));
    await rendered.user.type(screen.getByRole('textbox'), '3024');
    await rendered.user.click(screen.getByRole('button', { name: 'Explain' }));
    await rendered.user.click(await screen.findByRole('button', { name: 'Save or copy a report' }));
    await rendered.user.click(await screen.findByRole('button', { name: 'Save as HTML' }));
    expect(rendered.scripted.payloadsOf('exportExplanation')[0]).toMatchObject({ text: '3024', historyId: null });
  });

  it('deletes an explanation, saying so', async () => {
    const rendered = renderApp({ history });
    const list = await screen.findByRole('region', { name: 'Recent checks' });
    await rendered.user.click(within(list).getAllByRole('button', { name: 'Delete' })[0]!);
    expect(await within(list).findByText('The explanation was deleted.')).toBeInTheDocument();
    expect(rendered.scripted.payloadsOf('deleteHistory')).toEqual(['explain-deleted-1']);
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
  });
});
