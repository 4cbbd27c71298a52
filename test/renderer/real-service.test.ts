// A smoke run of the wizard against the real main-process service and the built-in Arena simulator
// (test/renderer/support/test-api.ts, by the lead): practice scenario → diagnosis path → exported report.
import { readFile, rm } from 'node:fs/promises';
import { render } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../renderer/src/App.svelte';
import { failedHeading, heading, screen } from './support/render-app';
import { createTestApi, type TestApi } from './support/test-api';

let testApi: TestApi | null = null;

afterEach(async () => {
  if (testApi) await rm(testApi.dataDir, { recursive: true, force: true });
  testApi = null;
});

describe('wizard against the real service (practice)', () => {
  it('diagnoses a regenerated WebToken, walks the questions and exports the path', async () => {
    testApi = createTestApi();
    const user = userEvent.setup();
    render(App, { props: { api: testApi.api } });

    await user.click(await screen.findByRole('button', { name: 'Practice with sample problems' }));
    await user.click(await screen.findByRole('button', { name: 'WebToken was regenerated' }));
    await failedHeading();
    expect(screen.getByText(/Arena code 4089/)).toBeInTheDocument();

    // Answer until the regenerated-token question, then Yes.
    for (let guard = 0; guard < 10; guard += 1) {
      const question = screen.queryByText(/Has Arena Support issued or changed a WebToken/, { selector: '.question-text' });
      if (question) break;
      await user.click(screen.getByRole('button', { name: 'No' }));
    }
    await user.click(screen.getByRole('button', { name: 'Yes' }));
    await screen.findByRole('heading', { name: 'The likely cause' });
    await user.click(screen.getByRole('button', { name: 'Copy these steps' }));
    await screen.findByText('Steps copied to the clipboard.');
    const copiedSteps = testApi.host.clipboard.at(-1) ?? '';

    await user.click(screen.getByRole('button', { name: 'Save or copy a report' }));
    await heading('Report');
    await user.type(screen.getByLabelText('Support ticket number (optional)'), 'CS-777');
    await user.click(screen.getByRole('button', { name: 'Save as JSON' }));
    const saved = await screen.findByText(/^Saved to /);
    const fileName = (saved.textContent ?? '').replace(/^Saved to /, '');
    const exported = JSON.parse(await readFile(fileName, 'utf8')) as {
      supportTicket: string | null;
      diagnosisPath: { diagnosisId: string; concludedCauseId: string | null }[];
    };
    expect(exported.supportTicket).toBe('CS-777');
    expect(exported.diagnosisPath).toEqual([
      expect.objectContaining({ diagnosisId: 'login.4089', concludedCauseId: 'webtoken-regenerated' }),
    ]);

    await user.click(screen.getByRole('button', { name: 'Copy summary' }));
    await screen.findByText('Summary copied to the clipboard.');
    const summary = testApi.host.clipboard.at(-1) ?? '';
    expect(summary).toContain('CS-777');
    // The steps the admin copied read exactly as the report's fix steps (one formatter, common/fix-steps.ts).
    const stepLines = copiedSteps.split('\n').flatMap((line) => /^\d+\. (.+)$/.exec(line)?.slice(1) ?? []);
    expect(stepLines).toHaveLength(2);
    const reportLines = summary.split('\n').map((line) => line.replace(/^\s+- /, ''));
    for (const line of stepLines) expect(reportLines).toContain(line);

    await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await screen.findByText('Markdown copied to the clipboard: paste it into the support ticket.');
    const markdown = testApi.host.clipboard.at(-1) ?? '';
    expect(markdown).toMatch(/^# Arena Connect Doctor report\n/);
    expect(markdown).toContain('| Support ticket | CS-777 |');
    expect(markdown).toContain('## Diagnosis path (the admin’s answers)');
    expect(markdown).toContain('(the admin’s answers point here)');
  });
});
