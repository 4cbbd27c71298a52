import { describe, expect, it } from 'vitest';
import { login4089Outcome } from './support/fixtures';
import { expectFocused, heading, renderApp, runToFailure, screen } from './support/render-app';
import type { ScriptedApiOptions } from './support/scripted-api';

async function openReport(options: ScriptedApiOptions = {}): Promise<ReturnType<typeof renderApp>> {
  const rendered = renderApp({ checkResults: [{ ok: true, data: login4089Outcome() }], ...options });
  await runToFailure(rendered);
  await rendered.user.click(screen.getByRole('button', { name: 'No' }));
  await rendered.user.click(screen.getByRole('button', { name: 'Save or copy a report' }));
  expectFocused(await heading('Report'));
  return rendered;
}

describe('Report', () => {
  it('exports with the support ticket and the diagnosis path, and says where it saved', async () => {
    const rendered = await openReport({ exportResult: { saved: true, fileName: 'arena-check-2025-11-22.html' } });
    await rendered.user.type(screen.getByLabelText('Support ticket number (optional)'), ' CS-12345 ');
    await rendered.user.click(screen.getByRole('button', { name: 'Save as HTML' }));
    expect(await screen.findByText('Saved to arena-check-2025-11-22.html')).toBeInTheDocument();
    const [request] = rendered.scripted.payloadsOf('exportReport');
    expect(request).toMatchObject({
      format: 'html',
      supportTicket: 'CS-12345',
      diagnosisPath: [
        { step: 'login', diagnosisId: 'login.4089', concludedCauseId: null, answers: [{ causeId: 'webtoken-invalid', answer: 'no' }] },
      ],
    });

    // The ticket survives a trip back to the result.
    await rendered.user.click(screen.getByRole('button', { name: 'Back' }));
    await rendered.user.click(await screen.findByRole('button', { name: 'Save or copy a report' }));
    expect(await screen.findByLabelText('Support ticket number (optional)')).toHaveValue(' CS-12345 ');
  });

  it('says nothing when the save dialog was cancelled', async () => {
    const rendered = await openReport({ exportResult: { saved: false } });
    await rendered.user.click(screen.getByRole('button', { name: 'Save as JSON' }));
    expect(rendered.scripted.payloadsOf('exportReport')).toHaveLength(1);
    expect(screen.queryByText(/Saved to/)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('copies the summary with the ticket and path', async () => {
    const rendered = await openReport();
    await rendered.user.click(screen.getByRole('button', { name: 'Copy summary' }));
    expect(await screen.findByText('Summary copied to the clipboard.')).toBeInTheDocument();
    expect(rendered.scripted.payloadsOf('copyReportSummary')[0]).toMatchObject({
      format: 'text',
      supportTicket: null,
      diagnosisPath: [{ step: 'login' }],
    });
  });

  it('saves and copies Markdown for a support ticket, with the ticket and path', async () => {
    const rendered = await openReport({ exportResult: { saved: true, fileName: 'arena-check.md' } });
    await rendered.user.type(screen.getByLabelText('Support ticket number (optional)'), 'CS-9');
    await rendered.user.click(screen.getByRole('button', { name: 'Save as Markdown' }));
    expect(await screen.findByText('Saved to arena-check.md')).toBeInTheDocument();
    await rendered.user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    expect(await screen.findByText('Markdown copied to the clipboard: paste it into the support ticket.')).toBeInTheDocument();
    // The earlier status gives way: only what just happened is said.
    expect(screen.queryByText('Saved to arena-check.md')).toBeNull();
    const chosen = { supportTicket: 'CS-9', diagnosisPath: [{ step: 'login', diagnosisId: 'login.4089' }], historyId: null };
    expect(rendered.scripted.payloadsOf('exportReport')).toMatchObject([{ format: 'md', ...chosen }]);
    expect(rendered.scripted.payloadsOf('copyReportSummary')).toMatchObject([{ format: 'md', ...chosen }]);
  });

  it('shows a failed Markdown copy in plain words', async () => {
    const rendered = await openReport({ failures: { copyReportSummary: { code: 'no-report', message: 'There is no report yet.' } } });
    await rendered.user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no report yet.');
    expect(screen.queryByText(/copied to the clipboard/)).toBeNull();
  });

  it('shows a failed save in plain words', async () => {
    const rendered = await openReport({
      failures: { exportReport: { code: 'file-unwritable', message: 'The report could not be written to that folder: it is read-only.' } },
    });
    await rendered.user.click(screen.getByRole('button', { name: 'Save as HTML' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('it is read-only');
  });
});
